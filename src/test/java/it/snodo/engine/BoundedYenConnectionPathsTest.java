package it.snodo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import it.snodo.engine.ConnectionPathAlgorithm.ConnectionPath;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link BoundedYenConnectionPaths} on small hand-built tie graphs, against the paths
 * docs/design.md implies, listed by hand: no path between unconnected actors; every loopless path
 * when k is larger than their number; fewest hops first, then the larger sum of strengths, then the
 * actor ids; several ties between one pair are one edge whose strength is the strongest tie's and
 * whose kind is that tie's (alphabetical among equals, a missing strength counting as 0); and the
 * single path of no hop from an actor to itself.
 */
class BoundedYenConnectionPathsTest {

    /** A network of the given actors (cooperatives of type A) in one municipality, with no tie yet. */
    private static Network.Builder actors(String... ids) {
        Network.Builder b = Network.builder(3)
                .territory("015182", "Rho", "MUNICIPALITY", null, 45.5313, 9.0402)
                .cooperative("consorzio", "Consorzio", "CONSORTIUM", "015182");
        for (String id : ids) {
            b.cooperative(id, id, "A", "015182");
        }
        return b;
    }

    private static List<ConnectionPath> paths(Network n, String from, String to, int k) {
        return new BoundedYenConnectionPaths(n).paths(n.actor(from), n.actor(to), k);
    }

    private static List<List<String>> actorLists(Network n, List<ConnectionPath> paths) {
        return paths.stream()
                .map(p -> Arrays.stream(p.actors()).mapToObj(n::actorId).toList())
                .toList();
    }

    @Test
    void actorsInDifferentComponentsHaveNoPath() {
        Network n = actors("a", "b", "c", "d", "lonely")
                .tie("a", "b", "COLLABORATION", 1.0)
                .tie("c", "d", "CONTRACT", 0.5)
                .build();

        assertThat(paths(n, "a", "c", 3)).isEmpty();
        assertThat(paths(n, "d", "a", 1)).isEmpty();
        assertThat(paths(n, "a", "lonely", 5)).isEmpty();
        assertThat(paths(n, "lonely", "consorzio", 5)).isEmpty();
        assertThat(actorLists(n, paths(n, "a", "b", 3))).containsExactly(List.of("a", "b"));
    }

    @Test
    void kLargerThanThePathsOfACycleGivesBothOfThem() {
        // from - x - to, and from - y - z - to: two loopless paths.
        Network n = actors("from", "to", "x", "y", "z")
                .tie("from", "x", "COLLABORATION", 0.5)
                .tie("x", "to", "COLLABORATION", 0.5)
                .tie("from", "y", "CONTRACT", 1.0)
                .tie("y", "z", "CONTRACT", 1.0)
                .tie("z", "to", "CONTRACT", 1.0)
                .build();

        List<ConnectionPath> found = paths(n, "from", "to", 10);

        assertThat(actorLists(n, found)).containsExactly(List.of("from", "x", "to"), List.of("from", "y", "z", "to"));
        assertThat(found).extracting(ConnectionPath::hops).containsExactly(2, 3);
        assertThat(found.get(0).strength()).isCloseTo(1.0, within(1e-12));
        assertThat(found.get(1).strength()).isCloseTo(3.0, within(1e-12));
        assertThat(found.get(1).ties()).containsExactly("CONTRACT", "CONTRACT", "CONTRACT");
    }

    @Test
    void kLargerThanThePathsGivesAllOfThemAlsoThoseLongerThanAnyDetourThroughOneActor() {
        // A diamond with a chord: from - a - to, from - b - to, and a - b. Four loopless paths,
        // two of them of three hops (through the chord), though every actor is on a 2-hop path.
        Network n = actors("from", "to", "a", "b")
                .tie("from", "a", "COLLABORATION", 0.5)
                .tie("a", "to", "COLLABORATION", 0.5)
                .tie("from", "b", "CONVENTION", 1.0)
                .tie("b", "to", "FUNDING", 0.25)
                .tie("a", "b", "REFERRAL", 0.75)
                .build();

        List<ConnectionPath> found = paths(n, "from", "to", 10);

        assertThat(actorLists(n, found))
                .containsExactly(
                        List.of("from", "b", "to"), // 2 hops, strength 1.25
                        List.of("from", "a", "to"), // 2 hops, strength 1.0
                        List.of("from", "b", "a", "to"), // 3 hops, strength 2.25
                        List.of("from", "a", "b", "to")); // 3 hops, strength 1.5
        assertThat(found).extracting(ConnectionPath::strength).containsExactly(1.25, 1.0, 2.25, 1.5);
        assertThat(found.get(2).ties()).containsExactly("CONVENTION", "REFERRAL", "COLLABORATION");

        assertThat(actorLists(n, paths(n, "from", "to", 3)))
                .containsExactly(
                        List.of("from", "b", "to"), List.of("from", "a", "to"), List.of("from", "b", "a", "to"));
    }

    @Test
    void fewestHopsComeFirstThenTheStrongestThenTheActorIds() {
        Network n = actors("from", "to", "a", "b", "c", "d", "e")
                .tie("from", "to", "COLLABORATION", 0.1) // 1 hop, weak
                .tie("from", "a", "CO_DESIGN", 0.9)
                .tie("a", "to", "CO_DESIGN", 0.9) // 2 hops, 1.8
                .tie("from", "b", "CONTRACT", 0.5)
                .tie("b", "to", "CONTRACT", 0.5) // 2 hops, 1.0
                .tie("from", "c", "FUNDING", null)
                .tie("c", "to", "FUNDING", 1.0) // 2 hops, 0 + 1.0
                .tie("from", "d", "JOINT_TENDER", 1.0)
                .tie("d", "e", "JOINT_TENDER", 1.0)
                .tie("e", "to", "JOINT_TENDER", 1.0) // 3 hops, 3.0
                .build();

        List<ConnectionPath> all = paths(n, "from", "to", 10);

        assertThat(actorLists(n, all))
                .containsExactly(
                        List.of("from", "to"),
                        List.of("from", "a", "to"),
                        List.of("from", "b", "to"),
                        List.of("from", "c", "to"),
                        List.of("from", "d", "e", "to"));
        assertThat(all).extracting(ConnectionPath::hops).containsExactly(1, 2, 2, 2, 3);
        assertThat(all.get(1).strength()).isCloseTo(1.8, within(1e-12));
        assertThat(all.get(2).strength()).isCloseTo(1.0, within(1e-12));
        assertThat(all.get(3).strength()).isCloseTo(1.0, within(1e-12));
        assertThat(all.get(3).ties()).containsExactly("FUNDING", "FUNDING");

        assertThat(actorLists(n, paths(n, "from", "to", 2)))
                .containsExactly(List.of("from", "to"), List.of("from", "a", "to"));
        assertThat(actorLists(n, paths(n, "from", "to", 4)))
                .containsExactly(
                        List.of("from", "to"),
                        List.of("from", "a", "to"),
                        List.of("from", "b", "to"),
                        List.of("from", "c", "to"));
        // The other way round, the same paths reversed.
        assertThat(actorLists(n, paths(n, "to", "from", 2)))
                .containsExactly(List.of("to", "from"), List.of("to", "a", "from"));
    }

    @Test
    void severalTiesBetweenOnePairAreOneEdgeNamedByTheStrongest() {
        Network n = actors("from", "to", "a", "b")
                .tie("from", "a", "CONTRACT", 0.5)
                .tie("a", "from", "COLLABORATION", 0.9) // the strongest of the pair, either direction
                .tie("from", "a", "FUNDING", null)
                .tie("a", "to", "REFERRAL", 0.5)
                .tie("to", "a", "CO_DESIGN", 0.5) // as strong: the first in the alphabet
                .tie("from", "b", "CONVENTION", 0.7)
                .tie("b", "to", "REFERRAL", 0.0)
                .tie("b", "to", "COLLABORATION", null)
                .tie("b", "to", "JOINT_TENDER", 0.6)
                .build();

        assertThat(n.tiedPairCount()).isEqualTo(4);
        List<ConnectionPath> found = paths(n, "from", "to", 10);

        // Through a: 0.9 + 0.5 = 1.4; through b: 0.7 + 0.6 = 1.3. Had the weakest tie of each pair
        // counted, b would come first (0.7 + 0 against 0 + 0.5).
        assertThat(actorLists(n, found)).containsExactly(List.of("from", "a", "to"), List.of("from", "b", "to"));
        assertThat(found.get(0).ties()).containsExactly("COLLABORATION", "CO_DESIGN");
        assertThat(found.get(0).strength()).isCloseTo(1.4, within(1e-12));
        assertThat(found.get(1).ties()).containsExactly("CONVENTION", "JOINT_TENDER");
        assertThat(found.get(1).strength()).isCloseTo(1.3, within(1e-12));

        // A missing strength counts as 0: as strong as 0.0, so the first kind in the alphabet names the pair.
        Network weak = actors("from", "to")
                .tie("from", "to", "REFERRAL", 0.0)
                .tie("to", "from", "COLLABORATION", null)
                .build();
        List<ConnectionPath> one = paths(weak, "from", "to", 5);
        assertThat(actorLists(weak, one)).containsExactly(List.of("from", "to"));
        assertThat(one.get(0).ties()).containsExactly("COLLABORATION");
        assertThat(one.get(0).strength()).isZero();
    }

    @Test
    void fromAnActorToItselfIsOnePathOfNoHop() {
        Network n =
                actors("a", "b", "lonely").tie("a", "b", "COLLABORATION", 1.0).build();

        for (String id : List.of("a", "lonely")) {
            List<ConnectionPath> found = paths(n, id, id, 3);
            assertThat(found).hasSize(1);
            assertThat(found.get(0).hops()).isZero();
            assertThat(actorLists(n, found)).containsExactly(List.of(id));
            assertThat(found.get(0).ties()).isEmpty();
            assertThat(found.get(0).strength()).isZero();
        }
    }
}
