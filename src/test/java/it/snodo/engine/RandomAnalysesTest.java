package it.snodo.engine;

import static it.snodo.engine.BruteForce.adjacency;
import static it.snodo.engine.BruteForce.allShortestPaths;
import static it.snodo.engine.BruteForce.answered;
import static it.snodo.engine.BruteForce.answering;
import static it.snodo.engine.BruteForce.articulationPoints;
import static it.snodo.engine.BruteForce.componentCount;
import static it.snodo.engine.BruteForce.components;
import static it.snodo.engine.BruteForce.coversCategory;
import static it.snodo.engine.BruteForce.distance;
import static it.snodo.engine.BruteForce.edge;
import static it.snodo.engine.BruteForce.edges;
import static it.snodo.engine.BruteForce.isOrUnder;
import static it.snodo.engine.RandomWorld.pick;
import static it.snodo.engine.RandomWorld.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import it.snodo.engine.BruteForce.Fragile;
import it.snodo.engine.BruteForce.GapRow;
import it.snodo.engine.FragilityAnalysis.Fragility;
import it.snodo.engine.IntegratedAnswerAlgorithm.Answer;
import it.snodo.engine.IntegratedAnswerAlgorithm.Assignment;
import it.snodo.engine.NetworkMeasures.Measures;
import it.snodo.engine.RandomWorld.Need;
import it.snodo.engine.RandomWorld.Svc;
import it.snodo.engine.RandomWorld.Ter;
import it.snodo.engine.RandomWorld.Tie;
import it.snodo.engine.WhatIfAnalysis.Impact;
import it.snodo.engine.WhatIfAnalysis.Removal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's analyses against {@link BruteForce}, a brute-force reading of docs/design.md, on
 * seeded random networks ({@link RandomWorld}).
 *
 * <p>Every reference works on the rows the network was built from, by ids, with the simplest code
 * that states the definition: territories and categories are walked up their parents one step at
 * a time, connectivity is recounted from scratch after each removal, shortest paths are enumerated
 * one by one, and integrated answers try every subset of providers. None of the engine's indexes
 * (coverage, Euler tour, sorted adjacency) is used.
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

    private static final double[] MAX_KM = {0, 5, 15, 40};
    private static final int REMOVALS_PER_SEED = 15;
    private static final int BUNDLES_PER_SEED = 25;
    private static final double EPS = 1e-9;

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 30);
    }

    // ---------------------------------------------------------------- gaps

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void gapsOfEveryTerritoryAreWhatABruteForceReadingOfTheDesignGives(int seed) {
        Random random = new Random(seed);
        RandomWorld w = RandomWorld.generate(random, 9, 3);
        Network n = w.build(random);
        CoverageGaps engine = new CoverageGaps(n);
        int rows = 0;
        for (String t : new TreeSet<>(w.territories.keySet())) {
            List<GapRow> expected = BruteForce.gaps(w, t);
            List<GapRow> actual = engine.rows(n.territory(t)).stream()
                    .map(r -> new GapRow(
                            n.categoryCode(r.category()),
                            r.demand(),
                            r.supply(),
                            r.supplyKnown(),
                            r.providers(),
                            r.services(),
                            r.state()))
                    .toList();
            assertThat(actual)
                    .as(
                            "seed %d, territory %s (%s)",
                            seed, t, w.territories.get(t).level())
                    .isEqualTo(expected);
            rows += expected.size();
        }
        assertThat(rows).as("seed %d: gap rows", seed).isPositive();
    }

    // ---------------------------------------------------------------- fragility

    private static Fragile named(Network n, Fragility f) {
        return new Fragile(
                f.articulationPoints().stream().map(n::actorId).toList(),
                f.bridges().stream()
                        .map(b -> List.of(n.actorId(b[0]), n.actorId(b[1])))
                        .toList(),
                f.components().stream()
                        .map(c -> c.stream().map(n::actorId).toList())
                        .toList(),
                f.isolated().stream().map(n::actorId).toList());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fragilityIsWhatRemovingEachActorAndEachTieShows(int seed) {
        Random random = new Random(100 + seed);
        RandomWorld w = RandomWorld.generate(random, 9, 3);
        Network n = w.build(random);
        Set<List<String>> edges = edges(w);
        Fragile expected = BruteForce.fragility(w.actors.keySet(), edges);
        Fragile actual = named(n, new BiconnectivityFragility().analyze(n));
        assertThat(actual).as("seed %d, ties %s", seed, edges).isEqualTo(expected);
    }

    // ---------------------------------------------------------------- what if

    private record Lost(String territory, String category, long people) {}

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void whatIfIsTheDifferenceBetweenBeforeAndAfterRecomputedFromScratch(int seed) {
        Random random = new Random(200 + seed);
        RandomWorld w = RandomWorld.generate(random, 9, 3);
        Network n = w.build(random);
        RemovalWhatIf engine = new RemovalWhatIf(n);
        Set<List<String>> edges = edges(w);
        List<String> pointsBefore = articulationPoints(w.actors.keySet(), edges);
        Map<String, List<Svc>> answering = new HashMap<>();
        w.needs.values().forEach(x -> answering.put(x.id(), answering(w, x)));

        for (int q = 0; q < REMOVALS_PER_SEED; q++) {
            List<String> goneActors = sample(random, new ArrayList<>(w.actors.keySet()), 2);
            List<String> goneServices = sample(random, new ArrayList<>(w.services.keySet()), 2);
            List<List<String>> goneTies = sample(random, new ArrayList<>(edges), 2);
            String where = String.format(
                    "seed %d, remove actors %s, services %s, ties %s", seed, goneActors, goneServices, goneTies);

            // Needs answered before and not after, summed by (municipality, category), in id order.
            Map<List<String>, Long> lost = new TreeMap<>(BruteForce::compareLists);
            for (Need x : w.needs.values()) {
                if (answered(answering.get(x.id()), Set.of(), Set.of())
                        && !answered(answering.get(x.id()), Set.copyOf(goneActors), Set.copyOf(goneServices))) {
                    lost.merge(List.of(x.territory(), x.category()), (long) x.people(), Long::sum);
                }
            }
            List<Lost> expectedLost = lost.entrySet().stream()
                    .map(e -> new Lost(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                    .toList();
            List<String> remaining = w.actors.keySet().stream()
                    .filter(a -> !goneActors.contains(a))
                    .toList();
            List<List<String>> remainingTies =
                    edges.stream().filter(e -> !goneTies.contains(e)).toList();
            List<String> expectedPoints = articulationPoints(remaining, remainingTies).stream()
                    .filter(a -> !pointsBefore.contains(a))
                    .toList();

            Removal removal = new Removal(
                    goneActors.stream().mapToInt(n::actor).toArray(),
                    goneServices.stream().mapToInt(n::service).toArray(),
                    goneTies.stream()
                            .map(e -> random.nextBoolean()
                                    ? new int[] {n.actor(e.get(0)), n.actor(e.get(1))}
                                    : new int[] {n.actor(e.get(1)), n.actor(e.get(0))})
                            .toArray(int[][]::new));
            Impact impact = engine.impact(removal);

            assertThat(impact.lostCoverage().stream()
                            .map(l -> new Lost(n.territoryId(l.territory()), n.categoryCode(l.category()), l.people()))
                            .toList())
                    .as(where + ": lost coverage")
                    .isEqualTo(expectedLost);
            assertThat(impact.newArticulationPoints().stream().map(n::actorId).toList())
                    .as(where + ": new articulation points (before: %s)", pointsBefore)
                    .isEqualTo(expectedPoints);
        }
    }

    // ---------------------------------------------------------------- network measures

    private static void checkMeasures(RandomWorld w, Network n, List<String> scope, String where) {
        Set<List<String>> allEdges = edges(w);
        Map<String, Set<String>> adjacency = adjacency(scope, allEdges);
        List<List<String>> edges = allEdges.stream()
                .filter(e -> scope.contains(e.get(0)) && scope.contains(e.get(1)))
                .toList();
        int nn = scope.size();
        int ee = edges.size();

        Measures m = new BrandesLouvainMeasures()
                .measure(n, scope.stream().mapToInt(n::actor).toArray());
        assertThat(m.actors()).as(where + ": actors").isEqualTo(nn);
        assertThat(m.ties()).as(where + ": ties").isEqualTo(ee);
        double density = nn < 2 ? 0 : 2.0 * ee / ((double) nn * (nn - 1));
        assertThat(m.density()).as(where + ": density").isCloseTo(density, within(EPS));
        assertThat(m.components()).as(where + ": components").isEqualTo(componentCount(scope, edges));
        int maxDegree =
                scope.stream().mapToInt(a -> adjacency.get(a).size()).max().orElse(0);
        double centralization = nn < 3
                ? 0
                : scope.stream()
                                .mapToDouble(a -> maxDegree - adjacency.get(a).size())
                                .sum()
                        / ((double) (nn - 1) * (nn - 2));
        assertThat(m.degreeCentralization())
                .as(where + ": degree centralization")
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
        assertThat(m.brokers()).as(where + ": brokers %s", m.brokers()).hasSize((int)
                Math.min(positive, NetworkMeasures.MAX_BROKERS));
        for (int i = 0; i < m.brokers().size(); i++) {
            double b = betweenness[scope.indexOf(n.actorId(m.brokers().get(i)))];
            assertThat(b).as(where + ": broker #%d", i).isGreaterThan(EPS);
            if (i > 0) {
                double previous =
                        betweenness[scope.indexOf(n.actorId(m.brokers().get(i - 1)))];
                assertThat(b)
                        .as(where + ": broker #%d ranks after #%d", i, i - 1)
                        .isLessThanOrEqualTo(previous + EPS);
            }
        }

        // Communities: a partition of the scope, each ascending, sorted by first actor.
        List<List<String>> communities = m.communities().stream()
                .map(c -> c.stream().map(n::actorId).toList())
                .toList();
        List<String> union = communities.stream().flatMap(List::stream).sorted().toList();
        assertThat(union)
                .as(where + ": communities %s partition the scope", communities)
                .isEqualTo(scope);
        for (List<String> c : communities) {
            assertThat(c).as(where + ": community %s", c).isNotEmpty().isSorted();
        }
        assertThat(communities.stream().map(c -> c.get(0)).toList())
                .as(where + ": communities order")
                .isSorted();
        for (String a : scope) {
            if (adjacency.get(a).isEmpty()) {
                assertThat(communities).as(where + ": isolated %s alone", a).contains(List.of(a));
            }
        }
        // Its modularity: Q = Σ_c [L_c/m − (d_c/2m)²], 0 without edges.
        double q = 0;
        if (ee > 0) {
            for (List<String> c : communities) {
                long inside = edges.stream()
                        .filter(e -> c.contains(e.get(0)) && c.contains(e.get(1)))
                        .count();
                long degree = c.stream().mapToLong(a -> adjacency.get(a).size()).sum();
                q += (double) inside / ee - Math.pow(degree / (2.0 * ee), 2);
            }
        }
        assertThat(m.modularity()).as(where + ": modularity of %s", communities).isCloseTo(q, within(EPS));

        // Multiplexity: the mean number of tie kinds per tied pair.
        Map<List<String>, Set<String>> kinds = new HashMap<>();
        for (Tie t : w.ties) {
            List<String> e = edge(t.from(), t.to());
            if (edges.contains(e)) {
                kinds.computeIfAbsent(e, k -> new HashSet<>()).add(t.kind());
            }
        }
        double multiplexity =
                ee == 0 ? 0 : kinds.values().stream().mapToInt(Set::size).sum() / (double) ee;
        assertThat(m.multiplexity()).as(where + ": multiplexity").isCloseTo(multiplexity, within(EPS));
        Map<Integer, Integer> counts = new TreeMap<>();
        kinds.values().forEach(k -> counts.merge(k.size(), 1, Integer::sum));
        assertThat(m.multiplexityCounts()).as(where + ": multiplexity counts").isEqualTo(counts);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void networkMeasuresOfTheWholeNetworkAndOfADistrictFollowTheirFormulas(int seed) {
        Random random = new Random(300 + seed);
        RandomWorld w = RandomWorld.generate(random, 9, 3);
        Network n = w.build(random);
        List<String> all = new ArrayList<>(new TreeSet<>(w.actors.keySet()));
        checkMeasures(w, n, all, "seed " + seed + ", whole network, ties " + edges(w));

        List<String> districts = w.territories.values().stream()
                .filter(t -> t.level().equals("DISTRICT"))
                .map(Ter::id)
                .sorted()
                .toList();
        String district = pick(random, districts);
        List<String> based = all.stream()
                .filter(a -> w.actors.get(a).basedIn() != null
                        && isOrUnder(w.actors.get(a).basedIn(), district, w::parentTerritory))
                .toList();
        assertThat(Arrays.stream(NetworkMeasures.basedIn(n, n.territory(district)))
                        .mapToObj(n::actorId)
                        .toList())
                .as("seed %d: actors based in %s", seed, district)
                .isEqualTo(based);
        checkMeasures(w, n, based, "seed " + seed + ", district " + district + " " + based + ", ties " + edges(w));
    }

    // ---------------------------------------------------------------- synergies without some services

    private record Suggested(String cooperative, double score, List<SynergyAlgorithm.Reason> reasons) {}

    private static List<Suggested> suggested(Network n, List<SynergyAlgorithm.Suggestion> suggestions) {
        return suggestions.stream()
                .map(x -> new Suggested(n.actorId(x.cooperative()), x.score(), x.reasons()))
                .toList();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void synergiesWithoutSomeServicesAreThoseOfTheNetworkWithoutThem(int seed) {
        Random random = new Random(500 + seed);
        RandomWorld w = RandomWorld.generate(random, 12, 3);
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
            if (!w.actors.get(c).cooperative()) {
                continue;
            }
            String where = String.format("seed %d, cooperative %s, without %s", seed, c, gone);
            assertThat(suggested(n, engine.suggestions(n.actor(c), 100, s -> left.contains(n.serviceId(s)))))
                    .as(where)
                    .isEqualTo(suggested(without, reference.suggestions(without.actor(c), 100)));
            assertThat(engine.suggestions(n.actor(c), 100, s -> false))
                    .as(where + ": nothing left out")
                    .isEqualTo(engine.suggestions(n.actor(c), 100));
        }
    }

    // ---------------------------------------------------------------- integrated answers

    private record Choice(List<String> providers, int newTies, double distance) {}

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void integratedAnswersAreTheBestOfAllSubsetsOfProviders(int seed) {
        Random random = new Random(400 + seed);
        // At most 3 + 5 actors and 2 municipality partners: 10 providers, 1024 subsets.
        RandomWorld w = RandomWorld.generate(random, 5, 2);
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
            String where =
                    String.format("seed %d, municipality %s, categories %s, maxKm %s", seed, m.id(), asked, maxKm);

            // Per provider and asked category, the distance of its nearest service covering it within maxKm.
            Map<String, Map<String, Double>> qualifies = new TreeMap<>();
            Map<String, Double> serviceDistance = new HashMap<>();
            for (Svc s : w.services.values()) {
                double d = distance(w, s, m);
                serviceDistance.put(s.id(), d);
                for (String c : asked) {
                    if (d <= maxKm && coversCategory(w, s, c)) {
                        qualifies
                                .computeIfAbsent(s.provider(), p -> new HashMap<>())
                                .merge(c, d, Math::min);
                    }
                }
            }
            Set<String> coverable = new TreeSet<>();
            qualifies.values().forEach(x -> coverable.addAll(x.keySet()));
            List<String> uncovered =
                    asked.stream().filter(c -> !coverable.contains(c)).sorted().toList();

            // Every subset of providers covering all coverable categories, the best kept by size, ties, distance.
            List<String> coverableList = List.copyOf(coverable);
            double[][] near = new double[actors.size()][coverableList.size()];
            for (int i = 0; i < actors.size(); i++) {
                for (int c = 0; c < coverableList.size(); c++) {
                    near[i][c] = qualifies
                            .getOrDefault(actors.get(i), Map.of())
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
            int ties = covers.stream()
                    .filter(c -> c.providers.size() == size)
                    .mapToInt(Choice::newTies)
                    .min()
                    .orElseThrow();
            double distance = covers.stream()
                    .filter(c -> c.providers.size() == size && c.newTies == ties)
                    .mapToDouble(Choice::distance)
                    .min()
                    .orElseThrow();
            List<List<String>> best = covers.stream()
                    .filter(c -> c.providers.size() == size && c.newTies == ties && c.distance <= distance + EPS)
                    .map(Choice::providers)
                    .toList();

            Answer answer = engine.answer(
                    n.territory(m.id()), asked.stream().mapToInt(n::category).toArray(), maxKm);
            List<String> providers =
                    Arrays.stream(answer.providers()).mapToObj(n::actorId).toList();
            String detail = where + ", answer " + providers + ", expected " + best + " (size " + size + ", new ties "
                    + ties + ", distance " + distance + ")";
            assertThat(answer.minimumProviders()).as(detail + ": providers").isEqualTo(size);
            assertThat(answer.newTiesNeeded()).as(detail + ": new ties").isEqualTo(ties);
            assertThat(answer.totalDistanceKm()).as(detail + ": total distance").isCloseTo(distance, within(EPS));
            assertThat(Arrays.stream(answer.uncovered())
                            .mapToObj(n::categoryCode)
                            .toList())
                    .as(detail + ": uncovered")
                    .isEqualTo(uncovered);
            if (best.size() == 1) {
                assertThat(providers).as(detail + ": the one best set").isEqualTo(best.get(0));
            } else {
                assertThat(best).as(detail + ": one of the best sets").contains(providers);
            }

            // One assignment per covered category, in the order asked: the nearest service of a chosen provider.
            List<String> coveredInOrder =
                    asked.stream().filter(coverable::contains).toList();
            assertThat(answer.assignments().stream()
                            .map(x -> n.categoryCode(x.category()))
                            .toList())
                    .as(detail + ": assigned categories")
                    .isEqualTo(coveredInOrder);
            for (Assignment x : answer.assignments()) {
                String c = n.categoryCode(x.category());
                Svc s = w.services.get(n.serviceId(x.service()));
                double nearest = providers.stream()
                        .mapToDouble(p -> qualifies.getOrDefault(p, Map.of()).getOrDefault(c, Double.POSITIVE_INFINITY))
                        .min()
                        .orElseThrow();
                assertThat(n.actorId(x.provider()))
                        .as(detail + ": provider of %s", c)
                        .isEqualTo(s.provider())
                        .isIn(providers);
                assertThat(coversCategory(w, s, c))
                        .as(detail + ": %s covers %s", s.id(), c)
                        .isTrue();
                assertThat(x.distanceKm())
                        .as(detail + ": distance of %s", s.id())
                        .isCloseTo(serviceDistance.get(s.id()), within(EPS))
                        .isCloseTo(nearest, within(EPS));
            }
            answered += providers.isEmpty() ? 0 : 1;
        }
        assertThat(answered).as("seed %d: bundles with an answer", seed).isPositive();
    }
}
