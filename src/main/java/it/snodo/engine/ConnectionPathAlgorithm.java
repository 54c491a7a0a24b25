package it.snodo.engine;

import java.util.List;

/**
 * Who can introduce whom: the k shortest loopless paths between two actors over the tie graph
 * (undirected, unweighted), fewest hops first, then strongest ties, as docs/design.md ("Connection
 * paths") defines them.
 */
public interface ConnectionPathAlgorithm {

    /**
     * The paths from one actor to another, best first; empty when they are not connected, and
     * the single path of no hop when they are the same actor.
     */
    List<ConnectionPath> paths(int from, int to, int k);

    /**
     * One path.
     *
     * @param actors the actor indices, from ... to
     * @param ties the kind of the strongest tie of each hop
     * @param strength the sum of the strengths of the hops (the strongest tie of each pair)
     */
    record ConnectionPath(int[] actors, List<String> ties, double strength) {

        public int hops() {
            return actors.length - 1;
        }
    }
}
