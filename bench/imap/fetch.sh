#!/usr/bin/env bash
# IMAP FETCH throughput (see README.md; run.sh calls it last): compiles ImapFetchBench against serai-imap's classes and test classpath
# from this checkout, then runs server and load client in one JVM on a fresh temp dir (deleted on exit).
#   bench/imap/run.sh                 # 1,000 x 10 KB, 20 measured rounds per client count
# Knobs: BENCH_MESSAGES [1000], BENCH_SIZE [10240], BENCH_ROUNDS [20], BENCH_WARMUP [10], BENCH_FSYNC [NEVER],
# SKIP_BUILD=1 (reuse target/ and the classpath file), JAVA_OPTS [-Xmx1g -XX:+UseParallelGC].
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out="$here/target"
# shellcheck source=classpath.sh
. "$here/classpath.sh"
serai_imap_classpath "$repo" "$out"
# BenchStores opens the embedded store here (the PostgreSQL one with -Dbench.jdbcUrl, as mixed.sh runs it)
javac -d "$out/classes" -cp "$cp" "$here/src/ImapFetchBench.java" "$here/src/BenchStores.java"
work=$(mktemp -d "${TMPDIR:-/tmp}/serai-imap-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "# $(date -u '+%Y-%m-%d %H:%M:%S UTC')  $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "# uptime before: $(uptime)"
# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx1g -XX:+UseParallelGC} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dbench.messages="${BENCH_MESSAGES:-1000}" -Dbench.size="${BENCH_SIZE:-10240}" \
  -Dbench.rounds="${BENCH_ROUNDS:-20}" -Dbench.warmup="${BENCH_WARMUP:-10}" -Dbench.fsync="${BENCH_FSYNC:-NEVER}" \
  -cp "$out/classes:$cp" ImapFetchBench "$work/store"
echo "# uptime after: $(uptime)"
