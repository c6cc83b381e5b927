#!/usr/bin/env bash
# POP3 load benchmark (issues #5 and #15, performance): a plain-socket load client (Pop3Client) against serai-pop3
# over the embedded store, and, as the baselines measured in the same run with the same client and the same
# messages, GreenMail 2.1.5's POP3 server and Dovecot's (apt-get install dovecot-pop3d; SKIP_DOVECOT=1 leaves it
# out); one summary table at the end.
#
#   bench/pop3/run.sh          build, run the servers (about 6 minutes on the 2-core box), print the table
#
# Needs the bundles in ~/.m2 (set INSTALL_BUNDLES=1 to have this script do it):
#   mvn -B -q install -DskipTests -pl bundles/serai-pop3,bundles/serai-store-embedded -am
# Environment knobs (defaults in brackets): BENCH_SECONDS [5] per measured iteration, BENCH_ITERATIONS [3],
# BENCH_WARMUP [6 s], BENCH_COLD_ACCOUNTS [1200], SKIP_BUILD [unset], BENCH_TIMEOUT [210 s per server JVM, so
# build + both runs stay within 8 minutes].
# Serai's data goes to a fresh temp dir under ${TMPDIR:-/tmp}, deleted on exit. Not part of the Maven reactor or CI.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

if [ "${INSTALL_BUNDLES:-}" = 1 ]; then
  (cd "$repo" && mvn -B -q install -DskipTests -pl bundles/serai-pop3,bundles/serai-store-embedded -am)
fi
if [ -z "${SKIP_BUILD:-}" ]; then
  (cd "$repo" && mvn -B -q -f bench/pop3/pom.xml package)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/serai-pop3-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "# $(date -u '+%Y-%m-%d %H:%M:%S UTC')  $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "# data: $work on $(df -hT "$work" | awk 'NR==2 {print $1" ("$2")"}')"
echo "# uptime before: $(uptime)"
start=$(date +%s)
opts=(-Xmx1g -XX:+UseParallelGC
  -Dserai.bench.dir="$work"
  -Dbench.seconds="${BENCH_SECONDS:-5}"
  -Dbench.iterations="${BENCH_ITERATIONS:-3}"
  -Dbench.warmup="${BENCH_WARMUP:-6}"
  -Dbench.coldAccounts="${BENCH_COLD_ACCOUNTS:-1200}")
jar="$here/target/pop3-bench.jar"
# one JVM per server (server and load client share it, and the 2 cores); Serai first, then the baseline
timeout "${BENCH_TIMEOUT:-210}" java "${opts[@]}" -jar "$jar" serai "$work/serai.properties"
echo "# uptime between: $(uptime)"
timeout "${BENCH_TIMEOUT:-210}" java "${opts[@]}" -jar "$jar" greenmail "$work/greenmail.properties"
results=("$work/greenmail.properties")
if [ -z "${SKIP_DOVECOT:-}" ] && [ -x /usr/lib/dovecot/pop3 ]; then
  # Dovecot as root from a config in the temp dir: 127.0.0.1, a free port, a passwd-file with SCRAM-SHA-256 hashes
  # (PBKDF2-SHA-256, 4096 iterations, like Serai's), the same messages written as Maildir files owned by nobody
  echo "# uptime between: $(uptime)"
  d="$work/dovecot"
  mkdir -p "$d/mail" "$d/run" "$d/state"
  java -jar "$jar" maildir "$d/mail"
  dport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  hash=$(doveadm pw -s SCRAM-SHA-256 -p bench-password)
  { for i in $(seq 0 7); do echo "u$i@bench.test:$hash"; done
    for i in $(seq 0 3); do echo "w$i@bench.test:$hash"; done
    for i in $(seq 0 $(( ${BENCH_COLD_ACCOUNTS:-1200} - 1 ))); do echo "c$i@bench.test:$hash"; done; } > "$d/users"
  chmod 644 "$d/users"
  chown -R nobody:nogroup "$d/mail"
  cat > "$d/dovecot.conf" <<EOF
base_dir = $d/run
state_dir = $d/state
log_path = $d/dovecot.log
protocols = pop3
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = dovecot
default_login_user = dovenull
mail_location = maildir:$d/mail/%u/Maildir
passdb {
  driver = passwd-file
  args = $d/users
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$d/mail/%u
}
# Dovecot's documented "high-performance" login mode (one login process serves many connections)
service pop3-login {
  service_count = 0
  process_min_avail = $(nproc)
  inet_listener pop3 {
    address = 127.0.0.1
    port = $dport
  }
  inet_listener pop3s {
    port = 0
  }
}
EOF
  dovecot -c "$d/dovecot.conf"
  trap 'dovecot -c "$d/dovecot.conf" stop 2>/dev/null || true; rm -rf "$work"' EXIT
  for _ in $(seq 50); do (echo > "/dev/tcp/127.0.0.1/$dport") 2>/dev/null && break; sleep 0.2; done
  timeout "${BENCH_TIMEOUT:-210}" java "${opts[@]}" -jar "$jar" external dovecot "$work/dovecot.properties" \
    127.0.0.1 "$dport" "Dovecot $(dovecot --version | cut -d' ' -f1) POP3 (Maildir)"
  grep -iE "error|fatal|panic" "$d/dovecot.log" | head -5 || true
  dovecot -c "$d/dovecot.conf" stop
  results+=("$work/dovecot.properties")
fi
echo "# uptime after:  $(uptime)"
java -jar "$jar" summary "$work/serai.properties" "${results[@]}"
echo "# wall time: $(( $(date +%s) - start )) s"
