# Reads `jfr print --events jdk.ExecutionSample` and charges each sample of a request thread to the
# nearest frame outside the JDK (java., jdk., sun.), by component.
function component(f) {
  if (f ~ /^it\.snodo\.security\./) return "key lookup (ApiKeys, bearer filter)"
  if (f ~ /^it\.snodo\.web\.RequestLimits/) return "rate limit and body size (RequestLimits)"
  if (f ~ /^it\.snodo\.web\.QueryParameters/) return "query parameter check (QueryParameters)"
  if (f ~ /^it\.snodo\./) return "Snodo: controller, engine, views"
  if (f ~ /^com\.fasterxml\.jackson\./) return "Jackson"
  if (f ~ /^io\.micrometer\.|^org\.springframework\.boot\.actuate\.|ServerHttpObservationFilter|^org\.HdrHistogram|^io\.prometheus/) return "Micrometer (metrics, observation)"
  if (f ~ /^ch\.qos\.logback\.|^org\.slf4j\.|^org\.apache\.logging\./) return "logging"
  if (f ~ /^org\.springframework\.security\./) return "Spring Security"
  if (f ~ /^org\.springframework\./) return "Spring MVC, core, other filters"
  if (f ~ /^org\.apache\.(catalina|coyote|tomcat)\./) return "Tomcat"
  if (f ~ /^org\.neo4j\./) return "Neo4j"
  return "other: " f
}
/^jdk\.ExecutionSample/ { thread = ""; n = 0; next }
/sampledThread = / { thread = $0; sub(/.*sampledThread = "/, "", thread); sub(/".*/, "", thread); next }
/stackTrace = \[/ { inStack = 1; next }
inStack && /^  \]/ {
  inStack = 0; total++
  if (thread !~ /^http-nio-.*-exec-|^tomcat-handler-/) { gsub(/[0-9]+/, "N", thread); others[thread]++; next }
  req++
  c = "JDK only"
  for (i = 1; i <= n; i++) if (frame[i] !~ /^(java|javax|jdk|sun)\./) { c = component(frame[i]); break }
  by[c]++; leaf[frame[1]]++
  next
}
inStack { f = $0; sub(/^ +/, "", f); sub(/\(.*/, "", f); frame[++n] = f }
END {
  printf "%d samples, %d on request threads (%.0f%%)\n", total, req, 100 * req / total
  for (c in by) printf "  %5.1f%%  %s\n", 100 * by[c] / req, c | "sort -rn"
  close("sort -rn")
  print "other threads:"
  for (t in others) printf "  %5.1f%%  %s\n", 100 * others[t] / total, t | "sort -rn | head -8"
  close("sort -rn | head -8")
  print "top leaf frames on request threads:"
  for (l in leaf) printf "  %5.1f%%  %s\n", 100 * leaf[l] / req, l | "sort -rn | head -25"
}
