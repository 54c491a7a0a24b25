package it.snodo.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Integrated answers by exact minimum set cover over the bundle's categories, with the ties
 * broken by new ties needed, then total distance, then provider ids.
 *
 * <p>What is computed (docs/design.md): the smallest set of providers whose services, within
 * {@code maxKm} of the municipality, cover every category of the bundle that can be covered;
 * among sets of equal size, the one whose providers fall in the fewest components of the whole
 * tie graph (new ties needed = components − 1), then the one with the shortest total distance
 * (each covered category is assigned the nearest service of a chosen provider covering it, ties
 * by service id, and the distances are summed), then the lexicographically smallest list of
 * provider ids. Categories no provider covers within {@code maxKm} are reported as uncovered.
 *
 * <p>How: the services within {@code maxKm} and their distances come from the snapshot
 * ({@link Services#within}: the municipalities within {@code maxKm}, as for referrals, through
 * the coverage index; a service's distance is that of the nearest municipality it covers, 0 for the
 * municipality itself). Each provider of one of them that covers an asked category (a category or
 * a descendant, by the Euler-tour interval test) becomes a candidate with the bitmask of the asked
 * categories it covers and, per category, its nearest qualifying service. Set cover is NP-hard (R.
 * M. Karp, "Reducibility among combinatorial problems", 1972), but the universe here is at most
 * {@value #MAX_CATEGORIES} categories, so the answer is exact: a dynamic programme over the
 * 2<sup>k</sup> masks ({@code dp[mask]} = fewest candidates covering mask, branching on the mask's
 * lowest category) gives the minimum size s; then every cover of size s is enumerated once,
 * branching on the lowest category not yet covered over the candidates covering it (the i-th
 * branch excludes the candidates of the earlier branches, so no set is met twice), pruned when
 * {@code chosen + dp[rest] > s} or when the components already met exceed the best found, and the
 * best is kept by (new ties, total distance, ids). Every minimum cover is reached: none of its
 * providers is redundant, so each covers the lowest category the others leave open at some step.
 * The tie-graph components are the snapshot's {@link TieGraph}'s, labelled once per snapshot.
 *
 * <p>A caller may be shown some distances larger than they are (a confidential place, rounded up):
 * then the services within {@code maxKm}, each provider's nearest service and the total distance
 * are all taken from the shown distances, so that the answer says nothing the distances shown do
 * not.
 */
public final class ExactCoverIntegratedAnswers implements IntegratedAnswerAlgorithm {

    /** The largest bundle answered exactly: 2^12 masks. */
    public static final int MAX_CATEGORIES = 12;

    private static final int INF = Integer.MAX_VALUE / 2;

    private final Network network;

    public ExactCoverIntegratedAnswers(Network network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    @Override
    public Answer answer(int municipality, int[] categories, double maxKm, ShownDistance shown) {
        Network n = network;
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(shown, "shown");
        if (municipality < 0 || municipality >= n.territoryCount() || !n.isMunicipality(municipality)) {
            throw new IllegalArgumentException("the territory is not a municipality");
        }
        if (!(maxKm >= 0)) {
            throw new IllegalArgumentException("maxKm must be 0 or more");
        }
        int[] asked = Arrays.stream(categories).distinct().toArray();
        for (int c : asked) {
            if (c < 0 || c >= n.categoryCount()) {
                throw new IllegalArgumentException("no such category");
            }
        }
        if (asked.length > MAX_CATEGORIES) {
            throw new IllegalArgumentException("at most " + MAX_CATEGORIES + " categories can be asked together");
        }
        int k = asked.length;

        // The services within maxKm with their distances, ascending by service (so by id).
        SortedMap<Integer, Double> within = servicesWithin(municipality, maxKm, shown);
        Services services = n.services();

        // The candidates: providers with a service within maxKm covering an asked category.
        TreeMap<Integer, Candidate> byProvider = new TreeMap<>();
        for (Map.Entry<Integer, Double> e : within.entrySet()) {
            int s = e.getKey();
            double d = e.getValue();
            for (int i = 0; i < k; i++) {
                if (!services.coversCategory(s, asked[i])) {
                    continue;
                }
                Candidate c = byProvider.computeIfAbsent(services.provider(s), p -> new Candidate(p, k));
                c.mask |= 1 << i;
                // Services come in ascending order: a strictly nearer one replaces, an equal one does not.
                if (c.service[i] < 0 || d < c.distance[i]) {
                    c.service[i] = s;
                    c.distance[i] = d;
                }
            }
        }
        Candidate[] cands = byProvider.values().toArray(Candidate[]::new);
        int coverable = 0;
        for (Candidate c : cands) {
            coverable |= c.mask;
        }
        int covered = coverable;
        int[] uncovered = IntStream.range(0, k)
                .filter(i -> (covered & (1 << i)) == 0)
                .map(i -> asked[i])
                .sorted()
                .toArray();
        if (coverable == 0) {
            return new Answer(new int[0], List.of(), uncovered, 0, 0);
        }

        // Per category, the candidates covering it (ascending by provider).
        int[][] byBit = new int[k][];
        for (int i = 0; i < k; i++) {
            int bit = 1 << i;
            byBit[i] = IntStream.range(0, cands.length)
                    .filter(j -> (cands[j].mask & bit) != 0)
                    .toArray();
        }
        // dp[mask]: the fewest candidates covering mask.
        int[] dp = new int[1 << k];
        for (int mask = 1; mask < dp.length; mask++) {
            int low = Integer.numberOfTrailingZeros(mask);
            int best = INF;
            for (int j : byBit[low]) {
                best = Math.min(best, dp[mask & ~cands[j].mask]);
            }
            dp[mask] = best >= INF ? INF : best + 1;
        }
        Search search = new Search(cands, byBit, dp, dp[coverable], asked, n.tieGraph());
        search.run(coverable, 0);
        return search.answer(uncovered);
    }

    /**
     * The services shown within maxKm of m and the shown distance of each: that of the nearest
     * municipality it covers ({@link Services#within}), as shown. A shown distance is never less
     * than the true one, so the municipalities beyond maxKm can be skipped; and it grows with it,
     * so the shown distance of the nearest is the least shown.
     */
    private SortedMap<Integer, Double> servicesWithin(int m, double maxKm, ShownDistance shown) {
        SortedMap<Integer, Double> within = network.services().within(m, maxKm);
        if (shown != ShownDistance.EXACT) {
            within.replaceAll((s, d) -> shown.km(s, d));
            within.values().removeIf(d -> d > maxKm);
        }
        return within;
    }

    /** A provider that can answer part of the bundle. */
    private static final class Candidate {
        final int provider;
        int mask;
        /** Per asked category, the nearest qualifying service (-1 none) and its distance. */
        final int[] service;

        final double[] distance;

        Candidate(int provider, int k) {
            this.provider = provider;
            this.service = new int[k];
            this.distance = new double[k];
            Arrays.fill(service, -1);
        }
    }

    /** The enumeration of the minimum covers, keeping the best. */
    private static final class Search {
        final Candidate[] cands;
        final int[][] byBit;
        final int[] dp;
        final int size;
        final int[] asked;
        final TieGraph tieGraph;
        final int[] chosen;
        final boolean[] excluded;
        int count;

        int[] bestProviders;
        int[] bestChoice;
        int bestNewTies = INF;
        double bestDistance = Double.POSITIVE_INFINITY;

        Search(Candidate[] cands, int[][] byBit, int[] dp, int size, int[] asked, TieGraph tieGraph) {
            this.cands = cands;
            this.byBit = byBit;
            this.dp = dp;
            this.size = size;
            this.asked = asked;
            this.tieGraph = tieGraph;
            this.chosen = new int[size];
            this.excluded = new boolean[cands.length];
        }

        void run(int rest, int depth) {
            if (rest == 0) {
                consider();
                return;
            }
            if (newTies(depth) > bestNewTies) {
                return;
            }
            int low = Integer.numberOfTrailingZeros(rest);
            List<Integer> marked = new ArrayList<>();
            for (int j : byBit[low]) {
                if (excluded[j]) {
                    continue;
                }
                if (depth + 1 + dp[rest & ~cands[j].mask] <= size) {
                    chosen[depth] = j;
                    run(rest & ~cands[j].mask, depth + 1);
                }
                // Later branches are the covers without this candidate.
                excluded[j] = true;
                marked.add(j);
            }
            for (int j : marked) {
                excluded[j] = false;
            }
        }

        /** The components met by the first {@code depth} chosen candidates, minus one. */
        int newTies(int depth) {
            int distinct = 0;
            for (int i = 0; i < depth; i++) {
                boolean seen = false;
                for (int h = 0; h < i && !seen; h++) {
                    seen = tieGraph.componentOf(cands[chosen[h]].provider)
                            == tieGraph.componentOf(cands[chosen[i]].provider);
                }
                if (!seen) {
                    distinct++;
                }
            }
            return Math.max(0, distinct - 1);
        }

        void consider() {
            int ties = newTies(size);
            if (ties > bestNewTies) {
                return;
            }
            double total = 0;
            for (int i = 0; i < asked.length; i++) {
                int j = assigned(chosen, i);
                if (j >= 0) {
                    total += cands[j].distance[i];
                }
            }
            int[] providers = new int[size];
            for (int i = 0; i < size; i++) {
                providers[i] = cands[chosen[i]].provider;
            }
            Arrays.sort(providers);
            boolean better = ties < bestNewTies
                    || ties == bestNewTies
                            && (total < bestDistance
                                    || total == bestDistance && Arrays.compare(providers, bestProviders) < 0);
            if (better) {
                bestNewTies = ties;
                bestDistance = total;
                bestProviders = providers;
                bestChoice = chosen.clone();
            }
        }

        /** The chosen candidate whose service is assigned to asked category i: nearest, then lowest service; -1 none. */
        int assigned(int[] choice, int i) {
            int best = -1;
            for (int j : choice) {
                int s = cands[j].service[i];
                if (s < 0) {
                    continue;
                }
                if (best < 0
                        || cands[j].distance[i] < cands[best].distance[i]
                        || cands[j].distance[i] == cands[best].distance[i] && s < cands[best].service[i]) {
                    best = j;
                }
            }
            return best;
        }

        Answer answer(int[] uncovered) {
            List<Assignment> assignments = new ArrayList<>();
            for (int i = 0; i < asked.length; i++) {
                int j = assigned(bestChoice, i);
                if (j >= 0) {
                    int s = cands[j].service[i];
                    assignments.add(new Assignment(asked[i], s, cands[j].provider, cands[j].distance[i]));
                }
            }
            return new Answer(bestProviders, List.copyOf(assignments), uncovered, bestNewTies, bestDistance);
        }
    }
}
