// Connection paths with Neo4j's own k shortest paths (GQL SHORTEST k, Neo4j 5.21+), over TIED_TO
// in either direction. Not quite docs/design.md's question: parallel ties make distinct paths here,
// and strength does not break ties. Parameters: $from, $to ($k is fixed at 5 by the benchmark).
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = SHORTEST 5 (a)-[:TIED_TO]-+(b)
RETURN [n IN nodes(p) | n.id] AS actors, length(p) AS hops
