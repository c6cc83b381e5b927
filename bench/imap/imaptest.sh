#!/usr/bin/env bash
# Dovecot's imaptest compliance groups (github.com/dovecot/imaptest, src/tests, run with test=DIR) against Serai and,
# in the same run, a throwaway Dovecot as the reference (issue #14). Neither imaptest nor its tests can be fetched by
# CI, so this is a by-hand check; every defect it found is a protocol test of our own (ImaptestParityTest, ...).
#   IMAPTEST=/path/to/imaptest-checkout bench/imap/imaptest.sh [group ...]
# Build imaptest once (needs apt-get install dovecot-dev autoconf automake libtool make gcc): revision 924f619
# builds against Debian's dovecot-dev 2.3 when imap_parser_create gets its fourth argument:
#   git -C "$IMAPTEST" checkout 924f619 && echo 0.0.924 > "$IMAPTEST/version"
#   sed -i 's/imap_parser_create(\(.*\), (size_t)-1);/imap_parser_create(\1, (size_t)-1, NULL);/' "$IMAPTEST"/src/*.c
#   (cd "$IMAPTEST" && ./autogen.sh && ./configure --with-dovecot=/usr/lib/dovecot && make)
# Knobs: SKIP_BUILD=1, SKIP_DOVECOT=1. Serai runs the embedded store in a temp dir on a free port (plaintext LOGIN over
# loopback, as bench/imap/mixed.sh); Dovecot (apt-get install dovecot-imapd) from a config in a temp dir.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
: "${IMAPTEST:?set IMAPTEST to an imaptest checkout built as described above}"
bin="$IMAPTEST/src/imaptest"
tests="$IMAPTEST/src/tests"
out="$here/target"
# shellcheck source=classpath.sh
. "$here/classpath.sh"
serai_imap_classpath "$repo" "$out"
javac -d "$out/classes" -cp "$cp" "$here/src/ImapMixedBench.java" "$here/src/ImapFetchBench.java" "$here/src/BenchStores.java"
work=$(mktemp -d "${TMPDIR:-/tmp}/serai-imaptest.XXXXXX")
chmod 755 "$work"
# shellcheck source=../lib/dovecot.sh
. "$here/../lib/dovecot.sh"
cleanup() {
  [ -n "${serai_pid:-}" ] && kill "$serai_pid" 2>/dev/null || true
  dovecot_stop "$work/dovecot"
  rm -rf "$work"
}
trap cleanup EXIT
# the groups to run: all, or those named
mkdir -p "$work/tests"
if [ $# -eq 0 ]; then
  cp -r "$tests"/. "$work/tests/"
else
  cp "$tests/default.mbox" "$work/tests/"
  for g in "$@"; do cp "$tests/$g" "$work/tests/"; [ -f "$tests/$g.mbox" ] && cp "$tests/$g.mbox" "$work/tests/"; done
fi
run() { # label port
  echo "## $1"
  (cd "$work/tests" && LD_LIBRARY_PATH=/usr/lib/dovecot timeout 600 "$bin" host=127.0.0.1 port="$2" \
      user=u0@bench.test pass=bench-password test=. 2>&1) | tee "$work/$1.out" | grep -E '^\*\*\* Test|failed:|^[0-9]+ test groups|individual' || true
}

java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dbench.fsync=NEVER -Dbench.accounts=4 \
  -Dbench.coldAccounts=0 -cp "$out/classes:$cp" ImapMixedBench serve "$work/serai-store" "$work/serai-port" \
  > "$work/serai.log" 2>&1 &
serai_pid=$!
while [ ! -f "$work/serai-port" ]; do kill -0 "$serai_pid"; sleep 0.2; done
run serai "$(cat "$work/serai-port")"

if [ -z "${SKIP_DOVECOT:-}" ] && command -v dovecot >/dev/null; then
  d="$work/dovecot"
  mkdir -p "$d"
  dport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  hash=$(dovecot_hash bench-password)
  for i in 0 1 2 3; do echo "u$i@bench.test:$hash"; done > "$d/users"
  dovecot_start "$d" imap "$dport"
  echo "# dovecot $(dovecot --version) on 127.0.0.1:$dport"
  run dovecot "$dport"
fi
