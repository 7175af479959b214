#!/usr/bin/env bash
# loopbench's one entry point for users and CI: ./run-benchmarks.sh --help (the usage lives in Java).
# This script only chooses the JDK, builds the jars when they are stale, and hands over to them.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
JAR="$ROOT/benchmarks/target/benchmarks.jar"

say() { echo "run-benchmarks.sh: $1" >&2; }
feature_of() { local v=${1#1.}; echo "${v%%[.+-]*}"; } # "17", "21.0.2", "1.8" -> 17, 21, 8
property() { "$1" -XshowSettings:properties -version 2>&1 | sed -n "s/^ *$2 = //p" | head -n 1; }
release_feature() { feature_of "$(sed -n 's/^JAVA_VERSION="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$1/release" 2>/dev/null)"; }

# The newest JDK 21+ beside the given one (Debian keeps its JDKs side by side in one folder).
jdk_beside() {
  local best="" best_feature=0 home feature
  for home in "$(dirname "$1")"/*/; do
    home=${home%/}
    feature=$(release_feature "$home")
    if [ -x "$home/bin/java" ] && [ "${feature:-0}" -ge 21 ] 2>/dev/null && [ "$feature" -gt "$best_feature" ]; then
      best=$home best_feature=$feature
    fi
  done
  echo "$best"
}

choose_java() {
  if [ -n "${JAVA_HOME:-}" ]; then
    JAVA="$JAVA_HOME/bin/java"
    [ -x "$JAVA" ] || { say "JAVA_HOME=$JAVA_HOME has no bin/java"; exit 2; }
  else
    JAVA=$(command -v java) || { say "no java on the PATH and JAVA_HOME is unset; install JDK 17+"; exit 2; }
    local newer # only runs and timelines serve the virtual-thread handlers; the rest runs on any JDK 17+
    case "${1:-}" in compare | report | diagnose | hyperfoil | -h | --help) ;; *)
      if [ "$(feature_of "$(property "$JAVA" java.specification.version)")" -lt 21 ] &&
        newer=$(jdk_beside "$(property "$JAVA" java.home)") && [ -n "$newer" ]; then
        say "java on the PATH has no virtual threads; using $newer, installed beside it (set JAVA_HOME to choose)"
        JAVA="$newer/bin/java"
      fi ;;
    esac
  fi
  local feature
  feature=$(feature_of "$(property "$JAVA" java.specification.version)")
  [ "${feature:-0}" -ge 17 ] 2>/dev/null || { say "$JAVA is Java ${feature:-?}; loopbench needs 17 or newer"; exit 2; }
}

build_if_stale() {
  local jar stale=""
  for jar in "$JAR" "$ROOT/server/target/loopbench-server.jar" "$ROOT/hyperfoil/target/loopbench-hyperfoil.jar"; do
    [ -f "$jar" ] && [ -z "$(cd "$ROOT" && find pom.xml ./*/pom.xml ./*/src/main -newer "$jar" -print -quit)" ] || stale=1
  done
  [ -z "$stale" ] && return
  say "the jars are missing or older than the sources; building them (./mvnw -B -q package -DskipTests)"
  # Maven writes colour resets even in batch mode
  (cd "$ROOT" && ./mvnw -B -q -Dstyle.color=never package -DskipTests 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2) && return
  say "the build failed (above); fix it or run ./mvnw -B package in $ROOT"
  [ "${1:-}" = compare ] && exit 2 # compare keeps exit 1 for "regression" and nothing else
  exit 1
}

choose_java "$@"
build_if_stale "$@"
[ -t 1 ] && COLUMNS=$(tput cols 2>/dev/null || echo 80) && export COLUMNS # the timeline fits the terminal
# Netty's native transport loads a library: JDK 22+ warns in four lines unless it is allowed
exec "$JAVA" --enable-native-access=ALL-UNNAMED -Dloopbench.repository="$ROOT" -cp "$JAR" dev.loopbench.cli.RunBenchmarks "$@"
