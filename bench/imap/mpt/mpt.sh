#!/usr/bin/env bash
# Apache James' MPT IMAP scripts against Serai and, in the same run, a throwaway Dovecot (issue #14: every script
# Dovecot passes, Serai passes too). The scripts are not in this repository; fetch them once, e.g.
#   git clone --depth 1 https://github.com/apache/james-project /tmp/james
#   MPT_SCRIPTS=/tmp/james/mpt/impl/imap-mailbox/core/src/main/resources/org/apache/james/imap/scripts \
#     bench/imap/mpt/mpt.sh [Suite/Script ...]
# Which prelude each script gets is bench/imap/mpt/cases.txt (as James' suites run them); MptRun.java says how the
# script lines are read. Each case logs in as its own user uN@bench.test / password (the scripts' "imapuser"
# rewritten), so one case's leftovers do not leak into the next.
# Knobs: SKIP_BUILD=1, SKIP_DOVECOT=1, MPT_LOOSE=1 (tagged status lines match on tag + OK/NO/BAD only),
# MPT_TIMEOUT_MS (5000). Serai runs the embedded store in a temp dir on a free port as bench/imap/imaptest.sh does;
# Dovecot (apt-get install dovecot-imapd) from a config in a temp dir.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bench=$(cd "$here/.." && pwd)
repo=$(cd "$bench/../.." && pwd)
: "${MPT_SCRIPTS:?set MPT_SCRIPTS to the James imap/scripts directory (see the header of this script)}"
out="$here/target"
mkdir -p "$out"
# shellcheck source=../classpath.sh
. "$bench/classpath.sh"
serai_imap_classpath "$repo" "$out" "bundles/serai-imap,bundles/serai-store-postgres -am"
javac -d "$out/classes" -cp "$cp" "$bench/src/ImapMixedBench.java" "$bench/src/ImapFetchBench.java" \
  "$bench/src/BenchStores.java"
javac -d "$out/runner" "$here/MptRun.java"
cases="$here/cases.txt"
users=$(grep -cv '^\s*\(#\|$\)' "$cases")
work=$(mktemp -d "${TMPDIR:-/tmp}/serai-mpt.XXXXXX")
chmod 755 "$work"
# shellcheck source=../../lib/dovecot.sh
. "$here/../../lib/dovecot.sh"
cleanup() {
  [ -n "${serai_pid:-}" ] && kill "$serai_pid" 2>/dev/null || true
  dovecot_stop "$work/dovecot"
  rm -rf "$work"
}
trap cleanup EXIT
run() { # label port [Suite/Script ...]
  local label=$1 port=$2; shift 2
  echo "## $label"
  java -cp "$out/runner" MptRun --port "$port" --scripts "$MPT_SCRIPTS" --cases "$cases" \
    --timeout-ms "${MPT_TIMEOUT_MS:-5000}" ${MPT_LOOSE:+--loose} --out "$out/$label.tsv" "$@" \
    | tee "$out/$label.out" | grep -E '^(FAIL|# )' || true
}

java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dbench.fsync=NEVER -Dbench.accounts="$users" \
  -Dbench.coldAccounts=0 -Dbench.password=password -cp "$out/classes:$cp" ImapMixedBench serve \
  "$work/serai-store" "$work/serai-port" > "$work/serai.log" 2>&1 &
serai_pid=$!
while [ ! -f "$work/serai-port" ]; do kill -0 "$serai_pid"; sleep 0.2; done
run serai "$(cat "$work/serai-port")" "$@"

if [ -z "${SKIP_DOVECOT:-}" ] && command -v dovecot >/dev/null; then
  d="$work/dovecot"
  mkdir -p "$d"
  dport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  for ((i = 0; i < users; i++)); do echo "u$i@bench.test:{PLAIN}password"; done > "$d/users"
  dovecot_start "$d" imap "$dport"
  echo "# dovecot $(dovecot --version) on 127.0.0.1:$dport"
  run dovecot "$dport" "$@"
  echo "## table (SKIP: the suite provisions users, ACLs or messages through James' host API)"
  awk -F'\t' 'FNR == NR { s[$1] = $2; sd[$1] = $3; next }
    { k = $1; a = s[k]; b = $2
      if (a == "SKIP") c = "skip"; else if (a == "PASS" && b == "PASS") c = "both pass"
      else if (b == "PASS") c = "Serai-only fail"; else if (a == "PASS") c = "Dovecot-only fail"; else c = "both fail"
      n[c]++; l[c] = l[c] "  " k (c == "Serai-only fail" ? "  " sd[k] : "") "\n" }
    END { split("both pass|Serai-only fail|Dovecot-only fail|both fail|skip", o, "|")
      for (i = 1; i <= 5; i++) { printf "%-18s %d\n", o[i], n[o[i]] }
      for (i = 1; i <= 4; i++) if (n[o[i]]) printf "### %s\n%s", o[i], l[o[i]] }' \
    "$out/serai.tsv" "$out/dovecot.tsv" | tee "$out/table.txt"
fi
