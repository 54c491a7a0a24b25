package it.snodo.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Synergies scored by complementarity over open gaps, shared territory and common tie partners.
 *
 * <p>What is computed, for cooperatives A and B (docs/design.md, "Synergies"):
 * <ul>
 * <li>{@code M(X)} = the municipalities covered by X's services (available in them or in a
 * territory they are part of), plus the municipality X is based in, if X is based in a
 * municipality; {@code C(X)} = the categories X's services address, as given (not lifted up the
 * tree); {@code shared = M(A) ∩ M(B)}.
 * <li>{@code open(m)} = the categories whose gap row in municipality m ({@link CoverageGaps}) has
 * state UNCOVERED or UNDER.
 * <li>complementarity = the number of pairs (m, c) with m ∈ shared, c ∈ C(A) Δ C(B) (in one's
 * categories and not the other's), and open(m) holding c or an ancestor of c: the one who has c
 * could answer an open gap the other cannot.
 * <li>overlap = |shared| / |M(A) ∪ M(B)| (Jaccard), 0 when both are empty.
 * <li>closeness = the Adamic–Adar index over common tie neighbours,
 * Σ<sub>z ∈ N(A) ∩ N(B)</sub> 1 / ln(deg z) (L. A. Adamic and E. Adar, "Friends and neighbors on
 * the Web", Social Networks 25(3), 2003), N and deg taken in the whole tie graph (cooperatives
 * and partners); a common neighbour has degree 2 or more, so every term is finite.
 * <li>score = complementarity + 2·overlap + closeness.
 * </ul>
 * A's suggestions are the cooperatives B ≠ A not tied to A (by any tie, in either direction) with
 * a positive score, ranked by score (highest first), then id; each carries one reason per
 * non-zero part (COMPLEMENTARITY, SHARED_TERRITORY, COMMON_PARTNERS) with the part's value.
 *
 * <p>How: a positive score needs a shared municipality or a common tie neighbour, so the
 * candidates are only the cooperatives present in a municipality of M(A) (from an index of the
 * cooperatives present in each municipality) and the cooperatives two ties away, never all pairs.
 * M, C and that index are built once per snapshot on first use; which categories answer an open
 * gap of m is computed per municipality on first use and kept, as one flag per category. Scores
 * are computed as numbers first and only the suggestions kept are explained (their reasons name
 * categories and partners). {@link #top(int)} scores every cooperative's candidates of larger
 * index (so each unordered pair once) into a bounded heap, and ranks the pairs by score, then
 * the two ids.
 *
 * <p>As if some services did not exist ({@link #suggestions(int, int, IntPredicate)}): the
 * snapshot's M, C and index are copied, and only the entries of the cooperatives that run a
 * service left out, and of the municipalities such a service covers, are worked out again; the
 * open gaps of a municipality that a left-out service covers are computed without it, per call,
 * for the shared municipalities asked about. So the cost is one pass over the services plus what
 * the left-out services touch, not a new index.
 */
public final class ComplementaritySynergies implements SynergyAlgorithm {

    public static final String COMPLEMENTARITY = "COMPLEMENTARITY";
    public static final String SHARED_TERRITORY = "SHARED_TERRITORY";
    public static final String COMMON_PARTNERS = "COMMON_PARTNERS";

    /** How many categories or partners a reason names at most. */
    private static final int NAMED = 5;

    private final Network network;
    private volatile View view;
    private final ConcurrentHashMap<Integer, boolean[]> answering = new ConcurrentHashMap<>();

    public ComplementaritySynergies(Network network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    /** Per snapshot: M(X) and C(X) of each cooperative, and the cooperatives present in each municipality. */
    private static final class Index {
        final int[][] municipalities;
        final int[][] categories;
        /** By territory index; empty for territories that are not municipalities. */
        final int[][] present;

        Index(Network n) {
            int na = n.actorCount();
            municipalities = new int[na][];
            categories = new int[na][];
            Arrays.fill(municipalities, new int[0]);
            Arrays.fill(categories, new int[0]);
            served(n, n.actors()::isCooperative, s -> true, municipalities, categories);
            int[] presentCount = new int[n.territoryCount()];
            for (int a = 0; a < na; a++) {
                for (int m : municipalities[a]) {
                    presentCount[m]++;
                }
            }
            present = new int[n.territoryCount()][];
            for (int t = 0; t < present.length; t++) {
                present[t] = new int[presentCount[t]];
                presentCount[t] = 0;
            }
            for (int a = 0; a < na; a++) {
                for (int m : municipalities[a]) {
                    present[m][presentCount[m]++] = a;
                }
            }
        }
    }

    /**
     * What a score reads: M, C and the cooperatives present in each municipality, by index, and
     * for a municipality which categories answer an open gap there ({@link #answering}).
     */
    private record View(
            int[][] municipalities, int[][] categories, int[][] present, IntFunction<boolean[]> answering) {}

    /** The view of the whole snapshot, built once on first use. */
    private View view() {
        View v = view;
        if (v == null) {
            synchronized (this) {
                if (view == null) {
                    Index ix = new Index(network);
                    view = new View(ix.municipalities, ix.categories, ix.present, this::answering);
                }
                v = view;
            }
        }
        return v;
    }

    /**
     * M(X) and C(X) of each cooperative {@code of} picks, into {@code municipalities} and
     * {@code categories}: the municipality it is based in and those its {@code kept} services
     * cover, and the categories those services address, ascending and distinct.
     */
    private static void served(
            Network n, IntPredicate of, IntPredicate kept, int[][] municipalities, int[][] categories) {
        Map<Integer, List<Integer>> muns = new HashMap<>();
        Map<Integer, List<Integer>> cats = new HashMap<>();
        for (int a = 0; a < n.actorCount(); a++) {
            if (!of.test(a)) {
                continue;
            }
            muns.put(a, new ArrayList<>());
            cats.put(a, new ArrayList<>());
            int base = n.actors().basedIn(a);
            if (base >= 0 && n.territories().isMunicipality(base)) {
                muns.get(a).add(base);
            }
        }
        Services services = n.services();
        Territories territories = n.territories();
        for (int s = 0; s < services.count(); s++) {
            int p = services.provider(s);
            if (!muns.containsKey(p) || !kept.test(s)) {
                continue;
            }
            for (int k = 0; k < services.categoryCountOf(s); k++) {
                cats.get(p).add(services.categoryOf(s, k));
            }
            for (int k = 0; k < services.territoryCountOf(s); k++) {
                int t = services.territoryOf(s, k);
                for (int j = 0; j < territories.municipalityCountOf(t); j++) {
                    muns.get(p).add(territories.municipalityOf(t, j));
                }
            }
        }
        muns.forEach((a, list) -> municipalities[a] =
                list.stream().mapToInt(Integer::intValue).sorted().distinct().toArray());
        cats.forEach((a, list) -> categories[a] =
                list.stream().mapToInt(Integer::intValue).sorted().distinct().toArray());
    }

    /**
     * The view of the snapshot without the services {@code leftOut} holds: the entries they
     * change, worked out again over a copy of {@link #view()}; that view itself when none is left
     * out.
     */
    private View view(IntPredicate leftOut) {
        Network n = network;
        View all = view();
        BitSet gone = new BitSet(n.serviceCount());
        BitSet changed = new BitSet(n.actorCount());
        BitSet touched = new BitSet(n.territoryCount());
        Services services = n.services();
        Territories territories = n.territories();
        for (int s = 0; s < services.count(); s++) {
            if (!leftOut.test(s)) {
                continue;
            }
            gone.set(s);
            int p = services.provider(s);
            if (n.actors().isCooperative(p)) {
                changed.set(p);
            }
            for (int k = 0; k < services.territoryCountOf(s); k++) {
                int t = services.territoryOf(s, k);
                for (int j = 0; j < territories.municipalityCountOf(t); j++) {
                    touched.set(territories.municipalityOf(t, j));
                }
            }
        }
        if (gone.isEmpty()) {
            return all;
        }
        // M and C of the cooperatives that lose a service, from the services they keep.
        int[][] municipalities = all.municipalities.clone();
        int[][] categories = all.categories.clone();
        int[][] present = all.present.clone();
        served(n, changed::get, s -> !gone.get(s), municipalities, categories);
        for (int a = changed.nextSetBit(0); a >= 0; a = changed.nextSetBit(a + 1)) {
            // Losing services only ever takes a cooperative out of a municipality.
            int left = a;
            for (int m : all.municipalities[a]) {
                if (Arrays.binarySearch(municipalities[a], m) < 0) {
                    present[m] =
                            Arrays.stream(present[m]).filter(b -> b != left).toArray();
                }
            }
        }
        Map<Integer, boolean[]> answers = new HashMap<>();
        IntFunction<boolean[]> answering =
                m -> touched.get(m) ? answers.computeIfAbsent(m, t -> answering(t, gone::get)) : answering(m);
        return new View(municipalities, categories, present, answering);
    }

    /**
     * For municipality m, by category: true when the category answers an open gap of m, that is
     * when it is, or descends from, a category of an UNCOVERED or UNDER gap row of m.
     */
    private boolean[] answering(int m) {
        return answering.computeIfAbsent(m, t -> answering(t, s -> false));
    }

    /** As {@link #answering(int)}, with the gap rows of m computed as if the services {@code leftOut} did not exist. */
    private boolean[] answering(int m, IntPredicate leftOut) {
        int[] open = new CoverageGaps(network)
                .rows(m, leftOut).stream()
                        .filter(r -> r.state() == GapAnalysis.State.UNCOVERED || r.state() == GapAnalysis.State.UNDER)
                        .mapToInt(GapAnalysis.Row::category)
                        .toArray();
        boolean[] answers = new boolean[network.categoryCount()];
        for (int c = 0; c < answers.length; c++) {
            for (int o : open) {
                if (network.categories().isWithin(c, o)) {
                    answers[c] = true;
                    break;
                }
            }
        }
        return answers;
    }

    @Override
    public List<Suggestion> suggestions(int cooperative, int limit) {
        check(cooperative, limit);
        return suggestions(view(), cooperative, limit);
    }

    @Override
    public List<Suggestion> suggestions(int cooperative, int limit, IntPredicate leftOut) {
        Objects.requireNonNull(leftOut, "leftOut");
        check(cooperative, limit);
        return suggestions(view(leftOut), cooperative, limit);
    }

    private void check(int cooperative, int limit) {
        Network n = network;
        if (cooperative < 0 || cooperative >= n.actorCount() || !n.isCooperative(cooperative)) {
            throw new IllegalArgumentException("the actor is not a cooperative");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    private List<Suggestion> suggestions(View v, int cooperative, int limit) {
        // Scores first, as numbers; reasons (with their names) only for the suggestions kept.
        int[] candidates = candidates(v, cooperative);
        double[] scores = new double[candidates.length];
        List<Integer> positive = new ArrayList<>();
        for (int i = 0; i < candidates.length; i++) {
            scores[i] = score(v, cooperative, candidates[i], false).score;
            if (scores[i] > 0) {
                positive.add(i);
            }
        }
        positive.sort(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> candidates[i]));
        List<Suggestion> found = new ArrayList<>();
        for (int i : positive.subList(0, Math.min(limit, positive.size()))) {
            Scored s = score(v, cooperative, candidates[i], true);
            found.add(new Suggestion(candidates[i], s.score, s.reasons));
        }
        return List.copyOf(found);
    }

    @Override
    public List<Pair> top(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        Network n = network;
        View v = view();
        Comparator<Pair> ranking = Comparator.comparingDouble(Pair::score)
                .reversed()
                .thenComparingInt(Pair::a)
                .thenComparingInt(Pair::b);
        // The worst kept pair at the head.
        PriorityQueue<Pair> kept = new PriorityQueue<>(ranking.reversed());
        for (int a = 0; a < n.actorCount(); a++) {
            if (!n.isCooperative(a)) {
                continue;
            }
            for (int b : candidates(v, a)) {
                if (b < a) {
                    continue;
                }
                Scored s = score(v, a, b, false);
                if (s.score <= 0) {
                    continue;
                }
                Pair p = new Pair(a, b, s.score, List.of());
                if (kept.size() < limit) {
                    kept.add(p);
                } else if (ranking.compare(p, kept.peek()) < 0) {
                    kept.poll();
                    kept.add(p);
                }
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (Pair p : kept) {
            pairs.add(new Pair(p.a(), p.b(), p.score(), score(v, p.a(), p.b(), true).reasons));
        }
        pairs.sort(ranking);
        return List.copyOf(pairs);
    }

    /**
     * The cooperatives that may score above 0 with a: present in a municipality of M(a), or tied
     * to a tie neighbour of a; never a itself nor one tied to a. Ascending.
     */
    private int[] candidates(View x, int a) {
        Network n = network;
        int[] found = new int[16];
        int size = 0;
        for (int m : x.municipalities[a]) {
            for (int b : x.present[m]) {
                if (size == found.length) {
                    found = Arrays.copyOf(found, 2 * size);
                }
                found[size++] = b;
            }
        }
        TieGraph ties = n.tieGraph();
        for (int j = ties.edgeStart(a); j < ties.edgeEnd(a); j++) {
            int z = ties.target(j);
            for (int h = ties.edgeStart(z); h < ties.edgeEnd(z); h++) {
                int b = ties.target(h);
                if (n.actors().isCooperative(b)) {
                    if (size == found.length) {
                        found = Arrays.copyOf(found, 2 * size);
                    }
                    found[size++] = b;
                }
            }
        }
        return Arrays.stream(found, 0, size)
                .sorted()
                .distinct()
                .filter(b -> b != a && !ties.isTied(a, b))
                .toArray();
    }

    private record Scored(double score, List<Reason> reasons) {}

    /**
     * The score of a pair, and its reasons when {@code explain} (null otherwise: naming the
     * categories and partners costs more than the score); symmetric, computed in the pair's
     * index order, so that the score is the same number whether explained or not.
     */
    private Scored score(View ix, int x, int y, boolean explain) {
        Network n = network;
        int a = Math.min(x, y);
        int b = Math.max(x, y);
        int[] ma = ix.municipalities[a];
        int[] mb = ix.municipalities[b];
        int[] shared = intersection(ma, mb);
        int union = ma.length + mb.length - shared.length;

        int[] diff = symmetricDifference(ix.categories[a], ix.categories[b]);
        int complementarity = 0;
        int gapMunicipalities = 0;
        TreeSet<String> named = explain ? new TreeSet<>() : null;
        for (int m : shared) {
            boolean[] answers = ix.answering.apply(m);
            boolean hit = false;
            for (int c : diff) {
                if (answers[c]) {
                    complementarity++;
                    hit = true;
                    if (explain) {
                        named.add(n.categoryCode(c));
                    }
                }
            }
            if (hit) {
                gapMunicipalities++;
            }
        }
        double overlap = union == 0 ? 0 : (double) shared.length / union;

        double closeness = 0;
        List<Integer> common = explain ? new ArrayList<>() : null;
        TieGraph ties = n.tieGraph();
        int i = ties.edgeStart(a);
        int j = ties.edgeStart(b);
        while (i < ties.edgeEnd(a) && j < ties.edgeEnd(b)) {
            if (ties.target(i) < ties.target(j)) {
                i++;
            } else if (ties.target(i) > ties.target(j)) {
                j++;
            } else {
                int z = ties.target(i);
                closeness += 1 / Math.log(ties.degree(z));
                if (explain) {
                    common.add(z);
                }
                i++;
                j++;
            }
        }

        double score = complementarity + 2 * overlap + closeness;
        if (!explain) {
            return new Scored(score, null);
        }
        List<Reason> reasons = new ArrayList<>();
        if (complementarity > 0) {
            reasons.add(new Reason(
                    COMPLEMENTARITY,
                    "covers " + plural(complementarity, "open gap", "open gaps")
                            + " in " + plural(gapMunicipalities, "shared municipality", "shared municipalities")
                            + " the other cannot: " + names(new ArrayList<>(named)),
                    complementarity));
        }
        if (overlap > 0) {
            reasons.add(new Reason(
                    SHARED_TERRITORY,
                    "serve " + shared.length + " of " + union + (union == 1 ? " municipality" : " municipalities")
                            + " together",
                    overlap));
        }
        if (!common.isEmpty()) {
            List<String> ids = common.stream().map(n::actorId).toList();
            reasons.add(new Reason(
                    COMMON_PARTNERS,
                    plural(common.size(), "common partner", "common partners") + ": " + names(ids),
                    closeness));
        }
        return new Scored(score, List.copyOf(reasons));
    }

    private static String plural(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    private static String names(List<String> names) {
        String listed = String.join(", ", names.subList(0, Math.min(NAMED, names.size())));
        return names.size() > NAMED ? listed + ", ..." : listed;
    }

    private static int[] intersection(int[] p, int[] q) {
        int[] out = new int[Math.min(p.length, q.length)];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < p.length && j < q.length) {
            if (p[i] < q[j]) {
                i++;
            } else if (p[i] > q[j]) {
                j++;
            } else {
                out[k++] = p[i];
                i++;
                j++;
            }
        }
        return Arrays.copyOf(out, k);
    }

    private static int[] symmetricDifference(int[] p, int[] q) {
        int[] out = new int[p.length + q.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < p.length || j < q.length) {
            if (j == q.length || i < p.length && p[i] < q[j]) {
                out[k++] = p[i++];
            } else if (i == p.length || q[j] < p[i]) {
                out[k++] = q[j++];
            } else {
                i++;
                j++;
            }
        }
        return Arrays.copyOf(out, k);
    }
}
