// Connection paths as groups-ranked, over a precomputed simple tie graph: one
// (:Actor)-[:TIE_PAIR {strength}]->(:Actor) per pair of actors joined by some TIED_TO either way,
// with the strength of the pair's strongest tie (unknown as 0). Snodo does not keep these
// relationships; PeerBench creates them for this formulation only. Parameters: $from, $to.
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = SHORTEST 5 GROUPS (a)-[:TIE_PAIR]-*(b)
WITH nodes(p) AS ns, reduce(s = 0.0, r IN relationships(p) | s + r.strength) AS strength
WHERE all(i IN range(0, size(ns) - 2) WHERE NOT ns[i] IN ns[i + 1..])
RETURN [n IN ns | n.id] AS actors, size(ns) - 1 AS hops, strength
ORDER BY hops, strength DESC, actors
LIMIT 5
