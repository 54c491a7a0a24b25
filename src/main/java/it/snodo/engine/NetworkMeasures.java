package it.snodo.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The measures of the tie graph docs/design.md defines ("Network measures"), for the whole network
 * or for the actors based in a territory (the subgraph they induce): N actors, E tied pairs,
 * density, components, Freeman degree centralization, normalised betweenness and the brokers it
 * ranks, communities with their modularity, and multiplexity.
 */
public interface NetworkMeasures {

    /** How many brokers a measure lists at most. */
    int MAX_BROKERS = 10;

    /**
     * The measures of the subgraph the given actors induce: only ties between two of them count.
     *
     * @param actors the actor indices of the scope, strictly ascending (so in id order)
     * @throws IllegalArgumentException when an index is out of range or the scope is not strictly
     *     ascending
     */
    Measures measure(Network network, int[] actors);

    /** The measures of the whole tie graph: every actor, tied or not. */
    default Measures measure(Network network) {
        Objects.requireNonNull(network, "network");
        int[] all = new int[network.actorCount()];
        for (int a = 0; a < all.length; a++) {
            all[a] = a;
        }
        return measure(network, all);
    }

    /**
     * The actors based in a territory or in a territory part of it, at any depth, ascending: the
     * scope of the measures "for a territory". Actors based nowhere are in no territory's scope.
     */
    static int[] basedIn(Network network, int territory) {
        Objects.requireNonNull(network, "network");
        if (territory < 0 || territory >= network.territoryCount()) {
            throw new IllegalArgumentException("no such territory");
        }
        Actors actors = network.actors();
        return IntStream.range(0, actors.count())
                .filter(a -> actors.basedIn(a) >= 0 && network.territories().isPartOf(actors.basedIn(a), territory))
                .toArray();
    }

    /**
     * The measures of the tie graph of a scope of N actors with E tied pairs among them.
     *
     * @param actors N
     * @param ties E
     * @param density {@code 2E / (N(N − 1))}, 0 when N &lt; 2
     * @param components the connected components, each isolated actor counting as one
     * @param degreeCentralization Freeman's {@code Σ(max degree − degree) / ((N − 1)(N − 2))}, 0
     *     when N &lt; 3
     * @param betweenness per actor of the scope, in the scope's order: the shortest paths through
     *     it, summed over unordered pairs of other actors (a pair joined by several shortest paths
     *     counting the share through it), divided by {@code (N − 1)(N − 2)/2}, so in [0, 1] and 1
     *     for the centre of a star; all 0 when N &lt; 3. Do not modify.
     * @param brokers the actors of positive betweenness, highest first, then by index, at most
     *     {@value #MAX_BROKERS}
     * @param communities the Louvain communities (isolated actors alone in theirs), each ascending,
     *     sorted by their first actor
     * @param modularity the modularity of that very partition, 0 when E = 0
     * @param multiplexity the mean number of tie kinds per tied pair, 0 when E = 0
     * @param multiplexityCounts number of kinds → number of tied pairs with that many, ascending by
     *     kinds
     */
    record Measures(
            int actors,
            int ties,
            double density,
            int components,
            double degreeCentralization,
            double[] betweenness,
            List<Integer> brokers,
            List<List<Integer>> communities,
            double modularity,
            double multiplexity,
            Map<Integer, Integer> multiplexityCounts) {

        public Measures {
            Objects.requireNonNull(betweenness, "betweenness");
            if (betweenness.length != actors) {
                throw new IllegalArgumentException("one betweenness per actor is needed");
            }
            brokers = List.copyOf(brokers);
            List<List<Integer>> copy = new ArrayList<>(communities.size());
            communities.forEach(c -> copy.add(List.copyOf(c)));
            communities = List.copyOf(copy);
            multiplexityCounts = Collections.unmodifiableSortedMap(new TreeMap<>(multiplexityCounts));
        }
    }
}
