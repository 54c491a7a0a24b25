#!/usr/bin/env bash
# Runs the benchmark at one scale: S (a consortium, minutes), M (a region), L (the country).
#   bench/run.sh S
#   bench/run.sh M outcomes    the sent referrals' outcome report, lists, sends and moves
#   bench/run.sh M peers [referral|gaps|paths]    each Cypher peer's formulations against the engine
# Builds what it needs, loads a generated network into a fresh embedded Neo4j through the real
# import path, prints a table and writes target/bench/report-<scale>.json. See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-S}"
main=it.snodo.bench.Benchmark
if [ "${2:-}" = outcomes ]; then main=it.snodo.bench.ReferralOutcomesBench; fi
args=("$scale")
if [ "${2:-}" = peers ]; then main=it.snodo.bench.PeerBench; args+=("${3:-all}"); fi
case "$scale" in
  S) heap=2g ;;
  M) heap=8g; if [ "${2:-}" = peers ]; then heap=7g; fi ;;
  L) heap=15g ;;
  *) echo "usage: bench/run.sh S|M|L" >&2; exit 2 ;;
esac
mvn -B -q -DskipTests test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx"$heap" -XX:+UseParallelGC \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  "$main" "${args[@]}"
