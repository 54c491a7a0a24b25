package it.snodo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import it.snodo.bench.EngineBench;
import it.snodo.bench.NetworkGenerator;
import it.snodo.engine.JGraphTJudge.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine judged by JGraphT ({@link JGraphTJudge}) on the benchmark's network at scale S (seed
 * 42, as the benchmark) and on 20 seeded random networks of up to 90 actors: clustered ties with
 * chains and stars hung on them, parallel ties of several kinds, ties without strength and many of
 * equal strength (so that paths tie in weight), isolated actors, actors based in a district's
 * municipalities or nowhere.
 *
 * <p>This extends two older JGraphT checks rather than repeating them: {@code
 * BiconnectivityFragilityTest} compares {@link BiconnectivityFragility} with JGraphT on bare
 * random graphs, and {@code NetworkMeasuresTest} the betweenness on bare random graphs; here the
 * same oracles judge what the analyses answer on whole networks ({@link RemovalWhatIf}'s new cut
 * points, betweenness of a territory's scope), with the other oracles beside them.
 */
class JGraphTJudgeTest {

    private static final String[] KINDS = {
        "COLLABORATION", "CO_DESIGN", "CONVENTION", "CONTRACT", "FUNDING", "REFERRAL", "JOINT_TENDER"
    };
    private static final double[] ROUND_STRENGTHS = {0.25, 0.5, 0.75, 1.0};
    private static volatile Network scaleS;

    static Stream<Arguments> networks() {
        return Stream.concat(
                Stream.of(Arguments.of("S, seed 42", generatedS())),
                IntStream.rangeClosed(1, 20).mapToObj(seed -> Arguments.of("random, seed " + seed, random(seed))));
    }

    private static Network generatedS() {
        if (scaleS == null) {
            scaleS = EngineBench.build(NetworkGenerator.generate(NetworkGenerator.Scale.S, 42));
        }
        return scaleS;
    }

    /** A random network of actors and ties (and a district of three municipalities to be based in). */
    static Network random(long seed) {
        Random random = new Random(seed);
        Network.Builder b = Network.builder(seed);
        b.territory("d1", "District", "DISTRICT", null, null, null);
        for (int m = 0; m < 3; m++) {
            b.territory("m" + m, "Municipality " + m, Network.MUNICIPALITY, "d1", 45.0 + m * 0.05, 9.0);
        }
        int size = 2 + random.nextInt(70);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            // Ids in an order that is not the order of creation.
            String id = String.format("a%03d", (i * 37 + (int) seed) % 1000);
            while (ids.contains(id)) {
                id = id + "x";
            }
            ids.add(id);
            String basedIn = random.nextInt(4) == 0 ? null : "m" + random.nextInt(3);
            if (random.nextInt(3) > 0) {
                b.cooperative(id, id, random.nextBoolean() ? "A" : "B", basedIn);
            } else {
                b.partner(id, id, "ASSOCIATION", basedIn);
            }
        }
        double p = random.nextDouble() * 0.12;
        for (int i = 0; i < size; i++) {
            for (int j = i + 1; j < size; j++) {
                if (random.nextDouble() < p) {
                    tie(b, random, ids.get(i), ids.get(j));
                }
            }
        }
        // A chain and a star hung on the graph: long paths, cut points, bridges.
        int chain = random.nextInt(12);
        String last = ids.get(random.nextInt(size));
        for (int i = 0; i < chain; i++) {
            String id = "chain" + i;
            b.cooperative(id, id, "A", null);
            tie(b, random, last, id);
            last = id;
        }
        int star = random.nextInt(10);
        String centre = ids.get(random.nextInt(size));
        for (int i = 0; i < star; i++) {
            String id = "star" + i;
            b.partner(id, id, "VOLUNTEER_GROUP", "m0");
            tie(b, random, id, centre);
            if (i > 0 && random.nextInt(3) == 0) {
                tie(b, random, id, "star" + (i - 1));
            }
        }
        return b.build();
    }

    private static void tie(Network.Builder b, Random random, String from, String to) {
        int ties = random.nextInt(5) == 0 ? 2 : 1;
        for (int t = 0; t < ties; t++) {
            int r = random.nextInt(10);
            Double strength = r == 0 ? null : r < 6 ? ROUND_STRENGTHS[random.nextInt(4)] : random.nextDouble();
            boolean forward = random.nextBoolean();
            b.tie(forward ? from : to, forward ? to : from, KINDS[random.nextInt(KINDS.length)], strength);
        }
    }

    private static void assertAgrees(Verdict verdict, String network) {
        assertThat(verdict.checks())
                .as(network + ": " + verdict.oracle() + " checked nothing")
                .isPositive();
        assertThat(verdict.messages()).as(network + ": " + verdict.oracle()).isEmpty();
        assertThat(verdict.disagreements())
                .as(network + ": " + verdict.oracle())
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void connectionPathsAreThoseOfYensAlgorithmWeightedByStrength(String name, Network network) {
        JGraphTJudge judge = new JGraphTJudge(network);
        Random random = new Random(name.hashCode());

        assertAgrees(judge.connectionPaths(judge.samplePairs(random, name.startsWith("S") ? 200 : 30), 5), name);
        assertAgrees(judge.connectionPaths(judge.samplePairs(random, 10), 1), name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void fragilityAndWhatIfCutPointsAreThoseOfBiconnectivityInspector(String name, Network network) {
        JGraphTJudge judge = new JGraphTJudge(network);

        assertAgrees(judge.fragility(), name);
        assertAgrees(judge.whatIfCutPoints(judge.sampleRemovals(new Random(name.hashCode()), 30)), name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void betweennessIsBetweennessCentralityOverFreemansPairs(String name, Network network) {
        JGraphTJudge judge = new JGraphTJudge(network);

        assertAgrees(judge.betweenness(IntStream.range(0, network.actorCount()).toArray(), "whole network"), name);
        int district = network.territoriesOfLevel("DISTRICT")[0];
        assertAgrees(
                judge.betweenness(NetworkMeasures.basedIn(network, district), network.territoryId(district)), name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void theReportedModularityIsJGraphTsMeasureOfTheSamePartition(String name, Network network) {
        JGraphTJudge judge = new JGraphTJudge(network);

        assertAgrees(judge.modularity(IntStream.range(0, network.actorCount()).toArray(), "whole network"), name);
        int district = network.territoriesOfLevel("DISTRICT")[0];
        assertAgrees(judge.modularity(NetworkMeasures.basedIn(network, district), network.territoryId(district)), name);
    }

    @Test
    void louvainIsNoWorseThanGreedyOnTheGeneratedNetwork() {
        Network network = generatedS();
        JGraphTJudge judge = new JGraphTJudge(network);

        assertAgrees(judge.louvainFloor(IntStream.range(0, network.actorCount()).toArray(), "whole network"), "S");
        for (int district : network.territoriesOfLevel("DISTRICT")) {
            int[] scope = NetworkMeasures.basedIn(network, district);
            Verdict verdict = judge.louvainFloor(scope, network.territoryId(district));
            if (verdict.checks() > 0) {
                assertAgrees(verdict, "S");
            }
        }
    }

    /**
     * Louvain's partition is at most 0.01 below JGraphT's greedy agglomeration. Plain Louvain failed
     * this on random seeds 1, 9, 13 and 14 (e.g. seed 13, district: Q 0.393 against 0.410), its
     * partition not even locally optimal node by node; the node-level refinement and the second
     * visiting order in {@link LouvainCommunities} were added for it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void louvainIsNoWorseThanGreedy(String name, Network network) {
        JGraphTJudge judge = new JGraphTJudge(network);

        assertAgrees(judge.louvainFloor(IntStream.range(0, network.actorCount()).toArray(), "whole network"), name);
        int district = network.territoriesOfLevel("DISTRICT")[0];
        Verdict verdict = judge.louvainFloor(NetworkMeasures.basedIn(network, district), network.territoryId(district));
        if (verdict.checks() > 0) {
            assertAgrees(verdict, name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void synergyClosenessIsTheAdamicAdarIndex(String name, Network network) {
        JGraphTJudge judge = new JGraphTJudge(network);
        int[] cooperatives = IntStream.range(0, network.actorCount())
                .filter(network::isCooperative)
                .toArray();

        Verdict verdict = judge.synergyCloseness(cooperatives);

        // A network whose cooperatives share no tie neighbour has nothing to compare.
        if (verdict.checks() > 0) {
            assertAgrees(verdict, name);
        }
    }

    @Test
    void theGeneratedNetworkGivesEveryOracleSomethingToJudge() {
        List<Verdict> verdicts = new JGraphTJudge(generatedS()).all(42, 50, 10, 10, true);

        assertThat(verdicts).hasSize(10).allSatisfy(v -> assertAgrees(v, "S"));
    }

    @Test
    void jgraphtsRecursiveSearchRunsOnALargeStack() {
        // A chain of 5,000 actors overflows a 1 MB stack in BiconnectivityInspector.
        Network.Builder b = Network.builder(1);
        int size = 5_000;
        for (int i = 0; i < size; i++) {
            b.cooperative(String.format("a%05d", i), "a" + i, "A", null);
        }
        for (int i = 1; i < size; i++) {
            b.tie(String.format("a%05d", i - 1), String.format("a%05d", i), "COLLABORATION", 1.0);
        }

        assertAgrees(new JGraphTJudge(b.build()).fragility(), "chain of 5,000");
    }
}
