#!/usr/bin/env bash
# loopbench's one entry point for users and CI: ./run-benchmarks.sh --help
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
JAR="$ROOT/benchmarks/target/benchmarks.jar"
# runs and timelines write results/ in the repository; compare and report read files where you are

usage() {
  cat <<'EOF'
usage: ./run-benchmarks.sh [--quick] [--target URL] [-- JMH-ARGS...]
       ./run-benchmarks.sh compare BASE.json CANDIDATE.json [--fail-threshold PCT]
                           [--warn-threshold PCT] [--alpha A] [--format text|markdown|json] [--chart DIR]
       ./run-benchmarks.sh report RESULTS.json [--output DIR]
       ./run-benchmarks.sh timeline [--concurrency N] [--ms D] [--target URL] [--handlers a,b]
                           [--event-loops E]
       ./run-benchmarks.sh --help

Measures what blocking the Vert.x event loop costs: JMH fires waves of N simultaneous
requests at six handlers that all wait D ms, and compares each wave time with the model
T(N) = ceil(N / L) x D (L: how many requests the handler can wait for at once).

  (no options)      the default matrix, about 12 minutes on 2 cores: the blocking handlers
                    at N = 1, 4, 16, 64, the non-blocking ones (timer, virtual-thread-await)
                    at N = 1, 16, 64, 256, 1000; D = 100 ms, an in-process server with
                    E = 2 event loops, W = 20 workers, V = 2
  --quick           the same matrix, smaller and shorter: about 2 minutes
  --target URL      measure a running server instead, e.g. http://localhost:8080; it must
                    answer GET URL/<handler>?ms=<D>. A loopbench server's /health lets the
                    model predict; for any other server the summary shows its effective
                    parallelism P = N x D / T
  -- JMH-ARGS       passed to JMH, e.g. -- -p concurrency=8,32 or -- -p handler=timer -prof gc;
                    -p handler/concurrency/delayMs/eventLoops replace the matrix's values;
                    -rf/-rff/-bm/-tu are refused (the summary reads JSON in ms/op)
  -h, --help        this help

It prints the plan with an estimated duration, JMH's progress, then a table per cell
(measured, model, effective parallelism, p99) and writes results/<timestamp>/ with JMH's
results.json, summary.txt, jmh-output.txt, charts (PNG and SVG) and index.html;
results/latest points to the newest run.

compare        compares two JMH JSON files (any JMH benchmarks, not only loopbench's), cell by
               cell: a change counts when it is significant (Welch's t-test on the raw
               iteration scores, p < --alpha, default 0.01) and at least --warn-threshold
               (default 5%). Exit 0: no significant regression beyond --fail-threshold
               (default 10%); 1: there is one; 2: unusable input (missing, not JSON, not JMH,
               nothing in common). --format markdown suits a CI step summary; --chart DIR
               draws the change per cell with its confidence interval.
report         summary, charts and index.html for one results file, next to it or in DIR.
timeline       one warm wave per handler (default: N = 8, D = 100 ms, all six handlers, the
               in-process server with E = 2), drawn request by request: when each was sent,
               received, queued, waiting and answered, on which thread. Printed as text and
               written as Gantt charts and index.html to results/<timestamp>-timeline/.

Java: $JAVA_HOME/bin/java if JAVA_HOME is set, else java on the PATH; if that is older than
21 and a JDK 21+ is installed beside it, that one (virtual threads need 21+; on an older JDK
the virtual-thread handlers are skipped, saying so). The jars are built with Maven when
missing or older than the sources.
EOF
}

die_usage() {
  echo "run-benchmarks.sh: $1" >&2
  usage >&2
  exit 2
}

# The options of a run are checked here, before any build, so that a typo costs nothing.
check_run_options() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --quick) shift ;;
      --target)
        if [ $# -lt 2 ] || [[ "$2" == -* ]]; then die_usage "--target needs a URL, such as http://localhost:8080"; fi
        shift 2 ;;
      --) return 0 ;;
      -h|--help) usage; exit 0 ;;
      *) die_usage "unknown option '$1'" ;;
    esac
  done
}

# "17", "21", "1.8" -> 17, 21, 8
feature_of() {
  local version=$1
  version=${version#1.}
  echo "${version%%[.+-]*}"
}

java_property() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n "s/^ *$2 = //p" | head -n 1
}

# The newest JDK 21+ in the folder that holds $1 (Debian keeps its JDKs side by side there).
jdk_beside() {
  local best="" best_feature=0 home version feature
  for home in "$(dirname "$1")"/*/; do
    home=${home%/}
    [ -x "$home/bin/java" ] && [ -f "$home/release" ] || continue
    version=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$home/release")
    [ -n "$version" ] || continue
    feature=$(feature_of "$version")
    if [ "$feature" -ge 21 ] && [ "$feature" -gt "$best_feature" ]; then
      best=$home
      best_feature=$feature
    fi
  done
  echo "$best"
}

choose_java() {
  if [ -n "${JAVA_HOME:-}" ]; then
    JAVA="$JAVA_HOME/bin/java"
    [ -x "$JAVA" ] || { echo "run-benchmarks.sh: JAVA_HOME=$JAVA_HOME has no bin/java" >&2; exit 2; }
  else
    JAVA=$(command -v java) || { echo "run-benchmarks.sh: no java on the PATH and JAVA_HOME is unset; install JDK 17+" >&2; exit 2; }
    local feature newer
    feature=$(feature_of "$(java_property "$JAVA" java.specification.version)")
    # only the server's virtual-thread handlers care; compare and report run on any JDK 17+
    if [ "$feature" -lt 21 ] && { [ "$subcommand" = run ] || [ "$subcommand" = timeline ]; }; then
      newer=$(jdk_beside "$(java_property "$JAVA" java.home)")
      if [ -n "$newer" ]; then
        echo "run-benchmarks.sh: java on the PATH is Java $feature, without virtual threads; using $newer, installed beside it (set JAVA_HOME to choose)" >&2
        JAVA="$newer/bin/java"
      fi
    fi
  fi
  local feature
  feature=$(feature_of "$(java_property "$JAVA" java.specification.version)")
  if [ -z "$feature" ] || [ "$feature" -lt 17 ]; then
    echo "run-benchmarks.sh: $JAVA is Java ${feature:-?}; loopbench needs Java 17 or newer" >&2
    exit 2
  fi
}

# Exit code when the jars cannot be built: compare keeps 1 for "regression" and nothing else.
build_failed() {
  echo "run-benchmarks.sh: $1" >&2
  [ "$subcommand" = compare ] && exit 2
  exit 1
}

build_if_stale() {
  local stale=""
  if [ ! -f "$JAR" ] || [ ! -f "$ROOT/server/target/loopbench-server.jar" ]; then
    stale="missing"
  elif [ -n "$(cd "$ROOT" && find pom.xml server/pom.xml benchmarks/pom.xml server/src/main benchmarks/src/main -newer "$JAR" -print -quit)" ]; then
    stale="older than the sources"
  fi
  if [ -n "$stale" ]; then
    echo "run-benchmarks.sh: the jars are $stale; building them (./mvnw -B -q package -DskipTests)" >&2
    # Maven writes colour resets even in batch mode
    if ! (cd "$ROOT" && ./mvnw -B -q -Dstyle.color=never package -DskipTests 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2); then
      build_failed "the build failed (above); fix it or run ./mvnw -B package in $ROOT"
    fi
  fi
}

# compare and report take files and --options with a value; the tool checks the values.
check_tool_options() {
  local known=$1
  shift
  while [ $# -gt 0 ]; do
    case "$1" in
      -h|--help) usage; exit 0 ;;
      --*)
        [[ " $known " == *" $1 "* ]] || die_usage "unknown option '$1'"
        [ $# -ge 2 ] || die_usage "$1 needs a value"
        shift 2 ;;
      -*) die_usage "unknown option '$1'" ;;
      *) shift ;;
    esac
  done
}

subcommand=run
case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  compare) subcommand=compare; shift; check_tool_options "--fail-threshold --warn-threshold --alpha --format --chart" "$@" ;;
  report) subcommand=report; shift; check_tool_options "--output" "$@" ;;
  timeline) subcommand=timeline; shift; check_tool_options "--concurrency --ms --target --handlers --event-loops --width" "$@" ;;
  *) check_run_options "$@" ;;
esac
choose_java
build_if_stale
if [ "$subcommand" = timeline ] && [ -t 1 ] && [[ " $* " != *" --width "* ]]; then
  set -- "$@" --width "$(tput cols 2>/dev/null || echo 80)"
fi
case "$subcommand" in
  run|timeline) cd "$ROOT" ;;
esac
exec "$JAVA" -cp "$JAR" dev.loopbench.cli.Main "$subcommand" "$@"
