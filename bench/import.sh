#!/usr/bin/env bash
# The import's speed, one transaction against staged batches, alternated on the same machine:
#   bench/import.sh S 2      two rounds at scale S
# Each round runs both ways in fresh JVMs on fresh stores (src/test/java/it/snodo/bench/ImportBench.java).
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-S}"
rounds="${2:-2}"
case "$scale" in
  S) heap=2g ;;
  M) heap=8g ;;
  L) heap=20g ;;
  *) echo "usage: bench/import.sh S|M|L [rounds]" >&2; exit 2 ;;
esac
mvn -B -q -DskipTests test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
for round in $(seq "$rounds"); do
  for way in one staged; do
    java -Xmx"$heap" -XX:+UseParallelGC \
      --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
      --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
      -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
      it.snodo.bench.ImportBench "$scale" "$way" "${@:3}" 2>&1 | grep -E "^ImportBench|StagedImport" || true
    rm -rf target/bench-import-"$scale"*
  done
done
