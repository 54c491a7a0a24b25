package it.snodo.engine;

import static it.snodo.engine.BruteForce.allSimplePaths;
import static it.snodo.engine.BruteForce.coversMunicipality;
import static it.snodo.engine.BruteForce.hopsFromEntryPoints;
import static it.snodo.engine.BruteForce.isEntryPoint;
import static it.snodo.engine.BruteForce.km;
import static it.snodo.engine.BruteForce.tieGraph;
import static it.snodo.engine.RandomWorld.COOPERATIVE_TYPES;
import static it.snodo.engine.RandomWorld.PARTNER_KINDS;
import static it.snodo.engine.RandomWorld.TIE_KINDS;
import static it.snodo.engine.RandomWorld.ids;
import static it.snodo.engine.RandomWorld.pick;
import static it.snodo.engine.RandomWorld.strength;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import it.snodo.engine.BruteForce.Expected;
import it.snodo.engine.BruteForce.SimplePath;
import it.snodo.engine.ConnectionPathAlgorithm.ConnectionPath;
import it.snodo.engine.RandomWorld.Svc;
import it.snodo.engine.RandomWorld.Ter;
import it.snodo.engine.RandomWorld.Tie;
import it.snodo.engine.ReferralAlgorithm.Query;
import it.snodo.engine.ReferralAlgorithm.Referral;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against {@link BruteForce}, a brute-force reading of docs/design.md, on seeded
 * random networks ({@link RandomWorld}).
 *
 * <p>Referrals: for many random queries, {@link RingScanReferrals} must list exactly the services
 * the brute force lists (for each service: the municipalities it covers by walking the
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

    private static final double[] MAX_KM = {0, 3, 10, 25, 500};
    private static final int QUERIES_PER_SEED = 80;
    private static final int PAIRS_PER_SEED = 25;

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 30);
    }

    // ---------------------------------------------------------------- referrals

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void referralsAreWhatABruteForceReadingOfTheDesignGives(int seed) {
        Random random = new Random(seed);
        RandomWorld w = RandomWorld.generate(random, 9, 3);
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
            String where = String.format(
                    "seed %d, category %s, municipality %s, k %d, maxKm %s, includeFull %s",
                    seed, category, m.id(), k, maxKm, includeFull);

            List<Expected> expected = BruteForce.referrals(w, category, m.id(), k, maxKm, includeFull);
            List<Referral> actual =
                    engine.referrals(new Query(n.category(category), n.territory(m.id()), k, maxKm, includeFull));

            assertThat(actual.stream().map(r -> n.serviceId(r.service())).toList())
                    .as(where)
                    .isEqualTo(expected.stream().map(Expected::service).toList());
            Map<String, Integer> hops = hopsFromEntryPoints(w, graph, m.id());
            for (int i = 0; i < actual.size(); i++) {
                checkReferral(w, n, graph, hops, m, expected.get(i), actual.get(i), where + ", #" + i);
            }
            nonEmpty += actual.isEmpty() ? 0 : 1;
        }
        // The random queries must exercise something.
        assertThat(nonEmpty).as("seed %d: queries with answers", seed).isGreaterThan(QUERIES_PER_SEED / 10);
    }

    private static void checkReferral(
            RandomWorld w,
            Network n,
            Map<String, Map<String, Tie>> graph,
            Map<String, Integer> hops,
            Ter m,
            Expected expected,
            Referral r,
            String where) {
        Svc s = w.services.get(expected.service());
        assertThat(r.distanceKm()).as(where + ": distance").isCloseTo(expected.distanceKm(), within(1e-9));
        assertThat(r.freePlaces()).as(where + ": free places").isEqualTo(expected.freePlaces());

        // The nearest covered municipality, and the territory of the service's list that covers it.
        Ter nearest = w.territories.get(n.territoryId(r.nearestMunicipality()));
        assertThat(nearest.level()).as(where + ": nearest is a municipality").isEqualTo(Network.MUNICIPALITY);
        assertThat(coversMunicipality(w, s, nearest.id()))
                .as(where + ": covers its nearest municipality")
                .isTrue();
        if (coversMunicipality(w, s, m.id())) {
            assertThat(nearest.id())
                    .as(where + ": nearest when it covers the need's")
                    .isEqualTo(m.id());
        } else {
            assertThat(km(m, nearest)).as(where + ": distance to nearest").isCloseTo(r.distanceKm(), within(1e-9));
        }
        String availableIn = null;
        for (String t = nearest.id();
                t != null && availableIn == null;
                t = w.territories.get(t).parent()) {
            if (s.territories().contains(t)) {
                availableIn = t;
            }
        }
        assertThat(n.territoryId(r.availableIn())).as(where + ": availableIn").isEqualTo(availableIn);

        // The route: a shortest tie route from the provider to an entry point, and its cost.
        Integer toEntry = hops.get(s.provider());
        List<String> route = Arrays.stream(r.route()).mapToObj(n::actorId).toList();
        if (toEntry == null) {
            assertThat(route).as(where + ": route of an unreachable provider").isEmpty();
            assertThat(r.routeTies()).as(where + ": route ties").isEmpty();
            assertThat(r.cost())
                    .as(where + ": cost")
                    .isCloseTo(expected.distanceKm() + RingScanReferrals.UNREACHABLE_HOPS, within(1e-9));
        } else {
            assertThat(route).as(where + ": route length").hasSize(toEntry + 1);
            assertThat(route.get(0))
                    .as(where + ": route starts at the provider")
                    .isEqualTo(s.provider());
            assertThat(isEntryPoint(w.actors.get(route.get(route.size() - 1)), m.id()))
                    .as(where + ": route ends at an entry point " + route)
                    .isTrue();
            List<String> kinds = new ArrayList<>();
            for (int i = 1; i < route.size(); i++) {
                Tie tie = graph.get(route.get(i - 1)).get(route.get(i));
                assertThat(tie)
                        .as(where + ": route " + route + " hop " + i + " is a tie")
                        .isNotNull();
                kinds.add(tie.kind());
            }
            assertThat(r.routeTies()).as(where + ": route ties").isEqualTo(kinds);
            assertThat(r.cost()).as(where + ": cost").isCloseTo(expected.distanceKm() + toEntry, within(1e-9));
        }
    }

    // ---------------------------------------------------------------- connection paths

    private static boolean sameRank(SimplePath a, SimplePath b) {
        return a.hops() == b.hops() && Math.abs(a.strength() - b.strength()) <= 1e-9;
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
                        ties.add(new Tie(
                                actorIds.get(flip ? j : i),
                                actorIds.get(flip ? i : j),
                                TIE_KINDS[random.nextInt(TIE_KINDS.length)],
                                strength(random)));
                    }
                }
            }
        }
        ties.forEach(t -> b.tie(t.from(), t.to(), t.kind(), t.strength()));
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

            List<String> expectedRanks = expected.stream()
                    .map(p -> p.hops() + "/" + round(p.strength()))
                    .toList();
            List<String> actualRanks = actual.stream()
                    .map(p -> p.hops() + "/" + round(p.strength()))
                    .toList();
            assertThat(actualRanks).as(where + ": (hops/strength) of each path").isEqualTo(expectedRanks);

            Set<List<String>> distinct = new HashSet<>();
            for (int i = 0; i < actual.size(); i++) {
                ConnectionPath p = actual.get(i);
                List<String> actors =
                        Arrays.stream(p.actors()).mapToObj(n::actorId).toList();
                assertThat(distinct.add(actors))
                        .as(where + ": %s given twice", actors)
                        .isTrue();
                SimplePath real = all.stream()
                        .filter(x -> x.actors().equals(actors))
                        .findFirst()
                        .orElse(null);
                assertThat(real)
                        .as(where + ": %s is a simple path from %s to %s", actors, from, to)
                        .isNotNull();
                assertThat(p.ties()).as(where + ": kinds of %s", actors).isEqualTo(real.kinds());
                assertThat(p.strength())
                        .as(where + ": strength of %s", actors)
                        .isCloseTo(real.strength(), within(1e-9));
                // Where no other path ties this rank across the k-th place, the path is the one expected.
                SimplePath e = expected.get(i);
                boolean tieAcrossK =
                        all.subList(expected.size(), all.size()).stream().anyMatch(x -> sameRank(x, e));
                if (!tieAcrossK) {
                    assertThat(actors).as(where + ": path #%d", i).isEqualTo(e.actors());
                }
            }
        }
    }

    private static String round(double strength) {
        return String.format("%.6f", strength);
    }
}
