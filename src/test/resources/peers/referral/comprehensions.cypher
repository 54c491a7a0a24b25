// Referral with pattern comprehensions: the category's subtree as a list comprehension; the point
// index finds the municipalities in reach and each territory in reach is kept once with its
// nearest distance; each territory's services of the subtree come from a pattern comprehension.
MATCH (c:Category {code: $category})
WITH [(c)<-[:PART_OF*0..]-(x:Category) | x] AS cats
MATCH (m:Territory {id: $territory})
MATCH (near:Territory)
WHERE point.distance(near.location, m.location) <= $maxKm * 1000 * 1.01 + 1
  AND near.level = 'MUNICIPALITY'
WITH cats, near,
     CASE WHEN near = m THEN 0.0
          ELSE 2 * 6371 * asin(sqrt(haversin(radians(near.lat - m.lat))
               + cos(radians(m.lat)) * cos(radians(near.lat)) * haversin(radians(near.lon - m.lon)))) END AS km
WHERE km <= $maxKm
MATCH (near)-[:PART_OF*0..]->(t:Territory)
WITH cats, t, min(km) AS km
UNWIND [(t)<-[:AVAILABLE_IN]-(s:Service)-[:ADDRESSES]->(a:Category) WHERE a IN cats | s] AS s
WITH s, min(km) AS distanceKm
WITH s, distanceKm, CASE WHEN s.capacity IS NULL THEN null ELSE s.capacity - coalesce(s.occupied, 0) END AS free
WHERE $includeFull OR free IS NULL OR free > 0
RETURN s.id AS service, distanceKm, free
ORDER BY distanceKm, CASE WHEN free IS NULL THEN 1 ELSE 0 END, free DESC, service
LIMIT $k
