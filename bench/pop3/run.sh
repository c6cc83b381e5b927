#!/usr/bin/env bash
# POP3 load benchmark (issues #5 and #15, performance): a plain-socket load client (Pop3Client) against serai-pop3
# over the embedded store, and, as the baselines measured in the same run with the same client and the same
# messages, GreenMail 2.1.13's POP3 server and Dovecot's (apt-get install dovecot-pop3d; SKIP_DOVECOT=1 leaves it
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
# shellcheck source=../lib/dovecot.sh
. "$here/../lib/dovecot.sh"

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
  # Dovecot (bench/lib/dovecot.sh) on 127.0.0.1 and a free port, in its high-performance login mode, with the same
  # messages written as Maildir files and the same passwords (SCRAM-SHA-256 hashes, as Serai's)
  echo "# uptime between: $(uptime)"
  d="$work/dovecot"
  mkdir -p "$d/mail"
  java -jar "$jar" maildir "$d/mail"
  dport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  hash=$(dovecot_hash bench-password)
  { for i in $(seq 0 7); do echo "u$i@bench.test:$hash"; done
    for i in $(seq 0 3); do echo "w$i@bench.test:$hash"; done
    for i in $(seq 0 $(( ${BENCH_COLD_ACCOUNTS:-1200} - 1 ))); do echo "c$i@bench.test:$hash"; done; } > "$d/users"
  trap 'dovecot_stop "$d"; rm -rf "$work"' EXIT
  dovecot_start "$d" pop3 "$dport" fast
  timeout "${BENCH_TIMEOUT:-210}" java "${opts[@]}" -jar "$jar" external dovecot "$work/dovecot.properties" \
    127.0.0.1 "$dport" "Dovecot $(dovecot --version | cut -d' ' -f1) POP3 (Maildir)"
  dovecot_errors "$d"
  dovecot_stop "$d"
  results+=("$work/dovecot.properties")
fi
echo "# uptime after:  $(uptime)"
java -jar "$jar" summary "$work/serai.properties" "${results[@]}"
echo "# wall time: $(( $(date +%s) - start )) s"
