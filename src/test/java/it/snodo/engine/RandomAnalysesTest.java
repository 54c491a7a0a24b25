package it.snodo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import it.snodo.engine.FragilityAnalysis.Fragility;
import it.snodo.engine.GapAnalysis.State;
import it.snodo.engine.IntegratedAnswerAlgorithm.Answer;
import it.snodo.engine.IntegratedAnswerAlgorithm.Assignment;
import it.snodo.engine.NetworkMeasures.Measures;
import it.snodo.engine.WhatIfAnalysis.Impact;
import it.snodo.engine.WhatIfAnalysis.Removal;

/**
 * The engine's analyses against a brute-force reading of DESIGN.md on seeded random networks.
 *
 * <p>Every reference here works on the rows the network was built from, by ids, with the
 * simplest code that states the definition: territories and categories are walked up their
 * parents one step at a time, connectivity is recounted from scratch after each removal, shortest
 * paths are enumerated one by one, and integrated answers try every subset of providers. None of
 * the engine's indexes (coverage, Euler tour, sorted adjacency) is used.
 *
 * <ul>
 * <li>Gaps ({@link CoverageGaps}) for every territory: demand, covering services, supply, whether
 * it is known, providers and state of each category, exactly.</li>
 * <li>Fragility ({@link BiconnectivityFragility}): articulation points and bridges by "does the
 * removal increase the number of components", components and isolated actors, exactly.</li>
 * <li>What if ({@link RemovalWhatIf}): random removals of actors, services and tied pairs; the needs
 * that lose their last answer and the new articulation points, exactly.</li>
 * <li>Network measures ({@link BrandesLouvainMeasures}) of the whole network and of a district:
 * counts, density, components, degree centralization, betweenness (all shortest paths enumerated),
 * the communities as a partition with the modularity of that partition, multiplexity.</li>
 * <li>Integrated answers ({@link ExactCoverIntegratedAnswers}): every subset of providers, ranked by
 * size, new ties needed, then total distance.</li>
 * <li>Synergies ({@link ComplementaritySynergies}) as if some services did not exist: for every
 * cooperative, the suggestions of the network built without them, exactly.</li>
 * </ul>
 */
class RandomAnalysesTest {

    private static final String[] TIE_KINDS = {"COLLABORATION", "CO_DESIGN", "CONVENTION", "CONTRACT", "FUNDING",
        "REFERRAL", "JOINT_TENDER"};
    private static final String[] PARTNER_KINDS = {"MUNICIPALITY", "HEALTH_AGENCY", "ASSOCIATION", "VOLUNTEER_GROUP",
        "FOUNDATION", "SCHOOL", "UNION", "COMPANY", "OTHER"};
    private static final String[] COOPERATIVE_TYPES = {"A", "B", "MIXED"};
    private static final double[] MAX_KM = {0, 5, 15, 40};
    private static final int REMOVALS_PER_SEED = 15;
    private static final int BUNDLES_PER_SEED = 25;
    private static final double EPS = 1e-9;

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 30);
    }

    // ---------------------------------------------------------------- the random network, as plain rows

    private record Ter(String id, String level, String parent, double lat, double lon) {
    }

    private record Cat(String code, String parent) {
    }

    private record Actor(String id, boolean cooperative, String type, String basedIn) {
    }

    private record Svc(String id, String provider, Integer capacity, Integer occupied, List<String> categories,
            List<String> territories) {
    }

    private record Need(String id, String category, String territory, int people) {
    }

    private record Tie(String from, String to, String kind, Double strength) {
    }

    /** The rows of one random network. */
    private static final class World {
        final Map<String, Ter> territories = new LinkedHashMap<>();
        final Map<String, Cat> categories = new LinkedHashMap<>();
        final Map<String, Actor> actors = new LinkedHashMap<>();
        final Map<String, Svc> services = new LinkedHashMap<>();
        final Map<String, Need> needs = new LinkedHashMap<>();
        final List<Tie> ties = new ArrayList<>();

        private List<Ter> municipalities;
        private Map<String, List<Ter>> covered;

        /** The municipalities, in creation order (the rows are complete when this is first asked). */
        List<Ter> municipalities() {
            if (municipalities == null) {
                municipalities = territories.values().stream().filter(t -> t.level.equals(Network.MUNICIPALITY))
                        .toList();
            }
            return municipalities;
        }

        /** The municipalities a service covers, found once by {@link #coversMunicipality} for each. */
        List<Ter> coveredBy(Svc s) {
            if (covered == null) {
                covered = new HashMap<>();
                for (Svc x : services.values()) {
                    covered.put(x.id, municipalities().stream().filter(m -> coversMunicipality(this, x, m.id))
                            .toList());
                }
            }
            return covered.get(s.id);
        }

        List<String> categoryCodesSorted() {
            return new ArrayList<>(new TreeSet<>(categories.keySet()));
        }

        String parentTerritory(String id) {
            return territories.get(id).parent;
        }

        String parentCategory(String code) {
            return categories.get(code).parent;
        }

        /** The same rows without some services. */
        World without(Collection<String> services) {
            World w = new World();
            w.territories.putAll(territories);
            w.categories.putAll(categories);
            w.actors.putAll(actors);
            w.services.putAll(this.services);
            w.services.keySet().removeAll(services);
            w.needs.putAll(needs);
            w.ties.addAll(ties);
            return w;
        }

        /** Rows are given to the builder in a shuffled order: the snapshot must not depend on it. */
        Network build(Random random) {
            Network.Builder b = Network.builder(random.nextInt(1000));
            List<Ter> ts = new ArrayList<>(territories.values());
            Collections.shuffle(ts, random);
            ts.forEach(t -> b.territory(t.id, t.id, t.level, t.parent,
                    t.level.equals(Network.MUNICIPALITY) ? t.lat : null,
                    t.level.equals(Network.MUNICIPALITY) ? t.lon : null));
            List<Cat> cs = new ArrayList<>(categories.values());
            Collections.shuffle(cs, random);
            cs.forEach(c -> b.category(c.code, c.code, c.parent));
            List<Actor> as = new ArrayList<>(actors.values());
            Collections.shuffle(as, random);
            for (Actor a : as) {
                if (a.cooperative) {
                    b.cooperative(a.id, a.id, a.type, a.basedIn);
                } else {
                    b.partner(a.id, a.id, a.type, a.basedIn);
                }
            }
            List<Svc> ss = new ArrayList<>(services.values());
            Collections.shuffle(ss, random);
            ss.forEach(s -> b.service(s.id, s.id, s.provider, s.capacity, s.occupied, s.categories, s.territories));
            List<Need> ns = new ArrayList<>(needs.values());
            Collections.shuffle(ns, random);
            ns.forEach(x -> b.need(x.id, x.category, x.territory, x.people));
            ties.forEach(t -> b.tie(t.from, t.to, t.kind, t.strength));
            return b.build();
        }
    }

    /** Distinct random ids: a prefix and numbers drawn without repetition, so id order is not creation order. */
    private static List<String> ids(Random random, String prefix, int count, int range, String format) {
        List<Integer> numbers = new ArrayList<>(IntStream.range(0, range).boxed().toList());
        Collections.shuffle(numbers, random);
        return numbers.subList(0, count).stream().map(i -> prefix + String.format(format, i)).toList();
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static Double strength(Random random) {
        return random.nextInt(5) == 0 ? null : random.nextInt(21) / 20.0;
    }

    /**
     * A random network: 10–40 municipalities within about 30 km of 45.5N 9.0E in 2–4 districts of
     * one province; 3 root categories with 0–3 children (some with a grandchild); a consortium,
     * cooperatives and partners ({@code 3 + extraActors} of them at most, plus 1–{@code maxComuni}
     * municipality partners); 5–40 services; 0–60 needs; random ties, some parallel, some without
     * strength.
     */
    private static World world(Random random, int extraActors, int maxComuni) {
        World w = new World();
        w.territories.put("prov-mi", new Ter("prov-mi", "PROVINCE", null, 0, 0));
        int districts = 2 + random.nextInt(3);
        List<String> districtIds = new ArrayList<>();
        for (int i = 1; i <= districts; i++) {
            String id = "ambito-" + i;
            districtIds.add(id);
            w.territories.put(id, new Ter(id, "DISTRICT", "prov-mi", 0, 0));
        }
        // Municipalities within about 30 km of 45.5N 9.0E (0.27 degrees of latitude, 0.385 of longitude).
        for (String id : ids(random, "015", 10 + random.nextInt(31), 1000, "%03d")) {
            double lat = 45.5 + (2 * random.nextDouble() - 1) * 0.27;
            double lon = 9.0 + (2 * random.nextDouble() - 1) * 0.385;
            w.territories.put(id, new Ter(id, Network.MUNICIPALITY, pick(random, districtIds), lat, lon));
        }
        List<String> municipalityIds = w.municipalities().stream().map(Ter::id).toList();

        for (int r = 0; r < 3; r++) {
            String root = "cat" + r;
            w.categories.put(root, new Cat(root, null));
            int children = random.nextInt(4);
            for (int c = 0; c < children; c++) {
                String child = root + "-" + c;
                w.categories.put(child, new Cat(child, root));
                if (random.nextInt(4) == 0) {
                    w.categories.put(child + "-x", new Cat(child + "-x", child));
                }
            }
        }
        List<String> categoryCodes = new ArrayList<>(w.categories.keySet());

        int actorCount = 3 + random.nextInt(extraActors + 1);
        List<String> actorIds = ids(random, "act-", actorCount, 100, "%02d");
        for (int i = 0; i < actorCount; i++) {
            String id = actorIds.get(i);
            int where = random.nextInt(10);
            String basedIn = where == 0 ? null : where == 1 ? pick(random, districtIds) : pick(random, municipalityIds);
            if (i == 0) {
                w.actors.put(id, new Actor(id, true, Network.CONSORTIUM, basedIn));
            } else if (random.nextBoolean()) {
                w.actors.put(id, new Actor(id, true, COOPERATIVE_TYPES[random.nextInt(COOPERATIVE_TYPES.length)],
                        basedIn));
            } else {
                String kind = random.nextInt(5) < 2 ? "MUNICIPALITY"
                        : PARTNER_KINDS[random.nextInt(PARTNER_KINDS.length)];
                w.actors.put(id, new Actor(id, false, kind, basedIn));
            }
        }
        for (String id : ids(random, "comune-", 1 + random.nextInt(maxComuni), 100, "%02d")) {
            w.actors.put(id, new Actor(id, false, "MUNICIPALITY", pick(random, municipalityIds)));
        }
        List<String> allActors = new ArrayList<>(w.actors.keySet());

        List<String> territoryIds = new ArrayList<>(w.territories.keySet());
        for (String id : ids(random, "svc-", 5 + random.nextInt(36), 1000, "%03d")) {
            Set<String> cats = new HashSet<>();
            int nc = 1 + random.nextInt(2);
            while (cats.size() < nc) {
                cats.add(pick(random, categoryCodes));
            }
            Set<String> ters = new HashSet<>();
            int nt = 1 + random.nextInt(3);
            while (ters.size() < nt) {
                ters.add(pick(random, territoryIds));
            }
            Integer capacity = random.nextInt(4) == 0 ? null : random.nextInt(21);
            Integer occupied = random.nextInt(3) == 0 ? null : random.nextInt(26);
            w.services.put(id, new Svc(id, pick(random, allActors), capacity, occupied,
                    List.copyOf(new TreeSet<>(cats)), List.copyOf(new TreeSet<>(ters))));
        }

        for (String id : ids(random, "need-", random.nextInt(61), 1000, "%03d")) {
            w.needs.put(id, new Need(id, pick(random, categoryCodes), pick(random, municipalityIds),
                    1 + random.nextInt(30)));
        }

        int tieCount = random.nextInt(2 * allActors.size() + 1);
        for (int i = 0; i < tieCount; i++) {
            String a = pick(random, allActors);
            String b = pick(random, allActors);
            if (a.equals(b)) {
                continue;
            }
            int kind = random.nextInt(TIE_KINDS.length);
            w.ties.add(new Tie(a, b, TIE_KINDS[kind], strength(random)));
            int parallel = random.nextInt(4);
            if (parallel == 0) {
                // Another tie of another kind between the same pair, either way round.
                String other = TIE_KINDS[(kind + 1 + random.nextInt(TIE_KINDS.length - 1)) % TIE_KINDS.length];
                w.ties.add(random.nextBoolean() ? new Tie(b, a, other, strength(random))
                        : new Tie(a, b, other, strength(random)));
            } else if (parallel == 1 && random.nextBoolean()) {
                // The same kind again: still one kind for the pair.
                w.ties.add(new Tie(b, a, TIE_KINDS[kind], strength(random)));
            }
        }
        return w;
    }

    // ---------------------------------------------------------------- the reference: DESIGN.md read literally

    /** True when {@code id} is {@code ancestor} or below it, walking the parents one by one. */
    private static boolean isOrUnder(String id, String ancestor, UnaryOperator<String> parent) {
        for (String x = id; x != null; x = parent.apply(x)) {
            if (x.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** A service covers category c if it addresses c or a descendant of c. */
    private static boolean coversCategory(World w, Svc s, String category) {
        return s.categories.stream().anyMatch(c -> isOrUnder(c, category, w::parentCategory));
    }

    /** A service covers municipality m if it is available in m or in a territory m is part of. */
    private static boolean coversMunicipality(World w, Svc s, String municipality) {
        return s.territories.stream().anyMatch(t -> isOrUnder(municipality, t, w::parentTerritory));
    }

    private static double km(Ter a, Ter b) {
        return Geo.distanceKm(a.lat, a.lon, b.lat, b.lon);
    }

    /** 0 when the service covers m, else the smallest distance from m to a municipality it covers (infinite if none). */
    private static double distance(World w, Svc s, Ter m) {
        List<Ter> covered = w.coveredBy(s);
        if (covered.contains(m)) {
            return 0;
        }
        double d = Double.POSITIVE_INFINITY;
        for (Ter other : covered) {
            d = Math.min(d, km(m, other));
        }
        return d;
    }

    /** An undirected edge, its two ends in id order. */
    private static List<String> edge(String a, String b) {
        return a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
    }

    /** The tied pairs (several ties between a pair are one edge), ascending. */
    private static Set<List<String>> edges(World w) {
        Set<List<String>> edges = new TreeSet<>(RandomAnalysesTest::compareLists);
        for (Tie t : w.ties) {
            edges.add(edge(t.from, t.to));
        }
        return edges;
    }

    /** The number of connected components of a graph: isolated vertices count one each. */
    private static int componentCount(Collection<String> vertices, Collection<List<String>> edges) {
        return components(vertices, edges).size();
    }

    /** The connected components of a graph, by breadth-first search from each unvisited vertex. */
    private static List<Set<String>> components(Collection<String> vertices, Collection<List<String>> edges) {
        Map<String, Set<String>> adjacency = adjacency(vertices, edges);
        Set<String> seen = new HashSet<>();
        List<Set<String>> out = new ArrayList<>();
        for (String start : new TreeSet<>(vertices)) {
            if (!seen.add(start)) {
                continue;
            }
            Set<String> component = new TreeSet<>();
            Deque<String> queue = new ArrayDeque<>(List.of(start));
            while (!queue.isEmpty()) {
                String v = queue.poll();
                component.add(v);
                for (String x : adjacency.get(v)) {
                    if (seen.add(x)) {
                        queue.add(x);
                    }
                }
            }
            out.add(component);
        }
        return out;
    }

    /** The adjacency of the graph the vertices induce: edges with an end outside are left out. */
    private static Map<String, Set<String>> adjacency(Collection<String> vertices, Collection<List<String>> edges) {
        Map<String, Set<String>> adjacency = new TreeMap<>();
        vertices.forEach(v -> adjacency.put(v, new TreeSet<>()));
        for (List<String> e : edges) {
            if (adjacency.containsKey(e.get(0)) && adjacency.containsKey(e.get(1))) {
                adjacency.get(e.get(0)).add(e.get(1));
                adjacency.get(e.get(1)).add(e.get(0));
            }
        }
        return adjacency;
    }

    /** The actors whose removal increases the number of components among the remaining actors, ascending. */
    private static List<String> articulationPoints(Collection<String> vertices, Collection<List<String>> edges) {
        int before = componentCount(vertices, edges);
        List<String> out = new ArrayList<>();
        for (String v : new TreeSet<>(vertices)) {
            List<String> rest = vertices.stream().filter(x -> !x.equals(v)).toList();
            if (componentCount(rest, edges) > before) {
                out.add(v);
            }
        }
        return out;
    }

    private static int compareLists(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    // ---------------------------------------------------------------- gaps

    private record GapRow(String category, long demand, long supply, boolean supplyKnown, int providers,
            int services, State state) {
    }

    private static List<GapRow> expectedGaps(World w, String territory) {
        List<String> muns = w.municipalities().stream().map(Ter::id)
                .filter(m -> isOrUnder(m, territory, w::parentTerritory)).toList();
        List<GapRow> rows = new ArrayList<>();
        for (String c : w.categoryCodesSorted()) {
            long demand = 0;
            for (Need x : w.needs.values()) {
                if (muns.contains(x.territory) && isOrUnder(x.category, c, w::parentCategory)) {
                    demand += x.people;
                }
            }
            List<Svc> covering = new ArrayList<>();
            for (Svc s : w.services.values()) {
                if (coversCategory(w, s, c) && muns.stream().anyMatch(m -> coversMunicipality(w, s, m))) {
                    covering.add(s);
                }
            }
            if (demand == 0 && covering.isEmpty()) {
                continue;
            }
            long supply = 0;
            boolean known = true;
            Set<String> providers = new HashSet<>();
            for (Svc s : covering) {
                if (s.capacity == null) {
                    known = false;
                } else {
                    supply += s.capacity - (s.occupied == null ? 0 : s.occupied);
                }
                providers.add(s.provider);
            }
            State state;
            if (demand > 0 && covering.isEmpty()) {
                state = State.UNCOVERED;
            } else if (known && supply < demand) {
                state = State.UNDER;
            } else if (providers.size() == 1) {
                state = State.FRAGILE;
            } else {
                state = State.COVERED;
            }
            rows.add(new GapRow(c, demand, supply, known, providers.size(), covering.size(), state));
        }
        return rows;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void gapsOfEveryTerritoryAreWhatABruteForceReadingOfTheDesignGives(int seed) {
        Random random = new Random(seed);
        World w = world(random, 9, 3);
        Network n = w.build(random);
        CoverageGaps engine = new CoverageGaps(n);
        int rows = 0;
        for (String t : new TreeSet<>(w.territories.keySet())) {
            List<GapRow> expected = expectedGaps(w, t);
            List<GapRow> actual = engine.rows(n.territory(t)).stream()
                    .map(r -> new GapRow(n.categoryCode(r.category()), r.demand(), r.supply(), r.supplyKnown(),
                            r.providers(), r.services(), r.state()))
                    .toList();
            assertThat(actual).as("seed %d, territory %s (%s)", seed, t, w.territories.get(t).level)
                    .isEqualTo(expected);
            rows += expected.size();
        }
        assertThat(rows).as("seed %d: gap rows", seed).isPositive();
    }

    // ---------------------------------------------------------------- fragility

    private record Fragile(List<String> articulationPoints, List<List<String>> bridges,
            List<List<String>> components, List<String> isolated) {
    }

    private static Fragile expectedFragility(Collection<String> actors, Collection<List<String>> edges) {
        Map<String, Set<String>> adjacency = adjacency(actors, edges);
        List<List<String>> kept = edges.stream().filter(e -> adjacency.containsKey(e.get(0))
                && adjacency.containsKey(e.get(1))).toList();
        int before = componentCount(actors, kept);
        List<List<String>> bridges = new ArrayList<>();
        for (List<String> e : kept) {
            List<List<String>> rest = kept.stream().filter(x -> !x.equals(e)).toList();
            if (componentCount(actors, rest) > before) {
                bridges.add(e);
            }
        }
        bridges.sort(RandomAnalysesTest::compareLists);
        List<List<String>> parts = new ArrayList<>();
        for (Set<String> c : components(actors, kept)) {
            if (c.size() >= 2) {
                parts.add(List.copyOf(c));
            }
        }
        parts.sort(Comparator.comparing(c -> c.get(0)));
        List<String> isolated = new TreeSet<>(actors).stream().filter(a -> adjacency.get(a).isEmpty()).toList();
        return new Fragile(articulationPoints(actors, kept), bridges, parts, isolated);
    }

    private static Fragile named(Network n, Fragility f) {
        return new Fragile(f.articulationPoints().stream().map(n::actorId).toList(),
                f.bridges().stream().map(b -> List.of(n.actorId(b[0]), n.actorId(b[1]))).toList(),
                f.components().stream().map(c -> c.stream().map(n::actorId).toList()).toList(),
                f.isolated().stream().map(n::actorId).toList());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fragilityIsWhatRemovingEachActorAndEachTieShows(int seed) {
        Random random = new Random(100 + seed);
        World w = world(random, 9, 3);
        Network n = w.build(random);
        Set<List<String>> edges = edges(w);
        Fragile expected = expectedFragility(w.actors.keySet(), edges);
        Fragile actual = named(n, new BiconnectivityFragility().analyze(n));
        assertThat(actual).as("seed %d, ties %s", seed, edges).isEqualTo(expected);
    }

    // ---------------------------------------------------------------- what if

    private record Lost(String territory, String category, long people) {
    }

    /** The services that cover a need's category and its municipality. */
    private static List<Svc> answering(World w, Need x) {
        return w.services.values().stream()
                .filter(s -> coversCategory(w, s, x.category) && coversMunicipality(w, s, x.territory)).toList();
    }

    /** A need is answered when some service covering it is not removed, nor is its provider. */
    private static boolean answered(List<Svc> answering, Set<String> goneActors, Set<String> goneServices) {
        return answering.stream().anyMatch(s -> !goneServices.contains(s.id) && !goneActors.contains(s.provider));
    }

    private static <T> List<T> sample(Random random, List<T> items, int max) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(copy.size(), random.nextInt(max + 1)));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void whatIfIsTheDifferenceBetweenBeforeAndAfterRecomputedFromScratch(int seed) {
        Random random = new Random(200 + seed);
        World w = world(random, 9, 3);
        Network n = w.build(random);
        RemovalWhatIf engine = new RemovalWhatIf(n);
        Set<List<String>> edges = edges(w);
        List<String> pointsBefore = articulationPoints(w.actors.keySet(), edges);
        Map<String, List<Svc>> answering = new HashMap<>();
        w.needs.values().forEach(x -> answering.put(x.id, answering(w, x)));

        for (int q = 0; q < REMOVALS_PER_SEED; q++) {
            List<String> goneActors = sample(random, new ArrayList<>(w.actors.keySet()), 2);
            List<String> goneServices = sample(random, new ArrayList<>(w.services.keySet()), 2);
            List<List<String>> goneTies = sample(random, new ArrayList<>(edges), 2);
            String where = String.format("seed %d, remove actors %s, services %s, ties %s", seed, goneActors,
                    goneServices, goneTies);

            // Needs answered before and not after, summed by (municipality, category), in id order.
            Map<List<String>, Long> lost = new TreeMap<>(RandomAnalysesTest::compareLists);
            for (Need x : w.needs.values()) {
                if (answered(answering.get(x.id), Set.of(), Set.of())
                        && !answered(answering.get(x.id), Set.copyOf(goneActors), Set.copyOf(goneServices))) {
                    lost.merge(List.of(x.territory, x.category), (long) x.people, Long::sum);
                }
            }
            List<Lost> expectedLost = lost.entrySet().stream()
                    .map(e -> new Lost(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList();
            List<String> remaining = w.actors.keySet().stream().filter(a -> !goneActors.contains(a)).toList();
            List<List<String>> remainingTies = edges.stream().filter(e -> !goneTies.contains(e)).toList();
            List<String> expectedPoints = articulationPoints(remaining, remainingTies).stream()
                    .filter(a -> !pointsBefore.contains(a)).toList();

            Removal removal = new Removal(goneActors.stream().mapToInt(n::actor).toArray(),
                    goneServices.stream().mapToInt(n::service).toArray(),
                    goneTies.stream().map(e -> random.nextBoolean()
                            ? new int[] {n.actor(e.get(0)), n.actor(e.get(1))}
                            : new int[] {n.actor(e.get(1)), n.actor(e.get(0))}).toArray(int[][]::new));
            Impact impact = engine.impact(removal);

            assertThat(impact.lostCoverage().stream()
                    .map(l -> new Lost(n.territoryId(l.territory()), n.categoryCode(l.category()), l.people()))
                    .toList()).as(where + ": lost coverage").isEqualTo(expectedLost);
            assertThat(impact.newArticulationPoints().stream().map(n::actorId).toList())
                    .as(where + ": new articulation points (before: %s)", pointsBefore).isEqualTo(expectedPoints);
        }
    }

    // ---------------------------------------------------------------- network measures

    /** Every shortest path from s to t, by breadth-first layers from s and a walk back from t. */
    private static List<List<String>> allShortestPaths(Map<String, Set<String>> adjacency, String s, String t) {
        Map<String, Integer> dist = new HashMap<>(Map.of(s, 0));
        Deque<String> queue = new ArrayDeque<>(List.of(s));
        while (!queue.isEmpty()) {
            String v = queue.poll();
            for (String x : adjacency.get(v)) {
                if (!dist.containsKey(x)) {
                    dist.put(x, dist.get(v) + 1);
                    queue.add(x);
                }
            }
        }
        List<List<String>> out = new ArrayList<>();
        if (dist.containsKey(t)) {
            walkBack(adjacency, dist, new ArrayList<>(List.of(t)), out);
        }
        return out;
    }

    private static void walkBack(Map<String, Set<String>> adjacency, Map<String, Integer> dist, List<String> path,
            List<List<String>> out) {
        String last = path.get(path.size() - 1);
        if (dist.get(last) == 0) {
            List<String> p = new ArrayList<>(path);
            Collections.reverse(p);
            out.add(p);
            return;
        }
        for (String x : adjacency.get(last)) {
            if (dist.containsKey(x) && dist.get(x) == dist.get(last) - 1) {
                path.add(x);
                walkBack(adjacency, dist, path, out);
                path.remove(path.size() - 1);
            }
        }
    }

    private static void checkMeasures(World w, Network n, List<String> scope, String where) {
        Set<List<String>> allEdges = edges(w);
        Map<String, Set<String>> adjacency = adjacency(scope, allEdges);
        List<List<String>> edges = allEdges.stream().filter(e -> scope.contains(e.get(0))
                && scope.contains(e.get(1))).toList();
        int nn = scope.size();
        int ee = edges.size();

        Measures m = new BrandesLouvainMeasures().measure(n, scope.stream().mapToInt(n::actor).toArray());
        assertThat(m.actors()).as(where + ": actors").isEqualTo(nn);
        assertThat(m.ties()).as(where + ": ties").isEqualTo(ee);
        double density = nn < 2 ? 0 : 2.0 * ee / ((double) nn * (nn - 1));
        assertThat(m.density()).as(where + ": density").isCloseTo(density, within(EPS));
        assertThat(m.components()).as(where + ": components").isEqualTo(componentCount(scope, edges));
        int maxDegree = scope.stream().mapToInt(a -> adjacency.get(a).size()).max().orElse(0);
        double centralization = nn < 3 ? 0 : scope.stream().mapToDouble(a -> maxDegree - adjacency.get(a).size())
                .sum() / ((double) (nn - 1) * (nn - 2));
        assertThat(m.degreeCentralization()).as(where + ": degree centralization")
                .isCloseTo(centralization, within(EPS));

        // Betweenness: for each unordered pair of other actors, the share of its shortest paths through v.
        double[] betweenness = new double[nn];
        for (int i = 0; i < nn; i++) {
            for (int j = i + 1; j < nn; j++) {
                List<List<String>> paths = allShortestPaths(adjacency, scope.get(i), scope.get(j));
                if (paths.isEmpty()) {
                    continue;
                }
                for (int v = 0; v < nn; v++) {
                    if (v == i || v == j) {
                        continue;
                    }
                    String actor = scope.get(v);
                    long through = paths.stream().filter(p -> p.contains(actor)).count();
                    betweenness[v] += (double) through / paths.size();
                }
            }
        }
        for (int v = 0; v < nn; v++) {
            betweenness[v] = nn < 3 ? 0 : betweenness[v] / ((nn - 1) * (nn - 2) / 2.0);
        }
        assertThat(m.betweenness()).as(where + ": betweenness").containsExactly(betweenness, within(EPS));
        // Brokers: the actors of positive betweenness, highest first, at most NetworkMeasures.MAX_BROKERS.
        long positive = Arrays.stream(betweenness).filter(b -> b > EPS).count();
        assertThat(m.brokers()).as(where + ": brokers %s", m.brokers())
                .hasSize((int) Math.min(positive, NetworkMeasures.MAX_BROKERS));
        for (int i = 0; i < m.brokers().size(); i++) {
            double b = betweenness[scope.indexOf(n.actorId(m.brokers().get(i)))];
            assertThat(b).as(where + ": broker #%d", i).isGreaterThan(EPS);
            if (i > 0) {
                double previous = betweenness[scope.indexOf(n.actorId(m.brokers().get(i - 1)))];
                assertThat(b).as(where + ": broker #%d ranks after #%d", i, i - 1).isLessThanOrEqualTo(previous + EPS);
            }
        }

        // Communities: a partition of the scope, each ascending, sorted by first actor.
        List<List<String>> communities = m.communities().stream()
                .map(c -> c.stream().map(n::actorId).toList()).toList();
        List<String> union = communities.stream().flatMap(List::stream).sorted().toList();
        assertThat(union).as(where + ": communities %s partition the scope", communities).isEqualTo(scope);
        for (List<String> c : communities) {
            assertThat(c).as(where + ": community %s", c).isNotEmpty().isSorted();
        }
        assertThat(communities.stream().map(c -> c.get(0)).toList()).as(where + ": communities order").isSorted();
        for (String a : scope) {
            if (adjacency.get(a).isEmpty()) {
                assertThat(communities).as(where + ": isolated %s alone", a).contains(List.of(a));
            }
        }
        // Its modularity: Q = Σ_c [L_c/m − (d_c/2m)²], 0 without edges.
        double q = 0;
        if (ee > 0) {
            for (List<String> c : communities) {
                long inside = edges.stream().filter(e -> c.contains(e.get(0)) && c.contains(e.get(1))).count();
                long degree = c.stream().mapToLong(a -> adjacency.get(a).size()).sum();
                q += (double) inside / ee - Math.pow(degree / (2.0 * ee), 2);
            }
        }
        assertThat(m.modularity()).as(where + ": modularity of %s", communities).isCloseTo(q, within(EPS));

        // Multiplexity: the mean number of tie kinds per tied pair.
        Map<List<String>, Set<String>> kinds = new HashMap<>();
        for (Tie t : w.ties) {
            List<String> e = edge(t.from, t.to);
            if (edges.contains(e)) {
                kinds.computeIfAbsent(e, k -> new HashSet<>()).add(t.kind);
            }
        }
        double multiplexity = ee == 0 ? 0 : kinds.values().stream().mapToInt(Set::size).sum() / (double) ee;
        assertThat(m.multiplexity()).as(where + ": multiplexity").isCloseTo(multiplexity, within(EPS));
        Map<Integer, Integer> counts = new TreeMap<>();
        kinds.values().forEach(k -> counts.merge(k.size(), 1, Integer::sum));
        assertThat(m.multiplexityCounts()).as(where + ": multiplexity counts").isEqualTo(counts);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void networkMeasuresOfTheWholeNetworkAndOfADistrictFollowTheirFormulas(int seed) {
        Random random = new Random(300 + seed);
        World w = world(random, 9, 3);
        Network n = w.build(random);
        List<String> all = new ArrayList<>(new TreeSet<>(w.actors.keySet()));
        checkMeasures(w, n, all, "seed " + seed + ", whole network, ties " + edges(w));

        List<String> districts = w.territories.values().stream().filter(t -> t.level.equals("DISTRICT"))
                .map(Ter::id).sorted().toList();
        String district = pick(random, districts);
        List<String> based = all.stream().filter(a -> w.actors.get(a).basedIn != null
                && isOrUnder(w.actors.get(a).basedIn, district, w::parentTerritory)).toList();
        assertThat(Arrays.stream(NetworkMeasures.basedIn(n, n.territory(district))).mapToObj(n::actorId).toList())
                .as("seed %d: actors based in %s", seed, district).isEqualTo(based);
        checkMeasures(w, n, based, "seed " + seed + ", district " + district + " " + based + ", ties " + edges(w));
    }

    // ---------------------------------------------------------------- synergies without some services

    private record Suggested(String cooperative, double score, List<SynergyAlgorithm.Reason> reasons) {
    }

    private static List<Suggested> suggested(Network n, List<SynergyAlgorithm.Suggestion> suggestions) {
        return suggestions.stream().map(x -> new Suggested(n.actorId(x.cooperative()), x.score(), x.reasons()))
                .toList();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void synergiesWithoutSomeServicesAreThoseOfTheNetworkWithoutThem(int seed) {
        Random random = new Random(500 + seed);
        World w = world(random, 12, 3);
        Network n = w.build(random);
        List<String> gone = new ArrayList<>(sample(random, new ArrayList<>(w.services.keySet()), 5));
        if (gone.isEmpty()) {
            gone.add(pick(random, new ArrayList<>(w.services.keySet())));
        }
        Network without = w.without(gone).build(random);
        ComplementaritySynergies engine = new ComplementaritySynergies(n);
        ComplementaritySynergies reference = new ComplementaritySynergies(without);
        Set<String> left = Set.copyOf(gone);
        for (String c : new TreeSet<>(w.actors.keySet())) {
            if (!w.actors.get(c).cooperative) {
                continue;
            }
            String where = String.format("seed %d, cooperative %s, without %s", seed, c, gone);
            assertThat(suggested(n, engine.suggestions(n.actor(c), 100, s -> left.contains(n.serviceId(s)))))
                    .as(where).isEqualTo(suggested(without, reference.suggestions(without.actor(c), 100)));
            assertThat(engine.suggestions(n.actor(c), 100, s -> false)).as(where + ": nothing left out")
                    .isEqualTo(engine.suggestions(n.actor(c), 100));
        }
    }

    // ---------------------------------------------------------------- integrated answers

    private record Choice(List<String> providers, int newTies, double distance) {
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void integratedAnswersAreTheBestOfAllSubsetsOfProviders(int seed) {
        Random random = new Random(400 + seed);
        // At most 3 + 5 actors and 2 municipality partners: 10 providers, 1024 subsets.
        World w = world(random, 5, 2);
        Network n = w.build(random);
        ExactCoverIntegratedAnswers engine = new ExactCoverIntegratedAnswers(n);
        List<String> actors = new ArrayList<>(new TreeSet<>(w.actors.keySet()));
        assertThat(actors.size()).as("seed %d: providers", seed).isLessThanOrEqualTo(10);
        // The component of each actor in the whole tie graph.
        Map<String, Integer> component = new HashMap<>();
        List<Set<String>> parts = components(actors, edges(w));
        for (int i = 0; i < parts.size(); i++) {
            for (String a : parts.get(i)) {
                component.put(a, i);
            }
        }
        List<String> categoryCodes = w.categoryCodesSorted();
        int answered = 0;

        for (int q = 0; q < BUNDLES_PER_SEED; q++) {
            Ter m = pick(random, w.municipalities());
            List<String> asked = sample(random, categoryCodes, 5);
            if (asked.isEmpty()) {
                asked = List.of(pick(random, categoryCodes));
            }
            double maxKm = MAX_KM[random.nextInt(MAX_KM.length)];
            String where = String.format("seed %d, municipality %s, categories %s, maxKm %s", seed, m.id, asked,
                    maxKm);

            // Per provider and asked category, the distance of its nearest service covering it within maxKm.
            Map<String, Map<String, Double>> qualifies = new TreeMap<>();
            Map<String, Double> serviceDistance = new HashMap<>();
            for (Svc s : w.services.values()) {
                double d = distance(w, s, m);
                serviceDistance.put(s.id, d);
                for (String c : asked) {
                    if (d <= maxKm && coversCategory(w, s, c)) {
                        qualifies.computeIfAbsent(s.provider, p -> new HashMap<>()).merge(c, d, Math::min);
                    }
                }
            }
            Set<String> coverable = new TreeSet<>();
            qualifies.values().forEach(x -> coverable.addAll(x.keySet()));
            List<String> uncovered = asked.stream().filter(c -> !coverable.contains(c)).sorted().toList();

            // Every subset of providers covering all coverable categories, the best kept by size, ties, distance.
            List<String> coverableList = List.copyOf(coverable);
            double[][] near = new double[actors.size()][coverableList.size()];
            for (int i = 0; i < actors.size(); i++) {
                for (int c = 0; c < coverableList.size(); c++) {
                    near[i][c] = qualifies.getOrDefault(actors.get(i), Map.of())
                            .getOrDefault(coverableList.get(c), Double.POSITIVE_INFINITY);
                }
            }
            List<Choice> covers = new ArrayList<>();
            for (int mask = 0; mask < 1 << actors.size(); mask++) {
                double total = 0;
                for (int c = 0; c < coverableList.size(); c++) {
                    double nearest = Double.POSITIVE_INFINITY;
                    for (int i = 0; i < actors.size(); i++) {
                        if ((mask & (1 << i)) != 0) {
                            nearest = Math.min(nearest, near[i][c]);
                        }
                    }
                    total += nearest;
                }
                if (total < Double.POSITIVE_INFINITY) {
                    List<String> chosen = new ArrayList<>();
                    Set<Integer> met = new HashSet<>();
                    for (int i = 0; i < actors.size(); i++) {
                        if ((mask & (1 << i)) != 0) {
                            chosen.add(actors.get(i));
                            met.add(component.get(actors.get(i)));
                        }
                    }
                    covers.add(new Choice(chosen, Math.max(0, met.size() - 1), total));
                }
            }
            int size = covers.stream().mapToInt(c -> c.providers.size()).min().orElseThrow();
            int ties = covers.stream().filter(c -> c.providers.size() == size).mapToInt(Choice::newTies).min()
                    .orElseThrow();
            double distance = covers.stream().filter(c -> c.providers.size() == size && c.newTies == ties)
                    .mapToDouble(Choice::distance).min().orElseThrow();
            List<List<String>> best = covers.stream().filter(c -> c.providers.size() == size && c.newTies == ties
                    && c.distance <= distance + EPS).map(Choice::providers).toList();

            Answer answer = engine.answer(n.territory(m.id), asked.stream().mapToInt(n::category).toArray(), maxKm);
            List<String> providers = Arrays.stream(answer.providers()).mapToObj(n::actorId).toList();
            String detail = where + ", answer " + providers + ", expected " + best + " (size " + size + ", new ties "
                    + ties + ", distance " + distance + ")";
            assertThat(answer.minimumProviders()).as(detail + ": providers").isEqualTo(size);
            assertThat(answer.newTiesNeeded()).as(detail + ": new ties").isEqualTo(ties);
            assertThat(answer.totalDistanceKm()).as(detail + ": total distance").isCloseTo(distance, within(EPS));
            assertThat(Arrays.stream(answer.uncovered()).mapToObj(n::categoryCode).toList())
                    .as(detail + ": uncovered").isEqualTo(uncovered);
            if (best.size() == 1) {
                assertThat(providers).as(detail + ": the one best set").isEqualTo(best.get(0));
            } else {
                assertThat(best).as(detail + ": one of the best sets").contains(providers);
            }

            // One assignment per covered category, in the order asked: the nearest service of a chosen provider.
            List<String> coveredInOrder = asked.stream().filter(coverable::contains).toList();
            assertThat(answer.assignments().stream().map(x -> n.categoryCode(x.category())).toList())
                    .as(detail + ": assigned categories").isEqualTo(coveredInOrder);
            for (Assignment x : answer.assignments()) {
                String c = n.categoryCode(x.category());
                Svc s = w.services.get(n.serviceId(x.service()));
                double nearest = providers.stream().mapToDouble(p -> qualifies.getOrDefault(p, Map.of())
                        .getOrDefault(c, Double.POSITIVE_INFINITY)).min().orElseThrow();
                assertThat(n.actorId(x.provider())).as(detail + ": provider of %s", c).isEqualTo(s.provider)
                        .isIn(providers);
                assertThat(coversCategory(w, s, c)).as(detail + ": %s covers %s", s.id, c).isTrue();
                assertThat(x.distanceKm()).as(detail + ": distance of %s", s.id)
                        .isCloseTo(serviceDistance.get(s.id), within(EPS)).isCloseTo(nearest, within(EPS));
            }
            answered += providers.isEmpty() ? 0 : 1;
        }
        assertThat(answered).as("seed %d: bundles with an answer", seed).isPositive();
    }
}
