package it.snodo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntBiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Patching a snapshot's needs gives exactly the snapshot built from the patched rows. */
class NetworkWithNeedsTest {

    private static final String[] MUNICIPALITIES = {"m1", "m2", "m3", "m4"};
    private static final String[] CATEGORIES = {"a", "a.x", "a.y", "b"};

    @Test
    void randomPatchesEqualAFreshBuild() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            Map<String, Network.NeedValues> needs = new TreeMap<>();
            for (int i = 0; i < random.nextInt(30); i++) {
                Network.NeedValues n = randomNeed("n" + random.nextInt(60), random);
                needs.put(n.id(), n);
            }
            Network before = build(1, needs);

            List<Network.NeedValues> written = new ArrayList<>();
            for (int i = 0; i < random.nextInt(6); i++) {
                written.add(randomNeed("n" + random.nextInt(60), random));
            }
            List<String> deleted = new ArrayList<>();
            for (int i = 0; i < random.nextInt(4); i++) {
                deleted.add("n" + random.nextInt(60));
            }
            Network patched = before.withNeeds(2, written, deleted);

            // What the database would hold: deletes of needs this write also wrote do not apply.
            Set<String> writtenIds = new java.util.HashSet<>();
            written.forEach(n -> writtenIds.add(n.id()));
            deleted.stream().filter(id -> !writtenIds.contains(id)).forEach(needs::remove);
            written.forEach(n -> needs.put(n.id(), n));
            Network expected = build(2, needs);

            assertThat(patched.version()).isEqualTo(2);
            assertThat(ids(patched)).containsExactly(ids(expected));
            assertThat(perNeed(patched, Needs::category)).containsExactly(perNeed(expected, Needs::category));
            assertThat(perNeed(patched, Needs::territory)).containsExactly(perNeed(expected, Needs::territory));
            assertThat(perNeed(patched, Needs::people)).containsExactly(perNeed(expected, Needs::people));
            for (int i = 0; i < expected.needCount(); i++) {
                assertThat(patched.needs().urgency(i))
                        .isEqualTo(expected.needs().urgency(i));
            }
            assertThat(countsIn(patched)).containsExactly(countsIn(expected));
            assertThat(byTerritory(patched)).containsExactly(byTerritory(expected));
            for (int t = 0; t < expected.territoryCount(); t++) {
                assertThat(new CoverageGaps(patched).rows(t)).isEqualTo(new CoverageGaps(expected).rows(t));
            }
            // The rest is shared, not copied.
            assertThat(patched.services()).isSameAs(before.services());
        }
    }

    @Test
    void aNeedNamingAnUnknownCategoryOrTerritoryIsRefused() {
        Network n = build(1, Map.of());
        assertThatThrownBy(() -> n.withNeeds(2, List.of(new Network.NeedValues("x", "zz", "m1", 1)), List.of()))
                .isInstanceOf(UnknownEntity.class);
        assertThatThrownBy(() -> n.withNeeds(2, List.of(new Network.NeedValues("x", "a", "m9", 1)), List.of()))
                .isInstanceOf(UnknownEntity.class);
    }

    private static String[] ids(Network n) {
        return IntStream.range(0, n.needCount()).mapToObj(n.needs()::id).toArray(String[]::new);
    }

    /** One value of each need, in index order. */
    private static int[] perNeed(Network n, ToIntBiFunction<Needs, Integer> value) {
        return IntStream.range(0, n.needCount())
                .map(i -> value.applyAsInt(n.needs(), i))
                .toArray();
    }

    /** How many needs each territory has. */
    private static int[] countsIn(Network n) {
        return IntStream.range(0, n.territoryCount()).map(n.needs()::countIn).toArray();
    }

    /** The needs of each territory in turn. */
    private static int[] byTerritory(Network n) {
        return IntStream.range(0, n.territoryCount())
                .flatMap(t -> IntStream.range(0, n.needs().countIn(t))
                        .map(i -> n.needs().in(t, i)))
                .toArray();
    }

    private static Network.NeedValues randomNeed(String id, Random random) {
        return new Network.NeedValues(
                id,
                CATEGORIES[random.nextInt(CATEGORIES.length)],
                MUNICIPALITIES[random.nextInt(MUNICIPALITIES.length)],
                1 + random.nextInt(50),
                new String[] {null, "LOW", "MEDIUM", "HIGH"}[random.nextInt(4)]);
    }

    private static Network build(long version, Map<String, Network.NeedValues> needs) {
        Network.Builder b = Network.builder(version)
                .territory("d", "District", "DISTRICT", null, null, null)
                .category("a", "A", null)
                .category("a.x", "A x", "a")
                .category("a.y", "A y", "a")
                .category("b", "B", null)
                .cooperative("c1", "Coop", "A", "m1")
                .service("s1", "S1", "c1", 5, 1, List.of("a.x"), List.of("m1", "m2"))
                .service("s2", "S2", "c1", null, null, List.of("b"), List.of("d"));
        for (int i = 0; i < MUNICIPALITIES.length; i++) {
            b.territory(MUNICIPALITIES[i], "M" + i, "MUNICIPALITY", "d", 45.5 + i * 0.05, 8.9);
        }
        needs.values().forEach(n -> b.need(n.id(), n.category(), n.territory(), n.people(), n.urgency()));
        return b.build();
    }
}
