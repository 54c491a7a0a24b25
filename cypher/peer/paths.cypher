// Connection paths with Neo4j's own k shortest paths (GQL SHORTEST k, Neo4j 5.21+), over TIED_TO
// in either direction. Not quite docs/design.md's question: parallel ties make distinct paths here,
// a path may repeat an actor, and strength does not break ties, so it names the engine's five
// paths on few inputs (19 of 300 at M; the same hop counts on 191), and it is faster than a peer
// that answers the engine's question: src/test/resources/peers/paths/canonical-bounded.cypher
// does (299 of 300 at M) at about twice the time, but has no bound on its time when fewer than
// five loopless paths exist (docs/benchmarks.md, "The peers' formulations").
// Parameters: $from, $to ($k is fixed at 5 by the benchmark).
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = SHORTEST 5 (a)-[:TIED_TO]-+(b)
RETURN [n IN nodes(p) | n.id] AS actors, length(p) AS hops
