// Connection paths, SHORTEST 5 with the trails that repeat an actor dropped inside the path
// pattern, so before the five are chosen; parallel ties still make distinct paths and strength
// does not break ties, as in SHORTEST 5. Parameters: $from, $to.
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = SHORTEST 5 ((a)(()-[:TIED_TO]-(x:Actor))+(b)
                      WHERE all(i IN range(0, size(x) - 1) WHERE x[i] <> a AND NOT x[i] IN x[i + 1..]))
RETURN [n IN nodes(p) | n.id] AS actors, length(p) AS hops
