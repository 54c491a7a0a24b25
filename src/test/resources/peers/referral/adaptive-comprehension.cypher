// Referral, whichever way is cheaper, as cypher/peer/referral.cypher, with the territories' side written as a
// pattern comprehension (as comprehensions.cypher): the services of the category's subtree and
// those available in the territories in reach are counted from the nodes' degrees (no service is
// read), and the join starts from the smaller side: from the category, or from the territories in
// reach. The point index finds the municipalities in reach; each territory in reach is kept once
// with the distance of its nearest one.
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
  UNWIND [(t)<-[:AVAILABLE_IN]-(s:Service)-[:ADDRESSES]->(a:Category) WHERE a IN cats | s] AS s
  RETURN s, min(km) AS distanceKm
}
WITH s, distanceKm, CASE WHEN s.capacity IS NULL THEN null ELSE s.capacity - coalesce(s.occupied, 0) END AS free
WHERE $includeFull OR free IS NULL OR free > 0
RETURN s.id AS service, distanceKm, free
ORDER BY distanceKm, CASE WHEN free IS NULL THEN 1 ELSE 0 END, free DESC, service
LIMIT $k
