// The gap report, per municipality (the benchmark's peer until issue 17, item 11): demand lifted up
// the category tree need by need from the needs of T's municipalities; covering services found
// from each municipality's ancestors (the province's thousands of services once per municipality,
// then made distinct) and lifted up from what they address; joined per category, states decided
// in docs/design.md's order. Parameter: $territory.
MATCH (T:Territory {id: $territory})
MATCH (m:Territory {level: 'MUNICIPALITY'})-[:PART_OF*0..]->(T)
WITH collect(m) AS muns
CALL (muns) {
  UNWIND muns AS m
  MATCH (m)<-[:LOCATED_IN]-(n:Need)-[:OF_KIND]->(:Category)-[:PART_OF*0..]->(c:Category)
  RETURN c, sum(n.people) AS demand, 0 AS services, 0 AS providers, 0 AS supply, 0 AS unknown
  UNION ALL
  UNWIND muns AS m
  MATCH (m)-[:PART_OF*0..]->(:Territory)<-[:AVAILABLE_IN]-(s:Service)
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
