// Referral over a precomputed closure: (:Territory)-[:WITHIN]->(:Territory) and
// (:Category)-[:WITHIN]->(:Category) join each node to itself and to everything it is part of.
// Snodo does not keep these relationships; PeerBench creates them for this formulation only.
// Otherwise the issue's formulation: point index, each reached territory once with its nearest
// distance, its services through AVAILABLE_IN, the category tested through the closure.
MATCH (c:Category {code: $category})
MATCH (m:Territory {id: $territory})
MATCH (near:Territory)
WHERE point.distance(near.location, m.location) <= $maxKm * 1000 * 1.01 + 1
  AND near.level = 'MUNICIPALITY'
WITH c, near,
     CASE WHEN near = m THEN 0.0
          ELSE 2 * 6371 * asin(sqrt(haversin(radians(near.lat - m.lat))
               + cos(radians(m.lat)) * cos(radians(near.lat)) * haversin(radians(near.lon - m.lon)))) END AS km
WHERE km <= $maxKm
MATCH (near)-[:WITHIN]->(t:Territory)
WITH c, t, min(km) AS km
MATCH (t)<-[:AVAILABLE_IN]-(s:Service)
WHERE EXISTS { (s)-[:ADDRESSES]->(:Category)-[:WITHIN]->(c) }
WITH s, min(km) AS distanceKm
WITH s, distanceKm, CASE WHEN s.capacity IS NULL THEN null ELSE s.capacity - coalesce(s.occupied, 0) END AS free
WHERE $includeFull OR free IS NULL OR free > 0
RETURN s.id AS service, distanceKm, free
ORDER BY distanceKm, CASE WHEN free IS NULL THEN 1 ELSE 0 END, free DESC, service
LIMIT $k
