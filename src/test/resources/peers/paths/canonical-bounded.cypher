// Connection paths answering docs/design.md's question over Snodo's own TIED_TO, searching no
// further than needed: as pairs-bounded, but each hop may take only its pair's canonical tie (the
// strongest, unknown as 0, then the first by element id), tested inside the quantified pattern, so
// parallel ties make one path and its strength is the sum of the pairs' strongest ties. The five
// shortest loopless paths say how many lengths the answer spans; every loopless path of those
// lengths (SHORTEST g GROUPS) is then ranked by hops, strength (larger first), then the actors'
// ids in order. Parameters: $from, $to.
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
CALL (a, b) {
  MATCH p = SHORTEST 5 ((a)((y)-[r:TIED_TO]-(x:Actor) WHERE NOT EXISTS { (y)-[o:TIED_TO]-(x) WHERE coalesce(o.strength, 0.0) > coalesce(r.strength, 0.0) OR (coalesce(o.strength, 0.0) = coalesce(r.strength, 0.0) AND elementId(o) < elementId(r)) })*(b)
                        WHERE all(i IN range(0, size(x) - 1) WHERE x[i] <> a AND NOT x[i] IN x[i + 1..]))
  RETURN count(DISTINCT length(p)) AS groups
}
CALL (a, b, groups) {
  WITH a, b WHERE groups = 1
  MATCH p = SHORTEST 1 GROUPS ((a)((y)-[r:TIED_TO]-(x:Actor) WHERE NOT EXISTS { (y)-[o:TIED_TO]-(x) WHERE coalesce(o.strength, 0.0) > coalesce(r.strength, 0.0) OR (coalesce(o.strength, 0.0) = coalesce(r.strength, 0.0) AND elementId(o) < elementId(r)) })*(b)
                               WHERE all(i IN range(0, size(x) - 1) WHERE x[i] <> a AND NOT x[i] IN x[i + 1..]))
  RETURN p
  UNION
  WITH a, b WHERE groups = 2
  MATCH p = SHORTEST 2 GROUPS ((a)((y)-[r:TIED_TO]-(x:Actor) WHERE NOT EXISTS { (y)-[o:TIED_TO]-(x) WHERE coalesce(o.strength, 0.0) > coalesce(r.strength, 0.0) OR (coalesce(o.strength, 0.0) = coalesce(r.strength, 0.0) AND elementId(o) < elementId(r)) })*(b)
                               WHERE all(i IN range(0, size(x) - 1) WHERE x[i] <> a AND NOT x[i] IN x[i + 1..]))
  RETURN p
  UNION
  WITH a, b WHERE groups = 3
  MATCH p = SHORTEST 3 GROUPS ((a)((y)-[r:TIED_TO]-(x:Actor) WHERE NOT EXISTS { (y)-[o:TIED_TO]-(x) WHERE coalesce(o.strength, 0.0) > coalesce(r.strength, 0.0) OR (coalesce(o.strength, 0.0) = coalesce(r.strength, 0.0) AND elementId(o) < elementId(r)) })*(b)
                               WHERE all(i IN range(0, size(x) - 1) WHERE x[i] <> a AND NOT x[i] IN x[i + 1..]))
  RETURN p
  UNION
  WITH a, b WHERE groups = 4
  MATCH p = SHORTEST 4 GROUPS ((a)((y)-[r:TIED_TO]-(x:Actor) WHERE NOT EXISTS { (y)-[o:TIED_TO]-(x) WHERE coalesce(o.strength, 0.0) > coalesce(r.strength, 0.0) OR (coalesce(o.strength, 0.0) = coalesce(r.strength, 0.0) AND elementId(o) < elementId(r)) })*(b)
                               WHERE all(i IN range(0, size(x) - 1) WHERE x[i] <> a AND NOT x[i] IN x[i + 1..]))
  RETURN p
  UNION
  WITH a, b WHERE groups = 5
  MATCH p = SHORTEST 5 GROUPS ((a)((y)-[r:TIED_TO]-(x:Actor) WHERE NOT EXISTS { (y)-[o:TIED_TO]-(x) WHERE coalesce(o.strength, 0.0) > coalesce(r.strength, 0.0) OR (coalesce(o.strength, 0.0) = coalesce(r.strength, 0.0) AND elementId(o) < elementId(r)) })*(b)
                               WHERE all(i IN range(0, size(x) - 1) WHERE x[i] <> a AND NOT x[i] IN x[i + 1..]))
  RETURN p
}
WITH nodes(p) AS ns, reduce(s = 0.0, r IN relationships(p) | s + coalesce(r.strength, 0.0)) AS strength
RETURN [n IN ns | n.id] AS actors, size(ns) - 1 AS hops, strength
ORDER BY hops, strength DESC, actors
LIMIT 5
