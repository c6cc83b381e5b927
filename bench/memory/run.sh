#!/usr/bin/env bash
# Memory of the Serai distribution (issue #15): idle after start, and during and after a mixed load, with the
# distribution's own memory settings (bin/setenv) or with SERAI_MEMORY_OPTS as given here.
#
#   bench/memory/run.sh            (needs mvn -B install -DskipTests for karaf-assembly/target/assembly, and
#                                   apt-get install postfix curl for smtp-source and the IMAP/POP3 client)
#
# Knobs: MESSAGES [10000 x 10 KB over SMTP, 8 sessions], FETCH_ROUNDS [1 round of every message fetched by UID
# over one IMAP connection], POP3_MESSAGES [1000 RETRs over one POP3 session], SERAI_MEMORY_OPTS (replaces the
# distribution's memory options; "" for the JVM's own sizing), SETTLE [30 s of idle before each idle figure],
# NMT=1 (adds the JVM's own accounting by area, Native Memory Tracking summary, which itself costs some memory).
# Prints, per phase, RSS and PSS (/proc/<pid>/smaps_rollup), the peak RSS (VmHWM) and the heap in use and committed
# (jcmd GC.heap_info). Loopback only; everything in a temp directory, deleted on exit.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
dist="$repo/karaf-assembly/target/assembly"
[ -x "$dist/bin/karaf" ] || { echo "build first: mvn -B install -DskipTests" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/serai-memory.XXXXXX")
cleanup() {
  pkill -9 -f "karaf.base=$work/serai" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
kib() { awk -v k="$2" '$1 == k":" {print $2}' "$1"; }

# report PHASE: one line of totals and the NMT areas above 4 MiB
report() {
  local rss pss hwm heap
  rss=$(kib "/proc/$jvm/smaps_rollup" Rss); pss=$(kib "/proc/$jvm/smaps_rollup" Pss)
  hwm=$(kib "/proc/$jvm/status" VmHWM)
  heap=$(jcmd "$jvm" GC.heap_info 2>/dev/null | python3 -c '
import re, sys
t = sys.stdin.read()
tot = sum(int(a) for a, b in re.findall(r"total (\d+)K, used (\d+)K", t))
used = sum(int(b) for a, b in re.findall(r"total (\d+)K, used (\d+)K", t))
g1 = re.search(r"garbage-first heap\s+total (\d+)K, used (\d+)K", t)
if g1: tot, used = int(g1.group(1)), int(g1.group(2))
print(f"heap used {used // 1024} of {tot // 1024} MiB committed")')
  printf '%-22s RSS %4d MiB  PSS %4d MiB  peak RSS %4d MiB  %s\n' "$1" $((rss / 1024)) $((pss / 1024)) \
    $((hwm / 1024)) "$heap"
  [ -n "${NMT:-}" ] || return 0
  jcmd "$jvm" VM.native_memory summary 2>/dev/null | python3 -c '
import re, sys
out = []
for m in re.finditer(r"^-\s+([A-Za-z ]+?) \(reserved=\d+KB, committed=(\d+)KB", sys.stdin.read(), re.M):
    if int(m.group(2)) >= 4096:
        out.append(f"{m.group(1).strip()} {int(m.group(2)) // 1024}")
print("    NMT committed MiB: " + ", ".join(out))'
}

echo "# $(date -u '+%Y-%m-%d %H:%M:%S UTC')  $(nproc) cores, $(java -version 2>&1 | head -1)"
cp -r "$dist" "$work/serai"
smtp=$(free_port); imap=$(free_port); pop3=$(free_port); ssh_port=$(free_port)
sed -i "s/^port = .*/port = $smtp/" "$work/serai/etc/io.serai.smtp.listener-mta.cfg"
sed -i "s/^port = .*/port = $imap/" "$work/serai/etc/io.serai.imap.listener-imap.cfg"
sed -i "s/^port = .*/port = $pop3/" "$work/serai/etc/io.serai.pop3.listener-pop3.cfg"
for f in io.serai.smtp.listener-submission io.serai.smtp.listener-submissions io.serai.imap.listener-imaps \
         io.serai.pop3.listener-pop3s; do rm -f "$work/serai/etc/$f.cfg"; done
sed -i "s/^domains = .*/domains = bench.test/" "$work/serai/etc/io.serai.store.cfg"
sed -i "s/^sshPort = .*/sshPort = $ssh_port/" "$work/serai/etc/org.apache.karaf.shell.cfg"
ssh-keygen -q -t rsa -b 2048 -N '' -f "$work/key"
echo "karaf=$(cut -d' ' -f2 "$work/key.pub"),_g_:admingroup" >> "$work/serai/etc/keys.properties"
echo "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh" >> "$work/serai/etc/keys.properties"
[ -n "${SERAI_MEMORY_OPTS+set}" ] && export SERAI_MEMORY_OPTS
echo "# memory options: ${SERAI_MEMORY_OPTS-as in bin/setenv: $(grep -o '^SERAI_DEFAULT_MEMORY_OPTS=.*' "$work/serai/bin/setenv" | cut -d= -f2-)}"
nmt=; [ -n "${NMT:-}" ] && nmt=-XX:NativeMemoryTracking=summary
(cd "$work/serai" && EXTRA_JAVA_OPTS="$nmt" exec bin/karaf server > "$work/karaf.out" 2>&1) &
shell="ssh -q -i $work/key -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -p $ssh_port karaf@127.0.0.1"
for _ in $(seq 1 240); do $shell 'serai:domain-list' 2>/dev/null | grep -q bench.test && break; sleep 0.5; done
$shell "serai:user-add --password bench bench@bench.test" > /dev/null
for p in $smtp $imap $pop3; do
  for _ in $(seq 1 120); do (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && break; sleep 0.5; done
done
jvm=$(pgrep -f "karaf.base=$work/serai" | head -1)
sleep "${SETTLE:-30}" # settle: what start-up left behind, not start-up itself
report "idle after start"

messages=${MESSAGES:-10000}
smtp-source -c -d -s 8 -m "$messages" -l 10240 -f load@client.test -t bench@bench.test "127.0.0.1:$smtp" > /dev/null
report "after SMTP $messages"
# one connection per client run, every message by UID (curl's URL globbing reuses the connection)
for _ in $(seq 1 "${FETCH_ROUNDS:-1}"); do
  curl -sS --max-time 600 -u bench@bench.test:bench "imap://127.0.0.1:$imap/INBOX/;UID=[1-$messages]" > /dev/null
done
report "after IMAP FETCH x${FETCH_ROUNDS:-1}"
n=${POP3_MESSAGES:-1000}
curl -sS --max-time 600 -u bench@bench.test:bench "pop3://127.0.0.1:$pop3/[1-$n]" > /dev/null
report "after POP3 RETR $n"
sleep "${SETTLE:-30}"
report "idle after load"
