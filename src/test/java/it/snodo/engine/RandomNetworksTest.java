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

import it.snodo.engine.ConnectionPathAlgorithm.ConnectionPath;
import it.snodo.engine.ReferralAlgorithm.Query;
import it.snodo.engine.ReferralAlgorithm.Referral;

/**
 * The engine against a brute-force reading of DESIGN.md on seeded random networks.
 *
 * <p>Referrals: for many random queries, {@link RingScanReferrals} must list exactly the services
 * an independent reference lists (for each service: the municipalities it covers by walking the
 * territory parents, the smallest great-circle distance, the category check by walking the
 * category parents, then the filters and the ranking), with the same distances and free places,
 * and explain each with a shortest tie route from an entry point (checked against a breadth-first
 * search) and the cost that route gives.
 *
 * <p>Connection paths: on small random tie graphs (some ties parallel, some without strength),
 * {@link BoundedYenConnectionPaths} must give the first k of all simple paths enumerated by
 * depth-first search and ranked by hops, then strength sum (descending), then actor ids. Where
 * several paths tie exactly in hops and strength across the k-th place, any of them may be given.
 */
class RandomNetworksTest {

    private static final String[] TIE_KINDS = {"COLLABORATION", "CO_DESIGN", "CONVENTION", "CONTRACT", "FUNDING",
        "REFERRAL", "JOINT_TENDER"};
    private static final String[] PARTNER_KINDS = {"MUNICIPALITY", "HEALTH_AGENCY", "ASSOCIATION", "VOLUNTEER_GROUP",
        "FOUNDATION", "SCHOOL", "UNION", "COMPANY", "OTHER"};
    private static final String[] COOPERATIVE_TYPES = {"A", "B", "MIXED"};
    private static final double[] MAX_KM = {0, 3, 10, 25, 500};
    private static final int QUERIES_PER_SEED = 80;
    private static final int PAIRS_PER_SEED = 25;

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

    private record Tie(String from, String to, String kind, Double strength) {
    }

    /** The rows of one random network, and the snapshot built from them. */
    private static final class World {
        final Map<String, Ter> territories = new LinkedHashMap<>();
        final Map<String, Cat> categories = new LinkedHashMap<>();
        final Map<String, Actor> actors = new LinkedHashMap<>();
        final Map<String, Svc> services = new LinkedHashMap<>();
        final List<Tie> ties = new ArrayList<>();

        List<Ter> municipalities() {
            return territories.values().stream().filter(t -> t.level.equals(Network.MUNICIPALITY)).toList();
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

    private static World referralWorld(Random random) {
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

        int actorCount = 3 + random.nextInt(10);
        List<String> actorIds = ids(random, "act-", actorCount, 100, "%02d");
        for (int i = 0; i < actorCount; i++) {
            String id = actorIds.get(i);
            String basedIn = random.nextInt(8) == 0 ? null : pick(random, municipalityIds);
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
        // Municipality partners based in some of the municipalities the queries will ask about.
        for (String id : ids(random, "comune-", 1 + random.nextInt(3), 100, "%02d")) {
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

        int tieCount = random.nextInt(2 * allActors.size() + 1);
        for (int i = 0; i < tieCount; i++) {
            String a = pick(random, allActors);
            String b = pick(random, allActors);
            if (a.equals(b)) {
                continue;
            }
            w.ties.add(new Tie(a, b, TIE_KINDS[random.nextInt(TIE_KINDS.length)], strength(random)));
            if (random.nextInt(4) == 0) {
                w.ties.add(new Tie(b, a, TIE_KINDS[random.nextInt(TIE_KINDS.length)], strength(random)));
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

    private static boolean coversCategory(World w, Svc s, String category) {
        return s.categories.stream().anyMatch(c -> isOrUnder(c, category, x -> w.categories.get(x).parent));
    }

    private static boolean coversMunicipality(World w, Svc s, String municipality) {
        return s.territories.stream()
                .anyMatch(t -> isOrUnder(municipality, t, x -> w.territories.get(x).parent));
    }

    private static Integer freePlaces(Svc s) {
        return s.capacity == null ? null : s.capacity - (s.occupied == null ? 0 : s.occupied);
    }

    private static double km(Ter a, Ter b) {
        return Geo.distanceKm(a.lat, a.lon, b.lat, b.lon);
    }

    private record Expected(String service, double distanceKm, Integer freePlaces) {
    }

    private static List<Expected> expectedReferrals(World w, String category, String municipality, int k,
            double maxKm, boolean includeFull) {
        Ter m = w.territories.get(municipality);
        List<Expected> out = new ArrayList<>();
        for (Svc s : w.services.values()) {
            if (!coversCategory(w, s, category)) {
                continue;
            }
            double distance = Double.POSITIVE_INFINITY;
            if (coversMunicipality(w, s, municipality)) {
                distance = 0;
            } else {
                for (Ter other : w.municipalities()) {
                    if (coversMunicipality(w, s, other.id)) {
                        distance = Math.min(distance, km(m, other));
                    }
                }
            }
            if (!(distance <= maxKm)) {
                continue;
            }
            Integer free = freePlaces(s);
            if (!includeFull && free != null && free <= 0) {
                continue;
            }
            out.add(new Expected(s.id, distance, free));
        }
        out.sort(Comparator.comparingDouble(Expected::distanceKm)
                .thenComparing(Expected::freePlaces, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Expected::service));
        return out.subList(0, Math.min(k, out.size()));
    }

    /** The undirected simple tie graph: for each actor, its neighbours with the pair's strongest tie. */
    private static Map<String, Map<String, Tie>> tieGraph(Collection<String> actors, List<Tie> ties) {
        Map<String, Map<String, Tie>> graph = new TreeMap<>();
        actors.forEach(a -> graph.put(a, new TreeMap<>()));
        for (Tie t : ties) {
            for (String[] ends : new String[][] {{t.from, t.to}, {t.to, t.from}}) {
                graph.get(ends[0]).merge(ends[1], t, RandomNetworksTest::stronger);
            }
        }
        return graph;
    }

    private static double strengthOf(Tie t) {
        return t.strength == null ? 0 : t.strength;
    }

    /** The stronger of two ties of one pair; between equals, the kind first in the alphabet. */
    private static Tie stronger(Tie a, Tie b) {
        int c = Double.compare(strengthOf(a), strengthOf(b));
        if (c != 0) {
            return c > 0 ? a : b;
        }
        return a.kind.compareTo(b.kind) <= 0 ? a : b;
    }

    /** Hops from the nearest entry point of a need in the municipality, by breadth-first search. */
    private static Map<String, Integer> hopsFromEntryPoints(World w, Map<String, Map<String, Tie>> graph,
            String municipality) {
        Map<String, Integer> hops = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (Actor a : w.actors.values()) {
            if (isEntryPoint(a, municipality)) {
                hops.put(a.id, 0);
                queue.add(a.id);
            }
        }
        while (!queue.isEmpty()) {
            String a = queue.poll();
            for (String b : graph.get(a).keySet()) {
                if (!hops.containsKey(b)) {
                    hops.put(b, hops.get(a) + 1);
                    queue.add(b);
                }
            }
        }
        return hops;
    }

    private static boolean isEntryPoint(Actor a, String municipality) {
        return a.cooperative && a.type.equals(Network.CONSORTIUM)
                || !a.cooperative && a.type.equals("MUNICIPALITY") && municipality.equals(a.basedIn);
    }

    // ---------------------------------------------------------------- referrals

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void referralsAreWhatABruteForceReadingOfTheDesignGives(int seed) {
        Random random = new Random(seed);
        World w = referralWorld(random);
        Network n = w.build(random);
        RingScanReferrals engine = new RingScanReferrals(n);
        Map<String, Map<String, Tie>> graph = tieGraph(w.actors.keySet(), w.ties);
        List<String> categoryCodes = new ArrayList<>(w.categories.keySet());
        List<Ter> municipalities = w.municipalities();
        int nonEmpty = 0;

        for (int q = 0; q < QUERIES_PER_SEED; q++) {
            String category = pick(random, categoryCodes);
            Ter m = pick(random, municipalities);
            int k = 1 + random.nextInt(8);
            double maxKm = MAX_KM[random.nextInt(MAX_KM.length)];
            boolean includeFull = random.nextBoolean();
            String where = String.format("seed %d, category %s, municipality %s, k %d, maxKm %s, includeFull %s",
                    seed, category, m.id, k, maxKm, includeFull);

            List<Expected> expected = expectedReferrals(w, category, m.id, k, maxKm, includeFull);
            List<Referral> actual = engine.referrals(new Query(n.category(category), n.territory(m.id), k, maxKm,
                    includeFull));

            assertThat(actual.stream().map(r -> n.serviceId(r.service())).toList()).as(where)
                    .isEqualTo(expected.stream().map(Expected::service).toList());
            Map<String, Integer> hops = hopsFromEntryPoints(w, graph, m.id);
            for (int i = 0; i < actual.size(); i++) {
                checkReferral(w, n, graph, hops, m, expected.get(i), actual.get(i), where + ", #" + i);
            }
            nonEmpty += actual.isEmpty() ? 0 : 1;
        }
        // The random queries must exercise something.
        assertThat(nonEmpty).as("seed %d: queries with answers", seed).isGreaterThan(QUERIES_PER_SEED / 10);
    }

    private static void checkReferral(World w, Network n, Map<String, Map<String, Tie>> graph,
            Map<String, Integer> hops, Ter m, Expected expected, Referral r, String where) {
        Svc s = w.services.get(expected.service);
        assertThat(r.distanceKm()).as(where + ": distance").isCloseTo(expected.distanceKm, within(1e-9));
        assertThat(r.freePlaces()).as(where + ": free places").isEqualTo(expected.freePlaces);

        // The nearest covered municipality, and the territory of the service's list that covers it.
        Ter nearest = w.territories.get(n.territoryId(r.nearestMunicipality()));
        assertThat(nearest.level).as(where + ": nearest is a municipality").isEqualTo(Network.MUNICIPALITY);
        assertThat(coversMunicipality(w, s, nearest.id)).as(where + ": covers its nearest municipality").isTrue();
        if (coversMunicipality(w, s, m.id)) {
            assertThat(nearest.id).as(where + ": nearest when it covers the need's").isEqualTo(m.id);
        } else {
            assertThat(km(m, nearest)).as(where + ": distance to nearest").isCloseTo(r.distanceKm(), within(1e-9));
        }
        String availableIn = null;
        for (String t = nearest.id; t != null && availableIn == null; t = w.territories.get(t).parent) {
            if (s.territories.contains(t)) {
                availableIn = t;
            }
        }
        assertThat(n.territoryId(r.availableIn())).as(where + ": availableIn").isEqualTo(availableIn);

        // The route: a shortest tie route from the provider to an entry point, and its cost.
        Integer toEntry = hops.get(s.provider);
        List<String> route = Arrays.stream(r.route()).mapToObj(n::actorId).toList();
        if (toEntry == null) {
            assertThat(route).as(where + ": route of an unreachable provider").isEmpty();
            assertThat(r.routeTies()).as(where + ": route ties").isEmpty();
            assertThat(r.cost()).as(where + ": cost")
                    .isCloseTo(expected.distanceKm + RingScanReferrals.UNREACHABLE_HOPS, within(1e-9));
        } else {
            assertThat(route).as(where + ": route length").hasSize(toEntry + 1);
            assertThat(route.get(0)).as(where + ": route starts at the provider").isEqualTo(s.provider);
            assertThat(isEntryPoint(w.actors.get(route.get(route.size() - 1)), m.id))
                    .as(where + ": route ends at an entry point " + route).isTrue();
            List<String> kinds = new ArrayList<>();
            for (int i = 1; i < route.size(); i++) {
                Tie tie = graph.get(route.get(i - 1)).get(route.get(i));
                assertThat(tie).as(where + ": route " + route + " hop " + i + " is a tie").isNotNull();
                kinds.add(tie.kind);
            }
            assertThat(r.routeTies()).as(where + ": route ties").isEqualTo(kinds);
            assertThat(r.cost()).as(where + ": cost").isCloseTo(expected.distanceKm + toEntry, within(1e-9));
        }
    }

    // ---------------------------------------------------------------- connection paths

    private record SimplePath(List<String> actors, List<String> kinds, double strength) {
        int hops() {
            return actors.size() - 1;
        }
    }

    private static final Comparator<SimplePath> DESIGN_ORDER = Comparator.comparingInt(SimplePath::hops)
            .thenComparing(SimplePath::strength, Comparator.reverseOrder())
            .thenComparing(SimplePath::actors, RandomNetworksTest::compareLists);

    private static int compareLists(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Every simple path between two actors, by depth-first search, in the order DESIGN.md ranks them. */
    private static List<SimplePath> allSimplePaths(Map<String, Map<String, Tie>> graph, String from, String to) {
        List<SimplePath> out = new ArrayList<>();
        List<String> path = new ArrayList<>(List.of(from));
        dfs(graph, to, path, new HashSet<>(path), out);
        out.sort(DESIGN_ORDER);
        return out;
    }

    private static void dfs(Map<String, Map<String, Tie>> graph, String to, List<String> path, Set<String> on,
            List<SimplePath> out) {
        String last = path.get(path.size() - 1);
        if (last.equals(to)) {
            List<String> kinds = new ArrayList<>();
            double strength = 0;
            for (int i = 1; i < path.size(); i++) {
                Tie tie = graph.get(path.get(i - 1)).get(path.get(i));
                kinds.add(tie.kind);
                strength += strengthOf(tie);
            }
            out.add(new SimplePath(List.copyOf(path), kinds, strength));
            return;
        }
        for (String next : graph.get(last).keySet()) {
            if (on.add(next)) {
                path.add(next);
                dfs(graph, to, path, on, out);
                path.remove(path.size() - 1);
                on.remove(next);
            }
        }
    }

    private static boolean sameRank(SimplePath a, SimplePath b) {
        return a.hops() == b.hops() && Math.abs(a.strength - b.strength) <= 1e-9;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void connectionPathsAreTheFirstKOfAllSimplePaths(int seed) {
        Random random = new Random(1000 + seed);
        int actorCount = 2 + random.nextInt(8);
        List<String> actorIds = ids(random, "p", actorCount, 100, "%02d");
        Network.Builder b = Network.builder(seed);
        for (String id : actorIds) {
            if (random.nextBoolean()) {
                b.cooperative(id, id, COOPERATIVE_TYPES[random.nextInt(COOPERATIVE_TYPES.length)], null);
            } else {
                b.partner(id, id, PARTNER_KINDS[random.nextInt(PARTNER_KINDS.length)], null);
            }
        }
        double density = 0.15 + 0.55 * random.nextDouble();
        List<Tie> ties = new ArrayList<>();
        for (int i = 0; i < actorCount; i++) {
            for (int j = i + 1; j < actorCount; j++) {
                if (random.nextDouble() < density) {
                    int parallel = random.nextInt(3) == 0 ? 2 + random.nextInt(2) : 1;
                    for (int t = 0; t < parallel; t++) {
                        boolean flip = random.nextBoolean();
                        ties.add(new Tie(actorIds.get(flip ? j : i), actorIds.get(flip ? i : j),
                                TIE_KINDS[random.nextInt(TIE_KINDS.length)], strength(random)));
                    }
                }
            }
        }
        ties.forEach(t -> b.tie(t.from, t.to, t.kind, t.strength));
        Network n = b.build();
        Map<String, Map<String, Tie>> graph = tieGraph(actorIds, ties);
        BoundedYenConnectionPaths engine = new BoundedYenConnectionPaths(n);

        for (int q = 0; q < PAIRS_PER_SEED; q++) {
            String from = pick(random, actorIds);
            String to = q % 8 == 7 ? from : pick(random, actorIds);
            int k = 1 + random.nextInt(12);
            String where = String.format("seed %d, from %s, to %s, k %d, ties %s", seed, from, to, k, ties);

            List<SimplePath> all = allSimplePaths(graph, from, to);
            List<SimplePath> expected = all.subList(0, Math.min(k, all.size()));
            List<ConnectionPath> actual = engine.paths(n.actor(from), n.actor(to), k);

            List<String> expectedRanks = expected.stream().map(p -> p.hops() + "/" + round(p.strength)).toList();
            List<String> actualRanks = actual.stream().map(p -> p.hops() + "/" + round(p.strength())).toList();
            assertThat(actualRanks).as(where + ": (hops/strength) of each path").isEqualTo(expectedRanks);

            Set<List<String>> distinct = new HashSet<>();
            for (int i = 0; i < actual.size(); i++) {
                ConnectionPath p = actual.get(i);
                List<String> actors = Arrays.stream(p.actors()).mapToObj(n::actorId).toList();
                assertThat(distinct.add(actors)).as(where + ": %s given twice", actors).isTrue();
                SimplePath real = all.stream().filter(x -> x.actors.equals(actors)).findFirst().orElse(null);
                assertThat(real).as(where + ": %s is a simple path from %s to %s", actors, from, to).isNotNull();
                assertThat(p.ties()).as(where + ": kinds of %s", actors).isEqualTo(real.kinds);
                assertThat(p.strength()).as(where + ": strength of %s", actors).isCloseTo(real.strength, within(1e-9));
                // Where no other path ties this rank across the k-th place, the path is the one expected.
                SimplePath e = expected.get(i);
                boolean tieAcrossK = all.subList(expected.size(), all.size()).stream().anyMatch(x -> sameRank(x, e));
                if (!tieAcrossK) {
                    assertThat(actors).as(where + ": path #%d", i).isEqualTo(e.actors);
                }
            }
        }
    }

    private static String round(double strength) {
        return String.format("%.6f", strength);
    }
}
