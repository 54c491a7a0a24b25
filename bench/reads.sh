#!/usr/bin/env bash
# Reads over HTTP with wrk (Debian's package), on the demo, no rate limit: one entity by its id,
# the same as a READER (confidential places), an unknown id (a read that always reaches Neo4j),
# a referral (the engine), an unknown path and /actuator/health. For each, one connection
# (latency) and 64 (throughput). See docs/benchmarks.md, "Reads of one entity over HTTP".
#   bench/reads.sh [jar] [seconds]     default: target/snodo-*.jar, 8 s per measurement
# Starts the jar on port 18181 (Bolt 17699) with a fresh store under target/bench-reads and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${1:-$(ls target/snodo-*.jar | head -1)}"
secs="${2:-8}"
command -v wrk >/dev/null || { echo "needs wrk (apt-get install -y wrk)" >&2; exit 2; }
store=target/bench-reads
rm -rf "$store"
planner=bench-reads-planner-key-0123456789
java -Xmx1g -XX:+UseParallelGC -jar "$jar" --server.port=18181 --snodo.neo4j.home="$store" \
  --snodo.neo4j.bolt-port=17699 --snodo.security.bootstrap-planner-key="$planner" \
  --snodo.limits.requests-per-second=0 > "$store.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
base=http://localhost:18181
until [ "$(curl -s -o /dev/null -w '%{http_code}' $base/actuator/health)" = 200 ]; do
  kill -0 $pid || { echo "the service did not start; see $store.log" >&2; exit 1; }
  sleep 1
done
auth="Authorization: Bearer $planner"
reader=$(curl -s -H "$auth" -H 'Content-Type: application/json' -d '{"role":"READER","label":"bench"}' \
  $base/api/v1/keys | sed 's/.*"key":"\([^"]*\)".*/\1/')
names=(territory service-as-reader unknown-id referral unknown-path health)
urls=("$base/api/v1/territories/015182" "$base/api/v1/services/svc-mensa-solidale-rho"
  "$base/api/v1/territories/999999" "$base/api/v1/referrals?category=poverta_disagio_adulti&territory=015182&k=3"
  "$base/api/v1/nope" "$base/actuator/health")
key() { if [ "$1" = service-as-reader ]; then echo "Authorization: Bearer $reader"; else echo "$auth"; fi; }
for i in "${!names[@]}"; do  # warm-up, every endpoint before any measurement
  wrk -t2 -c8 -d4s -H "$(key "${names[$i]}")" "${urls[$i]}" > /dev/null
done
printf '%-18s %10s %10s %10s | %10s %10s %10s %8s\n' endpoint "c1 p50" "c1 p99" "c1 req/s" "c64 req/s" "c64 p50" "c64 p99" non-2xx
for i in "${!names[@]}"; do
  one=$(wrk -t1 -c1 -d"${secs}s" --latency -H "$(key "${names[$i]}")" "${urls[$i]}")
  many=$(wrk -t2 -c64 -d"${secs}s" --latency -H "$(key "${names[$i]}")" "${urls[$i]}")
  f() { echo "$1" | awk -v k="$2" '$1 == k {print $2}'; }
  printf '%-18s %10s %10s %10s | %10s %10s %10s %8s\n' "${names[$i]}" \
    "$(f "$one" 50%)" "$(f "$one" 99%)" "$(f "$one" Requests/sec:)" \
    "$(f "$many" Requests/sec:)" "$(f "$many" 50%)" "$(f "$many" 99%)" \
    "$(echo "$many" | awk '/Non-2xx/ {print $5}')"
done
