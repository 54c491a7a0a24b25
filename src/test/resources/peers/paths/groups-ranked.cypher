// Connection paths answering docs/design.md's question: SHORTEST 5 GROUPS gives every trail of the
// five shortest lengths over TIED_TO in either direction (parallel ties make one trail each);
// those that repeat an actor are dropped, the rest are folded into one path per actor sequence
// with the strongest ties' sum (the best of its trails), and ranked by hops, strength (larger
// first), then the actors' ids in order. Five groups hold at least five actor sequences when five
// loopless paths exist, unless trails that repeat an actor fill some of the five lengths.
// Parameters: $from, $to.
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = SHORTEST 5 GROUPS (a)-[:TIED_TO]-*(b)
WITH nodes(p) AS ns, reduce(s = 0.0, r IN relationships(p) | s + coalesce(r.strength, 0.0)) AS strength
WHERE all(i IN range(0, size(ns) - 2) WHERE NOT ns[i] IN ns[i + 1..])
WITH [n IN ns | n.id] AS actors, max(strength) AS strength
RETURN actors, size(actors) - 1 AS hops, strength
ORDER BY hops, strength DESC, actors
LIMIT 5
