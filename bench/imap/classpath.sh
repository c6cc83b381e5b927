# shellcheck shell=bash
# The classpath the IMAP benchmarks (mixed.sh, fetch.sh, imaptest.sh, mpt/mpt.sh) run Serai's classes from:
#   serai_imap_classpath REPO OUT [MODULES]
# builds MODULES (default bundles/serai-imap, split into words, so "a,b -am" works; test-compile, offline) unless SKIP_BUILD is set, writes the dependency
# classpaths to OUT/classpath.txt and OUT/classpath-postgres.txt, and sets cp: this checkout's serai-imap classes and
# test classes and its store classes first (the classpath files point at ~/.m2 for sibling modules), then the rest.
serai_imap_classpath() {
  local repo=$1 out=$2 modules=${3:-bundles/serai-imap}
  mkdir -p "$out"
  if [ -z "${SKIP_BUILD:-}" ]; then
    # shellcheck disable=SC2086 # MODULES may carry more arguments, e.g. "a,b -am"
    (cd "$repo" && mvn -o -q -B test-compile -pl $modules)
    (cd "$repo" && mvn -o -q -B dependency:build-classpath -pl bundles/serai-imap -Dmdep.includeScope=test \
        -Dmdep.outputFile="$out/classpath.txt")
    (cd "$repo" && mvn -o -q -B dependency:build-classpath -pl bundles/serai-store-postgres \
        -Dmdep.includeScope=runtime -Dmdep.outputFile="$out/classpath-postgres.txt")
  fi
  cp="$repo/bundles/serai-imap/target/classes:$repo/bundles/serai-imap/target/test-classes"
  local m
  for m in serai-store-api serai-store-embedded serai-store-support serai-store-postgres serai-sasl; do
    if [ -d "$repo/bundles/$m/target/classes" ]; then
      cp="$cp:$repo/bundles/$m/target/classes"
    fi
  done
  cp="$cp:$(cat "$out/classpath.txt"):$(cat "$out/classpath-postgres.txt")"
}
