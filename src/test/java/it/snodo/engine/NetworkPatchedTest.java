package it.snodo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Patching a snapshot's services gives exactly the snapshot built from the patched rows. */
class NetworkPatchedTest {

    private static final String[] TERRITORIES = {"m1", "m2", "m3", "m4", "d"};
    private static final String[] CATEGORIES = {"a", "a.x", "a.y", "b"};
    private static final String[] PROVIDERS = {"c1", "c2", "p1"};

    @Test
    void randomServicePatchesEqualAFreshBuild() {
        Random random = new Random(17);
        for (int round = 0; round < 200; round++) {
            Map<String, Network.ServiceValues> services = new TreeMap<>();
            for (int i = 0; i < random.nextInt(20); i++) {
                Network.ServiceValues s = randomService("s" + random.nextInt(40), random);
                services.put(s.id(), s);
            }
            Network before = build(1, services);

            List<Network.ServiceValues> written = new ArrayList<>();
            for (int i = 0; i < random.nextInt(5); i++) {
                written.add(randomService("s" + random.nextInt(40), random));
            }
            Set<String> writtenIds = new HashSet<>();
            written.forEach(s -> writtenIds.add(s.id()));
            List<String> deleted = new ArrayList<>();
            for (int i = 0; i < random.nextInt(4); i++) {
                String id = "s" + random.nextInt(40);
                if (!writtenIds.contains(id)) {
                    deleted.add(id);
                }
            }
            Network patched = before.patched(2, new Network.Patch(List.of(), List.of(), written, deleted));

            deleted.forEach(services::remove);
            written.forEach(s -> services.put(s.id(), s));
            Network expected = build(2, services);

            assertThat(patched.version()).isEqualTo(2);
            assertThat(describe(patched)).isEqualTo(describe(expected));
            for (int m = 0; m < expected.territoryCount(); m++) {
                int t = m;
                assertThat(IntStream.range(0, patched.services().availableCountIn(t))
                                .map(i -> patched.services().availableIn(t, i))
                                .toArray())
                        .isEqualTo(IntStream.range(0, expected.services().availableCountIn(t))
                                .map(i -> expected.services().availableIn(t, i))
                                .toArray());
                if (expected.isMunicipality(t)) {
                    assertThat(patched.services().within(t, 30))
                            .isEqualTo(expected.services().within(t, 30));
                    for (int c = 0; c < expected.categoryCount(); c++) {
                        var query = new ReferralAlgorithm.Query(c, t, 10, 30, random.nextBoolean());
                        assertThat(new RingScanReferrals(patched).referrals(query))
                                .usingRecursiveFieldByFieldElementComparator()
                                .isEqualTo(new RingScanReferrals(expected).referrals(query));
                    }
                }
                assertThat(new CoverageGaps(patched).rows(t)).isEqualTo(new CoverageGaps(expected).rows(t));
            }
            assertThat(patched.confidentialServices()).isEqualTo(expected.confidentialServices());
            // The rest is shared, not copied.
            assertThat(patched.needs()).isSameAs(before.needs());
            assertThat(patched.actors()).isSameAs(before.actors());
            assertThat(patched.tieGraph()).isSameAs(before.tieGraph());
        }
    }

    @Test
    void aPatchOfNothingTheSnapshotHoldsKeepsEveryPart() {
        Network before = build(1, Map.of());
        Network after = before.patched(2, new Network.Patch(List.of(), List.of(), List.of(), List.of()));
        assertThat(after.version()).isEqualTo(2);
        assertThat(after.services()).isSameAs(before.services());
        assertThat(after.needs()).isSameAs(before.needs());

        EngineSnapshot engine = EngineSnapshot.of(before);
        EngineSnapshot same = engine.patched(2, new Network.Patch(List.of(), List.of(), List.of(), List.of()));
        assertThat(same.version()).isEqualTo(2);
        assertThat(same.referrals()).isSameAs(engine.referrals());
        assertThat(same.gaps()).isSameAs(engine.gaps());
        assertThat(same.synergies()).isSameAs(engine.synergies());

        EngineSnapshot withService = engine.patched(
                3, new Network.Patch(List.of(), List.of(), List.of(randomService("s9", new Random(1))), List.of()));
        assertThat(withService.network().hasService("s9")).isTrue();
        assertThat(withService.referrals()).isNotSameAs(engine.referrals());
        assertThat(withService.gaps()).isNotSameAs(engine.gaps());
        assertThat(withService.paths()).isSameAs(engine.paths());
    }

    @Test
    void aServiceNamingAnUnknownProviderCategoryOrTerritoryIsRefused() {
        Network n = build(1, Map.of());
        for (Network.ServiceValues bad : List.of(
                new Network.ServiceValues("x", "X", "nobody", 1, 0, List.of("a"), List.of("m1"), false),
                new Network.ServiceValues("x", "X", "c1", 1, 0, List.of("zz"), List.of("m1"), false),
                new Network.ServiceValues("x", "X", "c1", 1, 0, List.of("a"), List.of("m9"), false))) {
            assertThatThrownBy(() -> n.patched(2, new Network.Patch(List.of(), List.of(), List.of(bad), List.of())))
                    .isInstanceOf(UnknownEntity.class);
        }
    }

    /** Every value of every service, in index order. */
    private static List<String> describe(Network n) {
        Services s = n.services();
        return IntStream.range(0, n.serviceCount())
                .mapToObj(i -> String.join(
                        "|",
                        s.id(i),
                        s.name(i),
                        n.actorId(s.provider(i)),
                        String.valueOf(s.capacity(i)),
                        String.valueOf(s.occupied(i)),
                        String.valueOf(s.isConfidential(i)),
                        IntStream.range(0, s.categoryCountOf(i))
                                .mapToObj(k -> n.categoryCode(s.categoryOf(i, k)))
                                .toList()
                                .toString(),
                        IntStream.range(0, s.territoryCountOf(i))
                                .mapToObj(k -> n.territoryId(s.territoryOf(i, k)))
                                .toList()
                                .toString()))
                .toList();
    }

    private static Network.ServiceValues randomService(String id, Random random) {
        List<String> categories = new ArrayList<>(Set.of(CATEGORIES[random.nextInt(CATEGORIES.length)]));
        if (random.nextBoolean()) {
            categories.add("b");
        }
        Set<String> territories = new HashSet<>();
        for (int i = 0; i <= random.nextInt(3); i++) {
            territories.add(TERRITORIES[random.nextInt(TERRITORIES.length)]);
        }
        Integer capacity = random.nextInt(4) == 0 ? null : random.nextInt(10);
        Integer occupied = capacity == null || random.nextBoolean() ? null : random.nextInt(capacity + 1);
        return new Network.ServiceValues(
                id,
                "Service " + id,
                PROVIDERS[random.nextInt(PROVIDERS.length)],
                capacity,
                occupied,
                categories.stream().distinct().sorted().toList(),
                territories.stream().sorted().toList(),
                random.nextInt(5) == 0);
    }

    private static Network build(long version, Map<String, Network.ServiceValues> services) {
        Network.Builder b = Network.builder(version)
                .territory("d", "District", "DISTRICT", null, null, null)
                .category("a", "A", null)
                .category("a.x", "A x", "a")
                .category("a.y", "A y", "a")
                .category("b", "B", null)
                .cooperative("c1", "Coop", "A", "m1")
                .cooperative("c2", "Coop 2", "B", "m3")
                .partner("p1", "Shelter", "ASSOCIATION", "m2")
                .confidential("p1")
                .need("n1", "a.x", "m1", 5)
                .need("n2", "b", "m4", 3);
        for (int i = 0; i < 4; i++) {
            b.territory("m" + (i + 1), "M" + i, "MUNICIPALITY", "d", 45.5 + i * 0.05, 8.9);
        }
        services.values().forEach(s -> {
            b.service(s.id(), s.name(), s.provider(), s.capacity(), s.occupied(), s.categories(), s.territories());
            if (s.confidential()) {
                b.confidential(s.id());
            }
        });
        return b.build();
    }
}
