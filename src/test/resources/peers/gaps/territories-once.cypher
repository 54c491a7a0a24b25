// The gap report, each territory a service can be available in expanded once: a service covers a
// municipality of T when it is available in one of T's ancestors (T included) or in a part of T
// that holds a municipality, so those territories are found first and expanded to their services
// once, where per-municipality expands every municipality's ancestors (the province, thousands of
// services, once per municipality). Demand as in per-municipality. Parameter: $territory.
MATCH (T:Territory {id: $territory})
WHERE EXISTS { (:Territory {level: 'MUNICIPALITY'})-[:PART_OF*0..]->(T) }
CALL (T) {
  MATCH (T)<-[:PART_OF*0..]-(m:Territory {level: 'MUNICIPALITY'})<-[:LOCATED_IN]-(n:Need)-[:OF_KIND]->(:Category)-[:PART_OF*0..]->(c:Category)
  RETURN c, sum(n.people) AS demand, 0 AS services, 0 AS providers, 0 AS supply, 0 AS unknown
  UNION ALL
  CALL (T) {
    MATCH (T)-[:PART_OF*0..]->(t:Territory)
    RETURN t
    UNION
    MATCH (t:Territory)-[:PART_OF*1..]->(T)
    WHERE EXISTS { (:Territory {level: 'MUNICIPALITY'})-[:PART_OF*0..]->(t) }
    RETURN t
  }
  MATCH (t)<-[:AVAILABLE_IN]-(s:Service)
  WITH DISTINCT s
  MATCH (s)-[:ADDRESSES]->(:Category)-[:PART_OF*0..]->(c:Category)
  WITH DISTINCT c, s
  MATCH (p:Actor)-[:PROVIDES]->(s)
  RETURN c, 0 AS demand, count(s) AS services, count(DISTINCT p) AS providers,
         sum(CASE WHEN s.capacity IS NULL THEN 0 ELSE s.capacity - coalesce(s.occupied, 0) END) AS supply,
         sum(CASE WHEN s.capacity IS NULL THEN 1 ELSE 0 END) AS unknown
}
WITH c, sum(demand) AS demand, sum(services) AS services, sum(providers) AS providers, sum(supply) AS supply,
     sum(unknown) = 0 AS supplyKnown
RETURN c.code AS category, demand, supply, supplyKnown, providers, services,
       CASE WHEN demand > 0 AND services = 0 THEN 'UNCOVERED'
            WHEN supplyKnown AND supply < demand THEN 'UNDER'
            WHEN providers = 1 THEN 'FRAGILE'
            ELSE 'COVERED' END AS state
ORDER BY category
