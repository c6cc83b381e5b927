#!/usr/bin/env bash
# SMTP load through the full path (SMTP -> Camel route -> durable store, fsync on) with Postfix's smtp-source,
# against the Serai distribution and, as the baseline measured in the same run, against Postfix itself
# (its 250 also means "in a queue file, fsynced"). Loopback only.
#
#   bench/smtp/run.sh [serai|serai-pg|stores|postfix|greenmail|both|all]
#                     (default both = postfix + serai; all = postfix + greenmail + serai; greenmail: GreenMail 2.1.13's
#                      in-memory SMTP server, from bench/pop3/pom.xml's dependencies; serai-pg: the same distribution on the PostgreSQL store, a
#                      server started here with Debian's postgresql, fsync and synchronous_commit on; stores: serai
#                      then serai-pg in one run, the embedded store as the baseline. Needs apt-get install postfix
#                      postgresql, and mvn -B install -DskipTests for karaf-assembly/target/assembly)
# Scenarios: 10 KB messages with 1, 8 and 32 sessions; 1 MB messages with 4 sessions. Each runs twice: "conn"
# opens a new connection per message (smtp-source's default: connect, EHLO, MAIL, RCPT, DATA, QUIT every time) and
# "session" keeps each SMTP session open for all its messages (smtp-source -d), which is what the targets count;
# "pipelined" is our Java client (PipeliningLoad.java) that also keeps the session and pipelines MAIL/RCPT/DATA
# (RFC 2920) as Postfix's own smtp client does; smtp-source cannot pipeline. "bdat" is the same client sending
# each message as MAIL, RCPT and one BDAT LAST chunk in a single write (RFC 3030, as Exim does with CHUNKING).
# "latency" is ConnLatency.java: 1 client, a new connection per message, the time of each step (connect and
# greeting, HELO, MAIL, RCPT, DATA, message, QUIT) as median and 90th percentile.
# MODES="session pipelined" picks modes (default: session pipelined conn; bdat and latency only when asked). PG_STATEMENTS=1:
# the statements the measured scenarios ran on PostgreSQL, by calls (pg_stat_statements). JFR=FILE: a flight
# recording of Serai's JVM (settings=profile) during the measured scenarios.
# Prints msg/s, server CPU ms per message, and the number of messages found afterwards.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
which=${1:-both}
count_10k=${COUNT_10K:-4000}
count_1m=${COUNT_1M:-200}
warm_pipelined=${WARM:-20000}
sent=0 # messages sent to the server under test so far (warm-up included), checked against its count at the end
work=$(mktemp -d /tmp/serai-bench.XXXXXX)
classes="$work/classes"
mkdir -p "$classes" && javac -d "$classes" "$here/PipeliningLoad.java" "$here/ConnLatency.java"
trap 'cleanup' EXIT
# shellcheck source=../lib/postgres.sh
. "$here/../lib/postgres.sh"

cleanup() {
  stop_postgres
  # bin/karaf runs java as a child: stop the JVM itself, not only the script
  [ -n "${karaf_pid:-}" ] && { pkill -9 -f "karaf.base=$work/serai" 2>/dev/null; kill "$karaf_pid" 2>/dev/null; wait "$karaf_pid" 2>/dev/null; } || true
  [ "${postfix_started:-}" = 1 ] && postfix stop >/dev/null 2>&1 || true
  rm -rf "$work"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cpu_ticks() { awk '{print $14+$15+$16+$17}' "/proc/$1/stat"; }
cpu_ticks_all() { local t=0; for p in $(pgrep -d' ' "$1"); do t=$((t + $(cpu_ticks "$p" 2>/dev/null || echo 0))); done; echo $t; }

# run NAME PORT SESSIONS COUNT SIZE CPU_FN -> one result line
run_scenario() {
  local name=$1 port=$2 sessions=$3 count=$4 size=$5 cpu_fn=$6 mode=${7:-session}
  local keep=; [ "$mode" = session ] && keep=-d
  if [ "$mode" = latency ]; then
    # one client, a new connection per message, each step timed (ConnLatency.java); 10 KB and 1 session only
    [ "$sessions" = 1 ] && [ "$size" = 10240 ] || return 0
    echo "$name latency: 1 session, new connection per message, $count x 10 KB"
    java -cp "$classes" ConnLatency 127.0.0.1 "$port" "$count" "$size" load@client.test bench@bench.test | sed 's/^/  /'
    sent=$((sent + count))
    return 0
  fi
  local hz; hz=$(getconf CLK_TCK)
  local c0; c0=$($cpu_fn)
  local t0; t0=$(date +%s.%N)
  local rate=0
  if [ "$mode" = pipelined ] || [ "$mode" = bdat ]; then
    # the Java client times itself (its start-up is not the server's time); it prints "sent rate errors"
    local chunking=; [ "$mode" = bdat ] && chunking=bdat
    local result; result=$(java -cp "$classes" PipeliningLoad 127.0.0.1 "$port" "$sessions" "$count" "$size" \
      load@client.test bench@bench.test $chunking)
    rate=$(echo "$result" | cut -d' ' -f2)
    [ "$(echo "$result" | cut -d' ' -f3)" = 0 ] || echo "pipelined client errors: $result" >&2
  else
    smtp-source -c $keep -s "$sessions" -m "$count" -l "$size" -f load@client.test -t bench@bench.test \
      -S "bench $name" "127.0.0.1:$port" > /dev/null
  fi
  local t1; t1=$(date +%s.%N)
  local c1; c1=$($cpu_fn)
  sent=$((sent + count))
  python3 - "$name" "$sessions" "$count" "$size" "$t0" "$t1" "$c0" "$c1" "$hz" "$mode" "$rate" <<'PY'
import sys
name, sessions, count, size, t0, t1, c0, c1, hz, mode, rate = sys.argv[1:]
secs = float(t1) - float(t0) if float(rate) == 0 else int(count) / float(rate)
cpu_ms = (int(c1) - int(c0)) * 1000.0 / int(hz) / int(count)
print(f"{name:8s} {mode:7s} size={int(size)//1024:5d}KB sessions={sessions:>2} messages={count:>5} {int(count)/secs:8.0f} msg/s  server CPU {cpu_ms:6.2f} ms/msg")
PY
}

# bench_serai [embedded|postgres]
bench_serai() {
  local store=${1:-embedded}
  local dist="$repo/karaf-assembly/target/assembly"
  [ -x "$dist/bin/karaf" ] || { echo "build first: mvn -B install -DskipTests" >&2; exit 1; }
  rm -rf "$work/serai"
  cp -r "$dist" "$work/serai"
  if [ "$store" = postgres ]; then
    [ -n "${pg_dir:-}" ] || start_postgres "$work"
    sed -i "s/^type = .*/type = postgres/; s|^jdbcUrl = .*|jdbcUrl = jdbc:postgresql://127.0.0.1:$pg_port/serai|; s/^password =.*/password = serai-bench/" "$work/serai/etc/io.serai.store.cfg"
  fi
  local port; port=$(free_port)
  local ssh_port; ssh_port=$(free_port)
  sed -i "s/^port = .*/port = $port/" "$work/serai/etc/io.serai.smtp.listener-mta.cfg"
  # 32 sessions from one address: above the default per-address limit of 20
  echo "maxConnectionsPerIp = 64" >> "$work/serai/etc/io.serai.smtp.listener-mta.cfg"
  rm -f "$work/serai/etc/io.serai.smtp.listener-submission.cfg" "$work/serai/etc/io.serai.smtp.listener-submissions.cfg"
  sed -i "s/^domains = .*/domains = bench.test/" "$work/serai/etc/io.serai.store.cfg"
  sed -i "s/^sshPort = .*/sshPort = $ssh_port/" "$work/serai/etc/org.apache.karaf.shell.cfg"
  rm -f "$work/key" "$work/key.pub"
  ssh-keygen -q -t rsa -b 2048 -N '' -f "$work/key"
  echo "karaf=$(cut -d' ' -f2 "$work/key.pub"),_g_:admingroup" >> "$work/serai/etc/keys.properties"
  echo "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh" >> "$work/serai/etc/keys.properties"
  (cd "$work/serai" && exec bin/karaf server > "$work/karaf.out" 2>&1) &
  karaf_pid=$!
  local shell="ssh -q -i $work/key -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -p $ssh_port karaf@127.0.0.1"
  for _ in $(seq 1 240); do $shell 'serai:domain-list' 2>/dev/null | grep -q bench.test && break; sleep 0.5; done
  $shell "serai:user-add --password bench bench@bench.test" 2>&1 || { echo "could not create the bench account" >&2; cat "$work/karaf.out" >&2; exit 1; }
  for _ in $(seq 1 120); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.5; done
  local jvm; jvm=$(pgrep -f "karaf.base=$work/serai" | head -1)
  serai_cpu() { cpu_ticks "$jvm"; }
  # on the PostgreSQL store the server's cost is the JVM's plus the database's
  serai_pg_cpu() { echo $(( $(cpu_ticks "$jvm") + $(cpu_ticks_all '^postgres$') )); }
  local label=serai cpu_fn=serai_cpu
  [ "$store" = postgres ] && { label=serai-pg; cpu_fn=serai_pg_cpu; }
  # JIT warm-up: the server path reaches its steady speed only after some 20,000 messages
  # (a new connection per message, so the accept, greeting and close path is compiled too: ${WARM_CONN:-5000})
  smtp-source -c -s 4 -m "${WARM_CONN:-5000}" -l 10240 -f warm@client.test -t bench@bench.test "127.0.0.1:$port" > /dev/null
  java -cp "$classes" PipeliningLoad 127.0.0.1 "$port" 4 $warm_pipelined 10240 warm@client.test bench@bench.test > /dev/null
  sent=$((${WARM_CONN:-5000} + warm_pipelined))
  # JFR=FILE: a flight recording (settings=profile) of the measured scenarios, written to FILE
  [ -n "${JFR:-}" ] && jcmd "$jvm" JFR.start name=bench settings=profile filename="$JFR" > /dev/null
  [ "$store" = postgres ] && postgres_top_statements >/dev/null # counts from here on
  for mode in ${MODES:-session pipelined conn}; do
    run_scenario "$label" "$port" 1 "$count_10k" 10240 "$cpu_fn" $mode
    run_scenario "$label" "$port" 8 "$count_10k" 10240 "$cpu_fn" $mode
    run_scenario "$label" "$port" 32 "$count_10k" 10240 "$cpu_fn" $mode
    run_scenario "$label" "$port" 4 "$count_1m" 1048576 "$cpu_fn" $mode
  done
  [ -n "${JFR:-}" ] && jcmd "$jvm" JFR.stop name=bench > /dev/null
  echo "serai ($store store): messages in bench@bench.test INBOX (expected $sent):"
  $shell 'serai:mailbox-list bench@bench.test' | grep INBOX
  [ "$store" = postgres ] && { postgres_stats; postgres_top_statements; }
  pkill -9 -f "karaf.base=$work/serai" 2>/dev/null; kill "$karaf_pid" 2>/dev/null; wait "$karaf_pid" 2>/dev/null || true
  karaf_pid=
}

bench_postfix() {
  command -v postfix > /dev/null || { echo "postfix is not installed (apt-get install postfix)" >&2; return; }
  id bench > /dev/null 2>&1 || useradd -m bench
  # Debian's "No configuration" install leaves no main.cf
  [ -f /etc/postfix/main.cf ] || : > /etc/postfix/main.cf
  postconf -e "inet_interfaces = loopback-only" "inet_protocols = ipv4" "mydestination = localhost, bench.test" \
    "myhostname = localhost" "alias_maps =" "alias_database =" "local_recipient_maps =" \
    "smtpd_client_connection_rate_limit = 0" "smtpd_client_connection_count_limit = 0" "default_process_limit = 100" \
    "compatibility_level = 3.6" "maillog_file = /var/log/postfix.log"
  postfix stop > /dev/null 2>&1 || true
  postfix start > /dev/null 2>&1 && postfix_started=1
  for _ in $(seq 1 60); do (exec 3<>/dev/tcp/127.0.0.1/25) 2>/dev/null && break; sleep 0.5; done
  postfix_cpu() { cpu_ticks_all '^(smtpd|cleanup|qmgr|master|trivial-rewrite)$'; }
  smtp-source -c -s 4 -m 500 -l 10240 -f warm@client.test -t bench@bench.test 127.0.0.1:25 > /dev/null
  java -cp "$classes" PipeliningLoad 127.0.0.1 25 4 $warm_pipelined 10240 warm@client.test bench@bench.test > /dev/null
  # Postfix delivers from its queue after the 250: drop the warm-up's backlog so it does not compete with the run
  postsuper -d ALL > /dev/null 2>&1 || true
  : > /var/mail/bench
  for mode in ${MODES:-session pipelined conn}; do
    run_scenario postfix 25 1 "$count_10k" 10240 postfix_cpu $mode
    run_scenario postfix 25 8 "$count_10k" 10240 postfix_cpu $mode
    run_scenario postfix 25 32 "$count_10k" 10240 postfix_cpu $mode
    run_scenario postfix 25 4 "$count_1m" 1048576 postfix_cpu $mode
  done
  postsuper -d ALL > /dev/null 2>&1 || true
}

# GreenMail's SMTP server (memory only, no fsync: the fast anchor of issue #15), warmed and measured like Serai
bench_greenmail() {
  (cd "$repo" && mvn -o -q -B dependency:build-classpath -f bench/pop3/pom.xml -Dmdep.outputFile="$work/greenmail.cp") \
    || { echo "GreenMail's classpath comes from bench/pop3/pom.xml: install the bundles first" >&2; return 1; }
  local gm_cp; gm_cp="$(cat "$work/greenmail.cp"):$classes"
  javac -d "$classes" -cp "$gm_cp" "$here/GreenMailSmtp.java"
  local port; port=$(free_port)
  # it keeps every message in memory: a heap for the warm-up plus all scenarios
  java -Xmx8g -XX:+UseParallelGC -cp "$gm_cp" GreenMailSmtp "$port" "$work/greenmail.count" > "$work/greenmail.out" 2>&1 &
  local gm_pid=$!
  for _ in $(seq 1 120); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.5; done
  greenmail_cpu() { cpu_ticks "$gm_pid"; }
  smtp-source -c -s 4 -m "${WARM_CONN:-5000}" -l 10240 -f warm@client.test -t bench@bench.test "127.0.0.1:$port" > /dev/null
  # the same number of warm-up messages, in kept sessions: with MAIL/RCPT/DATA pipelined in one write GreenMail
  # stalls (PipeliningLoad made next to no progress, both processes idle), so it runs neither "pipelined" nor "bdat"
  smtp-source -c -d -s 4 -m $warm_pipelined -l 10240 -f warm@client.test -t bench@bench.test "127.0.0.1:$port" > /dev/null
  sent=$((${WARM_CONN:-5000} + warm_pipelined))
  for mode in ${MODES:-session conn}; do
    case $mode in pipelined|bdat) echo "greenmail: $mode skipped (see above)"; continue ;; esac
    run_scenario greenmail "$port" 1 "$count_10k" 10240 greenmail_cpu $mode
    run_scenario greenmail "$port" 8 "$count_10k" 10240 greenmail_cpu $mode
    run_scenario greenmail "$port" 32 "$count_10k" 10240 greenmail_cpu $mode
    run_scenario greenmail "$port" 4 "$count_1m" 1048576 greenmail_cpu $mode
  done
  kill "$gm_pid"; wait "$gm_pid" 2>/dev/null || true
  echo "greenmail: messages received $(cat "$work/greenmail.count" 2>/dev/null || echo '?') (expected $sent)"
}

case "$which" in
  serai) bench_serai embedded ;;
  serai-pg) bench_serai postgres ;;
  stores) bench_serai embedded; bench_serai postgres ;;
  postfix) bench_postfix ;;
  greenmail) bench_greenmail ;;
  both) bench_postfix; bench_serai ;;
  all) bench_postfix; bench_greenmail; bench_serai ;;
  *) echo "usage: $0 [serai|serai-pg|stores|postfix|greenmail|both|all]" >&2; exit 2 ;;
esac
