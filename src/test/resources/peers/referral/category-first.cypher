// Referral, category first: the services of the category's subtree, then the territories each is
// available in, down to the municipalities they cover, then the distance of each of those from the
// asked municipality (point.distance as a coarse filter, then the engine's great-circle distance).
MATCH (m:Territory {id: $territory})
MATCH (:Category {code: $category})<-[:PART_OF*0..]-(:Category)<-[:ADDRESSES]-(s:Service)
WITH DISTINCT m, s
MATCH (s)-[:AVAILABLE_IN]->(:Territory)<-[:PART_OF*0..]-(near:Territory)
WHERE near.level = 'MUNICIPALITY'
  AND point.distance(near.location, m.location) <= $maxKm * 1000 * 1.01 + 1
WITH s, near,
     CASE WHEN near = m THEN 0.0
          ELSE 2 * 6371 * asin(sqrt(haversin(radians(near.lat - m.lat))
               + cos(radians(m.lat)) * cos(radians(near.lat)) * haversin(radians(near.lon - m.lon)))) END AS km
WHERE km <= $maxKm
WITH s, min(km) AS distanceKm
WITH s, distanceKm, CASE WHEN s.capacity IS NULL THEN null ELSE s.capacity - coalesce(s.occupied, 0) END AS free
WHERE $includeFull OR free IS NULL OR free > 0
RETURN s.id AS service, distanceKm, free
ORDER BY distanceKm, CASE WHEN free IS NULL THEN 1 ELSE 0 END, free DESC, service
LIMIT $k
