// Referral, the category's services joined to the territories in reach (the benchmark's peer until
// issue 17, item 11): the point index finds the municipalities within reach; each territory in
// reach (those municipalities and what they are part of) is kept once, with the distance of its
// nearest municipality in reach; the services of the category's subtree (PART_OF*0..) are then
// joined to it through AVAILABLE_IN, testing membership in the reach list. Faster at p50 than
// expanding every reached territory to all its services (a province carries thousands), slower at
// p99 (a top-level category carries thousands too). Parameters: $category, $territory, $k, $maxKm,
// $includeFull.
MATCH (m:Territory {id: $territory})
MATCH (c:Category {code: $category})
MATCH (near:Territory)
WHERE point.distance(near.location, m.location) <= $maxKm * 1000 * 1.01 + 1
  AND near.level = 'MUNICIPALITY'
WITH m, c, near,
     CASE WHEN near = m THEN 0.0
          ELSE 2 * 6371 * asin(sqrt(haversin(radians(near.lat - m.lat))
               + cos(radians(m.lat)) * cos(radians(near.lat)) * haversin(radians(near.lon - m.lon)))) END AS km
WHERE km <= $maxKm
MATCH (near)-[:PART_OF*0..]->(t:Territory)
WITH c, t, min(km) AS km
WITH c, collect(t) AS reach, collect(km) AS kms
MATCH (c)<-[:PART_OF*0..]-(:Category)<-[:ADDRESSES]-(s:Service)
WITH DISTINCT s, reach, kms
MATCH (s)-[:AVAILABLE_IN]->(t:Territory)
WHERE t IN reach
WITH s, min(reduce(best = null, i IN range(0, size(reach) - 1) | CASE WHEN reach[i] = t THEN kms[i] ELSE best END)) AS distanceKm
WITH s, distanceKm, CASE WHEN s.capacity IS NULL THEN null ELSE s.capacity - coalesce(s.occupied, 0) END AS free
WHERE $includeFull OR free IS NULL OR free > 0
RETURN s.id AS service, distanceKm, free
ORDER BY distanceKm, CASE WHEN free IS NULL THEN 1 ELSE 0 END, free DESC, service
LIMIT $k
