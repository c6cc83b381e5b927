#!/usr/bin/env bash
# Mixed IMAP workload (issue #6: >= 3,000 commands/s with 10-50 clients, zero protocol errors), logins/s and bulk
# FETCH, for serai-imap and, in the same run with the same load client, a throwaway Dovecot as the baseline
# (see README.md). Serai runs in its own JVM (store fsync ALWAYS, its durable default), the client in another.
#   bench/imap/mixed.sh
# Knobs: BENCH_CLIENTS [10,50], BENCH_SECONDS [10], BENCH_ROUNDS [3], BENCH_WARMUP [10], BENCH_BASE [100 messages per
# account], BENCH_PER_SESSION [50 commands before LOGOUT], BENCH_FSYNC [ALWAYS], SKIP_BUILD=1, SKIP_DOVECOT=1,
# SKIP_FETCH=1 (the bulk FETCH comparison), FETCH_ROUNDS [60], SESSION_THREADS [server default], SERVER_OPTS
# [-Xmx1g -XX:+UseParallelGC], STORE=postgres (Serai on the PostgreSQL store, a durable server started here from
# Debian's postgresql; STORE=both runs Serai on each store, embedded as the baseline, in one invocation),
# PG_STATEMENTS=1 (prints the statements the mixed phase ran on PostgreSQL, by calls, from pg_stat_statements).
# Dovecot (apt-get install dovecot-imapd) runs as root from a config in a temp dir: 127.0.0.1, a free port, a
# passwd-file with SCRAM-SHA-256 hashes (PBKDF2-SHA-256, 4096 iterations, like Serai's), Maildir under the temp dir
# owned by nobody; stopped and deleted on exit. Nothing system-wide is touched.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out="$here/target"
# shellcheck source=classpath.sh
. "$here/classpath.sh"
serai_imap_classpath "$repo" "$out"
javac -d "$out/classes" -cp "$cp" "$here/src/ImapMixedBench.java" "$here/src/ImapFetchBench.java" "$here/src/BenchStores.java"
cp="$out/classes:$cp"
work=$(mktemp -d "${TMPDIR:-/tmp}/serai-imap-mixed.XXXXXX")
chmod 755 "$work"
# shellcheck source=../lib/postgres.sh
. "$here/../lib/postgres.sh"
# shellcheck source=../lib/dovecot.sh
. "$here/../lib/dovecot.sh"
cleanup() {
  [ -n "${serai_pid:-}" ] && kill "$serai_pid" 2>/dev/null || true
  stop_postgres
  dovecot_stop "$work/dovecot"
  rm -rf "$work"
}
trap cleanup EXIT
log=(-Dorg.slf4j.simpleLogger.defaultLogLevel=warn)
client=(java -Xmx1g -XX:+UseParallelGC "${log[@]}" -Dbench.clients="${BENCH_CLIENTS:-10,50}"
  -Dbench.seconds="${BENCH_SECONDS:-10}" -Dbench.rounds="${BENCH_ROUNDS:-3}" -Dbench.warmup="${BENCH_WARMUP:-10}"
  -Dbench.base="${BENCH_BASE:-100}" -Dbench.perSession="${BENCH_PER_SESSION:-50}" -Dbench.accounts=50
  -cp "$cp")

echo "# $(date -u '+%Y-%m-%d %H:%M:%S UTC')  $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "# uptime before: $(uptime)"

# ---- Serai (server JVM in the background), on the embedded store and/or the PostgreSQL store
# run_serai embedded|postgres
run_serai() {
  local store=$1 label=serai jdbc=()
  if [ "$store" = postgres ]; then
    [ -n "${pg_dir:-}" ] || start_postgres "$work"
    jdbc=(-Dbench.jdbcUrl="jdbc:postgresql://127.0.0.1:$pg_port/serai")
    label=serai-pg
  fi
  rm -rf "$work/serai"; mkdir -p "$work/serai"
  # shellcheck disable=SC2086
  java ${SERVER_OPTS:--Xmx1g -XX:+UseParallelGC} "${log[@]}" "${jdbc[@]}" -Dbench.fsync="${BENCH_FSYNC:-ALWAYS}" \
    -Dbench.accounts=50 ${SESSION_THREADS:+-Dbench.sessionThreads=$SESSION_THREADS} \
    -cp "$cp" ImapMixedBench serve "$work/serai/store" "$work/serai/port" &
  serai_pid=$!
  while [ ! -f "$work/serai/port" ]; do kill -0 "$serai_pid"; sleep 0.2; done
  port=$(cat "$work/serai/port")
  echo "# $label server pid $serai_pid port $port ($store store)"
  "${client[@]}" ImapMixedBench populate 127.0.0.1 "$port"
  [ "$store" = postgres ] && postgres_top_statements >/dev/null
  "${client[@]}" -Dbench.label=$label ImapMixedBench mixed 127.0.0.1 "$port" | tee -a "$work/serai.out"
  [ "$store" = postgres ] && postgres_top_statements
  "${client[@]}" -Dbench.label=$label -Dbench.seconds=5 ImapMixedBench logins 127.0.0.1 "$port" | tee -a "$work/serai.out"
  "${client[@]}" -Dbench.label=$label -Dbench.seconds=3 -Dbench.rounds=1 -Dbench.loginUser=c ImapMixedBench logins \
    127.0.0.1 "$port" | tee -a "$work/serai.out"
  kill "$serai_pid"; wait "$serai_pid" 2>/dev/null || true; serai_pid=
  echo "# uptime after $label: $(uptime)"
  if [ -z "${SKIP_FETCH:-}" ]; then
    java -Xmx1g -XX:+UseParallelGC "${log[@]}" "${jdbc[@]}" -Dbench.rounds="${FETCH_ROUNDS:-60}" -Dbench.warmup=10 \
      -cp "$cp" ImapFetchBench "$work/$label-fetch" | tee -a "$work/serai.out"
  fi
}
: > "$work/serai.out"
case "${STORE:-embedded}" in
  embedded) run_serai embedded ;;
  postgres) run_serai postgres ;;
  both) run_serai embedded; run_serai postgres ;;
  *) echo "STORE must be embedded, postgres or both" >&2; exit 2 ;;
esac

# ---- Dovecot baseline
if [ -z "${SKIP_DOVECOT:-}" ] && command -v dovecot >/dev/null; then
  d="$work/dovecot"
  mkdir -p "$d"
  dport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  hash=$(dovecot_hash bench-password)
  { for i in $(seq 0 49); do echo "u$i@bench.test:$hash"; done
    for i in $(seq 0 1199); do echo "c$i@bench.test:$hash"; done
    echo "f@bench.test:$hash"; } > "$d/users"
  dovecot_start "$d" imap "$dport" fast
  echo "# dovecot $(dovecot --version) on 127.0.0.1:$dport (mail_fsync default: optimized)"
  "${client[@]}" ImapMixedBench populate 127.0.0.1 "$dport"
  "${client[@]}" -Dbench.label=dovecot ImapMixedBench mixed 127.0.0.1 "$dport" | tee "$work/dovecot.out"
  "${client[@]}" -Dbench.label=dovecot -Dbench.seconds=5 ImapMixedBench logins 127.0.0.1 "$dport" | tee -a "$work/dovecot.out"
  "${client[@]}" -Dbench.label=dovecot -Dbench.seconds=3 -Dbench.rounds=1 -Dbench.loginUser=c ImapMixedBench logins \
    127.0.0.1 "$dport" | tee -a "$work/dovecot.out"
  if [ -z "${SKIP_FETCH:-}" ]; then
    java -Xmx1g -XX:+UseParallelGC "${log[@]}" -Dbench.rounds="${FETCH_ROUNDS:-60}" -Dbench.warmup=10 -Dbench.host=127.0.0.1 \
      -Dbench.port="$dport" -Dbench.user=f@bench.test -Dbench.password=bench-password -cp "$cp" ImapFetchBench \
      "$work/unused" | tee -a "$work/dovecot.out"
  fi
  dovecot_errors "$d"
  dovecot_stop "$d"
  echo "# uptime after dovecot: $(uptime)"

  # ---- ratios
  median() { sed -n "s/.*$1.*median \([0-9]*\) .*/\1/p" "$2" | head -1; }
  mbs() { sed -n "s/.*$1.*= \([0-9]*\) MB\/s.*/\1/p" "$2" | head -1; }
  echo "# Serai / Dovecot (same run):"
  for what in "mixed 10 clients" "mixed 50 clients" "logins (u\*)" "logins (c\*)"; do
    s=$(median "$what" "$work/serai.out"); v=$(median "$what" "$work/dovecot.out")
    [ -n "$s" ] && [ -n "$v" ] && echo "#   ${what//\\/}: $s / $v = $(awk "BEGIN {printf \"%.2f\", $s / $v}")"
  done
  for what in "1 client" "4 client"; do
    s=$(mbs "$what" "$work/serai.out"); v=$(mbs "$what" "$work/dovecot.out")
    [ -n "$s" ] && [ -n "$v" ] && echo "#   FETCH 1:* BODY.PEEK[] $what: $s / $v MB/s = $(awk "BEGIN {printf \"%.2f\", $s / $v}")"
  done
fi
echo "# uptime after: $(uptime)"
