// The gap report per category with COUNT and COLLECT subqueries: the municipalities of T and the
// territories a service can be available in to cover one of them (T's ancestors and the parts of T
// holding a municipality) are collected first; then for each category, its demand and its covering
// services are found by subqueries from the category down its subtree. Parameter: $territory.
MATCH (T:Territory {id: $territory})
WITH T, COLLECT { MATCH (T)<-[:PART_OF*0..]-(m:Territory {level: 'MUNICIPALITY'}) RETURN m } AS muns
WHERE size(muns) > 0
WITH muns,
     COLLECT { MATCH (T)-[:PART_OF*0..]->(t:Territory) RETURN t
               UNION
               MATCH (t:Territory)-[:PART_OF*1..]->(T)
               WHERE EXISTS { (:Territory {level: 'MUNICIPALITY'})-[:PART_OF*0..]->(t) }
               RETURN t } AS places
MATCH (c:Category)
WITH c,
     COLLECT { MATCH (c)<-[:PART_OF*0..]-(:Category)<-[:OF_KIND]-(n:Need)-[:LOCATED_IN]->(m)
               WHERE m IN muns RETURN n.people } AS people,
     COLLECT { MATCH (c)<-[:PART_OF*0..]-(:Category)<-[:ADDRESSES]-(s:Service)-[:AVAILABLE_IN]->(t)
               WHERE t IN places RETURN DISTINCT s } AS covering
WHERE size(people) > 0 OR size(covering) > 0
WITH c, reduce(d = 0, x IN people | d + x) AS demand, size(covering) AS services,
     COUNT { UNWIND covering AS s MATCH (p:Actor)-[:PROVIDES]->(s) RETURN DISTINCT p } AS providers,
     reduce(f = 0, s IN covering | f + CASE WHEN s.capacity IS NULL THEN 0 ELSE s.capacity - coalesce(s.occupied, 0) END) AS supply,
     all(s IN covering WHERE s.capacity IS NOT NULL) AS supplyKnown
RETURN c.code AS category, demand, supply, supplyKnown, providers, services,
       CASE WHEN demand > 0 AND services = 0 THEN 'UNCOVERED'
            WHEN supplyKnown AND supply < demand THEN 'UNDER'
            WHEN providers = 1 THEN 'FRAGILE'
            ELSE 'COVERED' END AS state
ORDER BY category
