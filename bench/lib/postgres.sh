# shellcheck shell=bash
# A durable PostgreSQL of the benchmark's own (Debian's postgresql package; defaults: fsync on,
# synchronous_commit on) in "$1" on a free loopback port: sets pg_bin, pg_dir and pg_port; stop_postgres stops it.
# Role serai / password serai-bench, database serai. Runs the server as user postgres when run as root.

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {
  pg_bin=${SERAI_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
  pg_dir="$1/pg"; mkdir -p "$pg_dir"; chmod 755 "$1"
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  echo serai-bench > "$pg_dir/pw"
  [ "$(id -u)" = 0 ] && chown -R postgres "$pg_dir"
  as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U serai --pwfile="$pg_dir/pw" -A scram-sha-256 >/dev/null 2>&1
  as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$pg_dir -c max_connections=100 ${PG_STATEMENTS:+-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all}" start >/dev/null
  PGPASSWORD=serai-bench "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U serai serai
  if [ -n "${PG_STATEMENTS:-}" ]; then
    PGPASSWORD=serai-bench "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U serai -d serai -qc \
      "CREATE EXTENSION pg_stat_statements" >/dev/null
  fi
}

# With PG_STATEMENTS=1 (set before start_postgres): the statements that took the most database time since the last
# call, with calls and rows, then resets the counters. Shows what one benchmark phase cost PostgreSQL.
postgres_top_statements() {
  [ -n "${PG_STATEMENTS:-}" ] || return 0
  PGPASSWORD=serai-bench "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U serai -d serai -Atc \
    "SELECT calls || ' calls, ' || rows || ' rows, ' || round(total_exec_time) || ' ms: ' || left(regexp_replace(query, '\s+', ' ', 'g'), 150) FROM pg_stat_statements ORDER BY calls DESC LIMIT ${PG_TOP:-25}"
  PGPASSWORD=serai-bench "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U serai -d serai -Atc \
    "SELECT 'total: ' || sum(calls) || ' statements' FROM pg_stat_statements; SELECT pg_stat_statements_reset()" | sed -n 1p
}

stop_postgres() {
  [ -n "${pg_dir:-}" ] && as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
}

postgres_stats() {
  PGPASSWORD=serai-bench "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U serai -d serai -Atc \
    "SELECT 'postgres: WAL ' || pg_size_pretty(pg_current_wal_lsn() - '0/0'::pg_lsn) || ', database ' || pg_size_pretty(pg_database_size('serai')) || ', commits ' || (SELECT xact_commit FROM pg_stat_database WHERE datname = 'serai')"
}
