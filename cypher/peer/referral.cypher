// The referral question in plain Cypher, as a careful Neo4j user would write it: the point index
// finds the municipalities within reach, the category tree is walked with PART_OF*0.., and the
// ranking is DESIGN.md's exactly (great-circle distance with R = 6371 km, free places desc with
// unknown last, id). Parameters: $category, $territory, $k, $maxKm, $includeFull.
MATCH (m:Territory {id: $territory})
MATCH (c:Category {code: $category})
WITH m, [(d:Category)-[:PART_OF*0..]->(c) | d] AS cats
MATCH (near:Territory)
WHERE point.distance(near.location, m.location) <= $maxKm * 1000 * 1.01 + 1
  AND near.level = 'MUNICIPALITY'
WITH m, cats, near,
     CASE WHEN near = m THEN 0.0
          ELSE 2 * 6371 * asin(sqrt(haversin(radians(near.lat - m.lat))
               + cos(radians(m.lat)) * cos(radians(near.lat)) * haversin(radians(near.lon - m.lon)))) END AS km
WHERE km <= $maxKm
MATCH (near)-[:PART_OF*0..]->(:Territory)<-[:AVAILABLE_IN]-(s:Service)-[:ADDRESSES]->(d:Category)
WHERE d IN cats
WITH s, min(km) AS distanceKm
WITH s, distanceKm, CASE WHEN s.capacity IS NULL THEN null ELSE s.capacity - coalesce(s.occupied, 0) END AS free
WHERE $includeFull OR free IS NULL OR free > 0
RETURN s.id AS service, distanceKm, free
ORDER BY distanceKm, CASE WHEN free IS NULL THEN 1 ELSE 0 END, free DESC, service
LIMIT $k
