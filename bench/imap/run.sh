#!/usr/bin/env bash
# IMAP benchmarks of serai-imap over the embedded store (not part of the Maven reactor or CI):
#   1. logins/s with 4 clients (LOGIN over plaintext loopback; passwords stored as SCRAM-SHA-256/PBKDF2-4096)
#   2. heap per idle connection: N (default 10,000) authenticated connections with INBOX selected, server and
#      client in separate JVMs (each needs N file descriptors), heap measured in the server after full GC.
#   3. mixed.sh: mixed workload cmds/s, logins/s and bulk FETCH MB/s, Serai and a same-run Dovecot baseline
#      (SKIP_MIXED to leave it out; then fetch.sh runs the Serai-only FETCH bench unless SKIP_FETCH)
# Compiles against this checkout's bundles/*/target/classes, so nothing needs `mvn install`:
#   mvn -o -B -q package -DskipTests -pl bundles/serai-imap -am     # once
#   bench/imap/run.sh
# Knobs: BENCH_SECONDS [5], BENCH_ITERATIONS [3], BENCH_WARMUP [5], IDLE_CONNECTIONS [10000], SKIP_IDLE, SKIP_LOGINS,
# SKIP_MIXED, SKIP_FETCH (mixed.sh reads its own knobs, see there; BENCH_SECONDS/WARMUP apply to both).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/serai-imap-bench.XXXXXX")
trap 'rm -rf "$work"; [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true' EXIT

(cd "$repo" && mvn -o -q -B dependency:build-classpath -pl bundles/serai-imap -Dmdep.outputFile="$work/cp.txt" \
  -Dmdep.includeScope=test >/dev/null)
cp="$repo/bundles/serai-imap/target/classes:$(cat "$work/cp.txt")"
mkdir -p "$work/classes"
javac -q -d "$work/classes" -cp "$cp" "$here"/src/main/java/io/serai/bench/imap/*.java 2>/dev/null \
  || javac -d "$work/classes" -cp "$cp" "$here"/src/main/java/io/serai/bench/imap/*.java
cp="$work/classes:$cp"
log=(-Dorg.slf4j.simpleLogger.defaultLogLevel=warn)

echo "# $(date -u '+%Y-%m-%d %H:%M:%S UTC')  $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "# uptime before: $(uptime)"
if [ -z "${SKIP_LOGINS:-}" ]; then
  java -Xmx1g -XX:+UseParallelGC "${log[@]}" -Dbench.seconds="${BENCH_SECONDS:-5}" \
    -Dbench.iterations="${BENCH_ITERATIONS:-3}" -Dbench.warmup="${BENCH_WARMUP:-5}" -Dbench.coldAccounts="${BENCH_COLD_ACCOUNTS:-1200}" \
    -cp "$cp" io.serai.bench.imap.ImapBench logins "$work/logins"
  echo "# uptime after logins: $(uptime)"
fi
if [ -z "${SKIP_IDLE:-}" ]; then
  n=${IDLE_CONNECTIONS:-10000}
  mkdir -p "$work/idle"
  java -Xmx2g -XX:+UseParallelGC "${log[@]}" -cp "$cp" io.serai.bench.imap.ImapBench idle-server "$work/idle" \
    "$work/idle/port" "$n" &
  server_pid=$!
  java -Xmx1g "${log[@]}" -cp "$cp" io.serai.bench.imap.ImapBench idle-client "$work/idle/port" "$n" "$work/idle"
  wait "$server_pid"
  server_pid=
  echo "# uptime after idle: $(uptime)"
fi
if [ -z "${SKIP_MIXED:-}" ]; then
  # mixed workload, logins/s and bulk FETCH against Serai (fsync ALWAYS) and a throwaway Dovecot, with ratios
  "$here/mixed.sh"
elif [ -z "${SKIP_FETCH:-}" ]; then
  "$here/fetch.sh" # bulk FETCH 1:* BODY[] MB/s with 1 and 4 clients, Serai only
fi
