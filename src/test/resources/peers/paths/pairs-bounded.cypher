// Connection paths answering docs/design.md's question over the precomputed simple tie graph of
// pairs-groups-ranked (TIE_PAIR, which Snodo does not keep), searching no further than needed:
// the five shortest loopless paths (SHORTEST 5, actors repeated dropped inside the pattern, so
// before the five are chosen) say how many lengths the answer spans; then every loopless path of
// those lengths (SHORTEST g GROUPS, g that number) is ranked by hops, strength (larger first),
// then the actors' ids in order. Parameters: $from, $to.
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
CALL (a, b) {
  MATCH p = SHORTEST 5 ((a)(()-[:TIE_PAIR]-(x:Actor))*(b)
                        WHERE all(i IN range(0, size(x) - 1) WHERE x[i] <> a AND NOT x[i] IN x[i + 1..]))
  RETURN count(DISTINCT length(p)) AS groups
}
CALL (a, b, groups) {
  WITH a, b WHERE groups = 1
  MATCH p = SHORTEST 1 GROUPS ((a)(()-[:TIE_PAIR]-(x:Actor))*(b)
                               WHERE all(i IN range(0, size(x) - 1) WHERE x[i] <> a AND NOT x[i] IN x[i + 1..]))
  RETURN p
  UNION
  WITH a, b WHERE groups = 2
  MATCH p = SHORTEST 2 GROUPS ((a)(()-[:TIE_PAIR]-(x:Actor))*(b)
                               WHERE all(i IN range(0, size(x) - 1) WHERE x[i] <> a AND NOT x[i] IN x[i + 1..]))
  RETURN p
  UNION
  WITH a, b WHERE groups = 3
  MATCH p = SHORTEST 3 GROUPS ((a)(()-[:TIE_PAIR]-(x:Actor))*(b)
                               WHERE all(i IN range(0, size(x) - 1) WHERE x[i] <> a AND NOT x[i] IN x[i + 1..]))
  RETURN p
  UNION
  WITH a, b WHERE groups = 4
  MATCH p = SHORTEST 4 GROUPS ((a)(()-[:TIE_PAIR]-(x:Actor))*(b)
                               WHERE all(i IN range(0, size(x) - 1) WHERE x[i] <> a AND NOT x[i] IN x[i + 1..]))
  RETURN p
  UNION
  WITH a, b WHERE groups = 5
  MATCH p = SHORTEST 5 GROUPS ((a)(()-[:TIE_PAIR]-(x:Actor))*(b)
                               WHERE all(i IN range(0, size(x) - 1) WHERE x[i] <> a AND NOT x[i] IN x[i + 1..]))
  RETURN p
}
WITH nodes(p) AS ns, reduce(s = 0.0, r IN relationships(p) | s + r.strength) AS strength
RETURN [n IN ns | n.id] AS actors, size(ns) - 1 AS hops, strength
ORDER BY hops, strength DESC, actors
LIMIT 5
