#!/usr/bin/env bash
# Mixed load over HTTP: referrals, gap reports and writes from many connections at once, then the
# count of 5xx answers and of lost writes. See docs/benchmarks.md.
#   bench/load.sh [S|M] [seconds] [connections] [mixed|writes]   (default: S 60 64 mixed)
# mixed: 80% referrals, 10% gap reports, 10% need writes; writes: half need writes, half sent referrals.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-S}"
case "$scale" in
  S) heap=2g ;;
  M) heap=8g ;;
  *) echo "usage: bench/load.sh [S|M] [seconds] [connections] [mixed|writes]" >&2; exit 2 ;;
esac
mvn -B -q -DskipTests test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx"$heap" -XX:+UseParallelGC \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  it.snodo.bench.LoadTest "$scale" "${2:-60}" "${3:-64}" "${4:-mixed}"
