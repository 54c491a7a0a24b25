#!/usr/bin/env bash
# Referrals over HTTP with wrk (Debian's package), no rate limit: a referral as the API's users ask
# it (k=10, maxKm=25: up to ten referrals, each with its path; on the demo ten, about 8 KB) and,
# for the ceiling of the same stack, /api/v1/me (the same key check, filters, metrics and Jackson,
# a tiny body, no engine). For each, one connection (latency) and 64 (throughput), and the
# service's CPU per request (its user + system time over the run / requests: GC and JIT included).
# See docs/benchmarks.md, "HTTP referrals (issue 17, item 9)".
#   bench/http.sh [jar] [seconds] [service options...]   the demo; default target/snodo-*.jar, 8 s a run
#   bench/http.sh M [seconds] [service options...]       a generated network (S, M: 8 GB heap), served
#       by it.snodo.bench.HttpServe from the compiled classes; each referral request the next of
#       10,000 random ones (bench/paths.lua). MVN_FLAGS=-o for Maven offline.
#   PROFILE=1 bench/http.sh ...   then also 20 s of referrals at 64 connections under JFR (1 ms
#                                 sampling), broken down by component (bench/jfr-breakdown.awk)
# Starts the service on port 18282 (Bolt 17799) with a fresh store under target/bench-http, warms
# it up (WARMUP seconds, default 40: the JIT needs them on two cores) and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-$(ls target/snodo-*.jar | head -1)}"
secs="${2:-8}"
shift $(($# > 2 ? 2 : $#))
command -v wrk >/dev/null || { echo "needs wrk (apt-get install -y wrk)" >&2; exit 2; }
store=target/bench-http
rm -rf "$store" "$store.log"
mkdir -p "$store"
planner=bench-http-planner-key-0123456789
options=(--server.port=18282 --snodo.neo4j.bolt-port=17799 --snodo.security.bootstrap-planner-key="$planner")
case "$target" in
  S | M | L)
    heap=2g; [ "$target" = S ] || heap=8g
    mvn -B -q ${MVN_FLAGS:-} -DskipTests test-compile
    mvn -B -q ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/bench-classpath.txt
    java -Xmx$heap -XX:+UseParallelGC --add-opens=java.base/java.nio=ALL-UNNAMED \
      --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
      --add-opens=java.base/java.lang=ALL-UNNAMED \
      -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" it.snodo.bench.HttpServe \
      "$target" "$store/neo4j" "$store/paths.txt" "${options[@]}" "$@" > "$store.log" 2>&1 &
    ;;
  *)
    java -Xmx2g -XX:+UseParallelGC -jar "$target" --snodo.neo4j.home="$store/neo4j" "${options[@]}" \
      --snodo.limits.requests-per-second=0 "$@" > "$store.log" 2>&1 &
    ;;
esac
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
base=http://localhost:18282
ready() {  # a generated network is there once HttpServe says so
  case "$target" in S | M | L) grep -q '^ready' "$store.log" ;; *) true ;; esac
}
until [ "$(curl -s -o /dev/null -w '%{http_code}' $base/actuator/health)" = 200 ] && ready; do
  kill -0 $pid || { echo "the service did not start; see $store.log" >&2; exit 1; }
  sleep 1
done
auth="Authorization: Bearer $planner"
names=(referral me)
urls=("$base/api/v1/referrals?category=poverta_disagio_adulti&territory=015182&k=10&maxKm=25" "$base/api/v1/me")
case "$target" in
  S | M | L) export PATHS="$store/paths.txt"; script=(-s bench/paths.lua); urls[0]=$base ;;
  *)
    script=()
    [ "$(curl -s -H "$auth" "${urls[0]}" | grep -o '"service":' | wc -l)" = 10 ] || { echo "not 10 referrals" >&2; exit 1; }
    ;;
esac
scripted() { if [ "$1" = 0 ]; then echo "${script[@]}"; fi; }  # the referral's requests, by index
warm=$((${WARMUP:-40} / 2))
for i in "${!urls[@]}"; do wrk -t2 -c64 -d${warm}s -H "$auth" $(scripted $i) "${urls[$i]}" > /dev/null; done
ticks() { awk '{print $14 + $15}' /proc/$pid/stat; }
tck=$(getconf CLK_TCK)
# Runs wrk with its arguments; prints its output and then the service's CPU µs per request.
run() {
  local t0 out t1
  t0=$(ticks)
  out=$(wrk "$@" --latency -H "$auth")
  t1=$(ticks)
  echo "$out"
  echo "$out" | awk -v d=$((t1 - t0)) -v tck="$tck" '/requests in/ {printf "cpu/request: %.0f\n", d / tck * 1e6 / $1}'
}
f() { echo "$1" | awk -v k="$2" '$1 == k {print $2}'; }
echo "# $(basename "$target") $*"
printf '%-9s %9s %9s %9s %7s | %9s %9s %9s %7s %7s\n' endpoint "c1 p50" "c1 p99" "c1 req/s" "cpu µs" \
  "c64 req/s" "c64 p50" "c64 p99" "cpu µs" non-2xx
for i in "${!names[@]}"; do
  one=$(run -t1 -c1 -d"${secs}s" $(scripted $i) "${urls[$i]}")
  many=$(run -t2 -c64 -d"${secs}s" $(scripted $i) "${urls[$i]}")
  printf '%-9s %9s %9s %9s %7s | %9s %9s %9s %7s %7s\n' "${names[$i]}" \
    "$(f "$one" 50%)" "$(f "$one" 99%)" "$(f "$one" Requests/sec:)" "$(f "$one" cpu/request:)" \
    "$(f "$many" Requests/sec:)" "$(f "$many" 50%)" "$(f "$many" 99%)" "$(f "$many" cpu/request:)" \
    "$(echo "$many" | awk '/Non-2xx/ {print $5}')"
done
if [ -n "${PROFILE:-}" ]; then
  jdk=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  sed 's/method-sampling-java-interval">[^<]*/method-sampling-java-interval">1 ms/' \
    "$jdk/lib/jfr/profile.jfc" > "$store/fine.jfc"
  jcmd $pid JFR.start name=bench settings="$store/fine.jfc" filename="$store/referrals.jfr" > /dev/null
  run -t2 -c64 -d20s $(scripted 0) "${urls[0]}" | grep -E 'Requests/sec|cpu/request'
  jcmd $pid JFR.stop name=bench > /dev/null
  jfr print --events jdk.ExecutionSample --stack-depth 200 "$store/referrals.jfr" | awk -f bench/jfr-breakdown.awk
fi
