#!/usr/bin/env bash
# Embedded mailbox store benchmarks (issue #3, performance): JMH for appends, mailbox open, flag change and reads,
# a main (HeapLoad) for the heap of 1M messages; every number is printed next to a baseline measured in the same
# run (raw write+fdatasync of the same disk, Files.readAllBytes of the same bytes) in one summary table.
#
#   bench/store/run.sh                      build, run everything (about 7.5 minutes on the 2-core box), print the table
#
# Needs the store bundles in ~/.m2 (set INSTALL_STORE=1 to have this script do it):
#   mvn -B -q install -DskipTests -pl bundles/serai-store-api,bundles/serai-store-embedded -am
# Environment knobs (defaults in brackets): BENCH_WARMUPS [2], BENCH_ITERATIONS [5], BENCH_SECONDS [3] per
# iteration, BENCH_INCLUDE [all, a JMH regex], BENCH_HEAP [true], SKIP_BUILD [unset], BENCH_TIMEOUT [560 s, so build + run stay within 10 minutes].
# Data goes to a fresh temp dir under ${TMPDIR:-/tmp}, deleted on exit. Not part of the Maven reactor or CI.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

if [ "${INSTALL_STORE:-}" = 1 ]; then
  (cd "$repo" && mvn -B -q install -DskipTests -pl bundles/serai-store-api,bundles/serai-store-embedded -am)
fi
if [ -z "${SKIP_BUILD:-}" ]; then
  (cd "$repo" && mvn -B -q -f bench/store/pom.xml package)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/serai-store-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "# $(date -u '+%Y-%m-%d %H:%M:%S UTC')  $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "# data: $work on $(df -hT "$work" | awk 'NR==2 {print $1" ("$2")"}')"
echo "# uptime before: $(uptime)"
start=$(date +%s)
timeout "${BENCH_TIMEOUT:-560}" java -Xmx512m \
  -Dserai.bench.dir="$work" \
  -Dbench.warmupIterations="${BENCH_WARMUPS:-2}" \
  -Dbench.iterations="${BENCH_ITERATIONS:-5}" \
  -Dbench.seconds="${BENCH_SECONDS:-3}" \
  -Dbench.include="${BENCH_INCLUDE:-io\.serai\.bench\.store\..*}" \
  -Dbench.heap="${BENCH_HEAP:-true}" \
  -jar "$here/target/store-benchmarks.jar"
echo "# uptime after:  $(uptime)"
echo "# wall time: $(( $(date +%s) - start )) s"
