// The referral question in plain Cypher, whichever way is cheaper for the question asked: the
// services of the category's subtree and those available in the territories in reach are counted
// from the nodes' degrees (no service is read), and the join starts from the smaller side — from
// the category's services, tested against the list of territories in reach, or from the
// territories in reach through AVAILABLE_IN, tested against the list of the subtree's categories
// with an EXISTS subquery. The point index finds the municipalities in reach; each territory in
// reach (those municipalities and what they are part of) is kept once, with the distance of its
// nearest municipality in reach. The ranking is docs/design.md's exactly (great-circle distance
// with R = 6371 km, free places desc with unknown last, id); the benchmark checks its answers
// against the engine's. Of the formulations PeerBench tried (docs/benchmarks.md, "The peers'
// formulations"), level at p50 with the fastest, and faster on average than the category side alone.
// Parameters: $category, $territory, $k, $maxKm, $includeFull.
MATCH (:Category {code: $category})<-[:PART_OF*0..]-(x:Category)
WITH collect(x) AS cats, sum(COUNT { (x)<-[:ADDRESSES]-() }) AS byCategory
MATCH (m:Territory {id: $territory})
MATCH (near:Territory)
WHERE point.distance(near.location, m.location) <= $maxKm * 1000 * 1.01 + 1
  AND near.level = 'MUNICIPALITY'
WITH cats, byCategory, near,
     CASE WHEN near = m THEN 0.0
          ELSE 2 * 6371 * asin(sqrt(haversin(radians(near.lat - m.lat))
               + cos(radians(m.lat)) * cos(radians(near.lat)) * haversin(radians(near.lon - m.lon)))) END AS km
WHERE km <= $maxKm
MATCH (near)-[:PART_OF*0..]->(t:Territory)
WITH cats, byCategory, t, min(km) AS km
WITH cats, byCategory, collect(t) AS reach, collect(km) AS kms, sum(COUNT { (t)<-[:AVAILABLE_IN]-() }) AS byTerritory
CALL (cats, reach, kms, byCategory, byTerritory) {
  WITH cats, reach, kms
  WHERE byCategory <= byTerritory
  UNWIND cats AS x
  MATCH (x)<-[:ADDRESSES]-(s:Service)
  WITH DISTINCT s, reach, kms
  MATCH (s)-[:AVAILABLE_IN]->(t:Territory)
  WHERE t IN reach
  RETURN s, min(reduce(best = null, i IN range(0, size(reach) - 1) | CASE WHEN reach[i] = t THEN kms[i] ELSE best END)) AS distanceKm
  UNION
  WITH cats, reach, kms
  WHERE byCategory > byTerritory
  UNWIND range(0, size(reach) - 1) AS i
  WITH cats, reach[i] AS t, kms[i] AS km
  MATCH (t)<-[:AVAILABLE_IN]-(s:Service)
  WHERE EXISTS { MATCH (s)-[:ADDRESSES]->(a:Category) WHERE a IN cats }
  RETURN s, min(km) AS distanceKm
}
WITH s, distanceKm, CASE WHEN s.capacity IS NULL THEN null ELSE s.capacity - coalesce(s.occupied, 0) END AS free
WHERE $includeFull OR free IS NULL OR free > 0
RETURN s.id AS service, distanceKm, free
ORDER BY distanceKm, CASE WHEN free IS NULL THEN 1 ELSE 0 END, free DESC, service
LIMIT $k
