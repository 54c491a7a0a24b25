package it.snodo.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the network would break, as docs/design.md ("Fragility") defines it: the articulation
 * points and the bridges of the tie graph (undirected, simple: several ties between one pair are
 * one edge), its connected components of two or more actors, and the isolated actors (no tie).
 */
public interface FragilityAnalysis {

    /** The fragility of the whole tie graph. */
    Fragility analyze(Network network);

    /**
     * The fragility of the tie graph without some actors and ties, for "what if" questions.
     * Removed actors take their ties with them and appear nowhere in the answer (they are not
     * isolated: they are gone).
     *
     * @param removedActors per actor index, true when the actor is removed; its length is the
     *     network's actor count
     * @param removedTies pairs {@code [a, b]} of actor indices whose edge is removed (every tie
     *     between the two); a pair that is not tied removes nothing
     * @throws IllegalArgumentException when the array has the wrong length, or a pair is not two
     *     actor indices
     */
    Fragility analyze(Network network, boolean[] removedActors, List<int[]> removedTies);

    /**
     * The fragility of a tie graph, in actor indices (numbered in id order, so index order is id
     * order).
     *
     * @param articulationPoints the actors whose removal disconnects their component, ascending
     * @param bridges the edges whose removal disconnects their component, each {@code [a, b]} with
     *     {@code a < b}, sorted by a then b
     * @param components the connected components of two or more actors, each ascending, sorted by
     *     their first actor
     * @param isolated the actors without any tie, ascending
     */
    record Fragility(
            List<Integer> articulationPoints,
            List<int[]> bridges,
            List<List<Integer>> components,
            List<Integer> isolated) {

        public Fragility {
            articulationPoints = List.copyOf(articulationPoints);
            List<int[]> pairs = new ArrayList<>(bridges.size());
            for (int[] bridge : bridges) {
                if (Objects.requireNonNull(bridge, "bridge").length != 2) {
                    throw new IllegalArgumentException("a bridge is a pair of actors");
                }
                pairs.add(bridge.clone());
            }
            bridges = List.copyOf(pairs);
            List<List<Integer>> parts = new ArrayList<>(components.size());
            components.forEach(c -> parts.add(List.copyOf(c)));
            components = List.copyOf(parts);
            isolated = List.copyOf(isolated);
        }
    }
}
