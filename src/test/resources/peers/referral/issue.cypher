// Referral, the issue's formulation: the category's subtree collected into a list first; the point
// index finds the municipalities in reach; each territory in reach (those municipalities and what
// they are part of) is kept once with the distance of its nearest municipality in reach; the
// services available there are expanded through AVAILABLE_IN and kept when an EXISTS subquery
// finds one of their categories in the list.
MATCH (:Category {code: $category})<-[:PART_OF*0..]-(x:Category)
WITH collect(x) AS cats
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
MATCH (t)<-[:AVAILABLE_IN]-(s:Service)
WHERE EXISTS { MATCH (s)-[:ADDRESSES]->(a:Category) WHERE a IN cats }
WITH s, min(km) AS distanceKm
WITH s, distanceKm, CASE WHEN s.capacity IS NULL THEN null ELSE s.capacity - coalesce(s.occupied, 0) END AS free
WHERE $includeFull OR free IS NULL OR free > 0
RETURN s.id AS service, distanceKm, free
ORDER BY distanceKm, CASE WHEN free IS NULL THEN 1 ELSE 0 END, free DESC, service
LIMIT $k
