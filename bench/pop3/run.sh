#!/usr/bin/env bash
# POP3 load benchmark (issue #5, performance): a plain-socket load client (Pop3Client) against serai-pop3 over the
# embedded store, and against GreenMail 2.1.5's POP3 server (the baseline, measured in the same run with the same
# client and the same messages); one summary table at the end.
#
#   bench/pop3/run.sh          build, run both servers (about 4 minutes on the 2-core box), print the table
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
echo "# uptime after:  $(uptime)"
java -jar "$jar" summary "$work/serai.properties" "$work/greenmail.properties"
echo "# wall time: $(( $(date +%s) - start )) s"
