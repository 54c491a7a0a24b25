package it.snodo.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.snodo.network.Category;
import it.snodo.network.Cooperative;
import it.snodo.network.CooperativeType;
import it.snodo.network.Need;
import it.snodo.network.NetworkDocument;
import it.snodo.network.Partner;
import it.snodo.network.PartnerKind;
import it.snodo.network.Service;
import it.snodo.network.Territory;
import it.snodo.network.TerritoryLevel;
import it.snodo.network.Tie;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The demo network: deterministic, whole (every reference resolves) and with its planted gaps. */
class DemoNetworkTest {

    private static final String ID = "[A-Za-z0-9._-]{1,100}";
    private static final String ABBIATENSE = "ambito-abbiatense";
    private static final String GARBAGNATESE = "ambito-garbagnatese";
    private static final String RHODENSE = "ambito-rhodense";

    private final NetworkDocument doc = DemoNetwork.build();
    private final Map<String, Territory> territories = index(doc.territories(), Territory::id);
    private final Map<String, Category> categories = index(doc.categories(), Category::code);
    private final Map<String, Cooperative> cooperatives = index(doc.cooperatives(), Cooperative::id);
    private final Map<String, Partner> partners = index(doc.partners(), Partner::id);

    @Test
    void buildIsDeterministic() {
        assertEquals(doc, DemoNetwork.build());
        assertEquals(doc.toString(), DemoNetwork.build().toString());
    }

    @Test
    void countsAreInTheirRanges() {
        assertEquals(67, count(TerritoryLevel.MUNICIPALITY));
        assertEquals(5, count(TerritoryLevel.DISTRICT));
        assertEquals(1, count(TerritoryLevel.PROVINCE));
        assertEquals(1, count(TerritoryLevel.REGION));
        assertEquals(
                7, doc.categories().stream().filter(c -> c.partOf() == null).count());
        assertEquals(84, doc.categories().size());
        assertBetween(20, 30, doc.cooperatives().size(), "cooperatives");
        assertEquals(
                1,
                doc.cooperatives().stream()
                        .filter(c -> c.type() == CooperativeType.CONSORTIUM)
                        .count());
        assertBetween(15, 25, doc.partners().size(), "partners");
        assertBetween(70, 90, doc.services().size(), "services");
        assertBetween(100, 140, doc.needs().size(), "needs");
        assertBetween(50, 70, doc.ties().size(), "ties");
        assertEquals(17, doc.skills().size());
        assertEquals(10, doc.skillOffers().size());
        assertEquals(8, doc.skillRequests().size());
        assertEquals(9, doc.spaces().size());
    }

    @Test
    void territoriesFollowTheDataFile() {
        Territory rho = territories.get("015182");
        assertEquals("Rho", rho.name());
        assertEquals(RHODENSE, rho.partOf());
        assertEquals("ambito-alto-milanese", territories.get("015118").partOf(), "Legnano");
        assertEquals("ambito-alto-milanese", territories.get("015062").partOf(), "Castano Primo");
        assertEquals(
                22,
                doc.territories().stream()
                        .filter(t -> "ambito-alto-milanese".equals(t.partOf()))
                        .count());
        for (Territory district : doc.territories()) {
            if (district.level() != TerritoryLevel.DISTRICT) {
                continue;
            }
            assertEquals("cm-milano", district.partOf());
            long sum = doc.territories().stream()
                    .filter(t -> district.id().equals(t.partOf()))
                    .mapToLong(Territory::population)
                    .sum();
            assertEquals(sum, district.population(), district.id());
            assertEquals(district.lat() == null, district.lon() == null, district.id());
        }
        assertEquals("lombardia", territories.get("cm-milano").partOf());
        assertNull(territories.get("lombardia").partOf());
    }

    @Test
    void idsAreValidAndUniqueAcrossTheNetwork() {
        Set<String> shared = new HashSet<>();
        Stream.of(
                        doc.territories().stream().map(Territory::id),
                        doc.cooperatives().stream().map(Cooperative::id),
                        doc.partners().stream().map(Partner::id),
                        doc.services().stream().map(Service::id),
                        doc.needs().stream().map(Need::id))
                .flatMap(s -> s)
                .forEach(id -> {
                    assertTrue(id.matches(ID), id);
                    assertTrue(shared.add(id), "defined twice: " + id);
                });
        Set<String> codes = new HashSet<>();
        doc.categories().forEach(c -> {
            assertTrue(c.code().matches(ID), c.code());
            assertTrue(codes.add(c.code()), "defined twice: " + c.code());
        });
        Set<String> ties = new HashSet<>();
        doc.ties().forEach(t -> assertTrue(ties.add(t.from() + ":" + t.kind() + ":" + t.to()), "tie twice: " + t));
    }

    @Test
    void everyReferenceResolves() {
        for (Territory t : doc.territories()) {
            assertName(t.name());
            if (t.level() == TerritoryLevel.MUNICIPALITY) {
                assertNotNull(t.lat(), t.id());
                assertNotNull(t.lon(), t.id());
                assertNotNull(t.population(), t.id());
            }
            if (t.partOf() == null) {
                assertEquals(TerritoryLevel.REGION, t.level(), t.id());
            } else {
                Territory parent = territories.get(t.partOf());
                assertNotNull(parent, t.id() + " part of " + t.partOf());
                assertTrue(t.level().canBePartOf(parent.level()), t.id() + " part of " + parent.id());
            }
        }
        for (Category c : doc.categories()) {
            assertName(c.name());
            assertName(c.nameEn());
            if (c.partOf() != null) {
                assertNotNull(categories.get(c.partOf()), c.code());
                assertNull(categories.get(c.partOf()).partOf(), "two levels only: " + c.code());
            }
        }
        for (Cooperative c : doc.cooperatives()) {
            assertName(c.name());
            assertNull(c.fiscalCode(), c.id());
            assertMunicipality(c.basedIn(), c.id());
            if (c.memberOf() != null) {
                assertEquals(
                        CooperativeType.CONSORTIUM,
                        cooperatives.get(c.memberOf()).type(),
                        c.id());
            }
        }
        for (Partner p : doc.partners()) {
            assertName(p.name());
            assertMunicipality(p.basedIn(), p.id());
        }
        for (Service s : doc.services()) {
            assertName(s.name());
            assertTrue(cooperatives.containsKey(s.provider()) || partners.containsKey(s.provider()), s.id());
            assertFalse(s.categories().isEmpty(), s.id());
            assertFalse(s.territories().isEmpty(), s.id());
            s.categories().forEach(c -> assertNotNull(categories.get(c), s.id() + " addresses " + c));
            s.territories().forEach(t -> assertNotNull(territories.get(t), s.id() + " in " + t));
        }
        for (Need n : doc.needs()) {
            assertMunicipality(n.territory(), n.id());
            assertNotNull(categories.get(n.category()), n.id());
            assertNotNull(categories.get(n.category()).partOf(), "a need is of a leaf category: " + n.id());
        }
        for (Tie t : doc.ties()) {
            assertTrue(isActor(t.from()), t.toString());
            assertTrue(isActor(t.to()), t.toString());
            assertFalse(t.from().equals(t.to()), t.toString());
        }
    }

    @Test
    void valuesFollowTheModelsRules() {
        assertTrue(doc.cooperatives().stream()
                .filter(c -> c.type() != CooperativeType.CONSORTIUM)
                .map(Cooperative::type)
                .collect(Collectors.toSet())
                .containsAll(Set.of(CooperativeType.A, CooperativeType.B, CooperativeType.MIXED)));
        assertTrue(
                doc.cooperatives().stream()
                        .anyMatch(c -> c.type() != CooperativeType.CONSORTIUM && c.memberOf() == null),
                "some cooperatives are not members");
        assertTrue(doc.partners().stream()
                .map(Partner::kind)
                .collect(Collectors.toSet())
                .containsAll(Set.of(
                        PartnerKind.MUNICIPALITY,
                        PartnerKind.HEALTH_AGENCY,
                        PartnerKind.ASSOCIATION,
                        PartnerKind.VOLUNTEER_GROUP,
                        PartnerKind.FOUNDATION,
                        PartnerKind.SCHOOL,
                        PartnerKind.UNION,
                        PartnerKind.COMPANY)));
        for (Service s : doc.services()) {
            assertTrue(s.capacity() == null || s.capacity() >= 0, s.id());
            assertTrue(s.occupied() == null || s.occupied() >= 0, s.id());
        }
        assertTrue(doc.services().stream().anyMatch(s -> s.capacity() == null), "some capacity unknown");
        assertTrue(
                doc.services().stream().anyMatch(s -> s.capacity() != null && s.occupied() == null),
                "some occupancy unknown");
        assertTrue(
                doc.services().stream()
                        .anyMatch(s -> s.capacity() != null && s.occupied() != null && s.occupied() >= s.capacity()),
                "some full");
        for (Need n : doc.needs()) {
            assertTrue(n.people() >= 1 && n.people() <= 60, n.id());
            assertNotNull(n.urgency(), n.id());
            assertTrue(
                    !n.recordedAt().isBefore(LocalDate.of(2025, 1, 1))
                            && n.recordedAt().isBefore(LocalDate.of(2027, 1, 1)),
                    n.id());
            assertTrue(n.source() == null || n.source().matches("sportello-welfare-[a-z-]+"), n.id());
            assertTrue(n.id().matches("need-\\d{3}"), n.id());
        }
        for (Tie t : doc.ties()) {
            assertTrue(t.since().matches("\\d{4}"), t.toString());
            int year = Integer.parseInt(t.since());
            assertTrue(year >= 2008 && year <= 2025, t.toString());
            assertTrue(t.strength() >= 0.1 && t.strength() <= 1.0, t.toString());
            assertEquals(Math.round(t.strength() * 100) / 100.0, t.strength(), 1e-12, t.toString());
        }
    }

    // ------------------------------------------------------------------ planted gaps

    @Test
    void abbiatenseHasAddictionNeedsButNoAddictionService() {
        List<Need> addictions = doc.needs().stream()
                .filter(n -> isIn(n.territory(), ABBIATENSE) && isUnder(n.category(), "dipendenze"))
                .toList();
        assertFalse(addictions.isEmpty(), "addiction needs in the Abbiatense");
        for (Need n : addictions) {
            for (Service s : doc.services()) {
                assertFalse(
                        coversCategory(s, n.category()) && coversMunicipality(s, n.territory()),
                        s.id() + " covers " + n.id());
            }
        }
        // Stronger: nothing about addictions is available anywhere in the Abbiatense.
        for (Service s : doc.services()) {
            boolean addiction = s.categories().stream().anyMatch(c -> isUnder(c, "dipendenze"));
            boolean there = municipalitiesOf(ABBIATENSE).stream().anyMatch(m -> coversMunicipality(s, m));
            assertFalse(addiction && there, s.id());
        }
        assertEquals("UNCOVERED", gapState(ABBIATENSE, "dipendenze.strutture_semiresidenziali"));
    }

    @Test
    void rhodenseTemporaryHousingIsUnderSupplied() {
        assertEquals("UNDER", gapState(RHODENSE, "poverta_disagio_adulti.strutture_residenziali"));
    }

    @Test
    void garbagnateseDisabilityDayCentresHangOnOneCooperative() {
        assertEquals("FRAGILE", gapState(GARBAGNATESE, "disabili.strutture_semiresidenziali"));
    }

    // ------------------------------------------------------------------ the tie graph

    @Test
    void tieGraphIsOneMainComponentWithABridgeAPairAndAnIsolatedCooperative() {
        Map<String, Set<String>> graph = new HashMap<>();
        doc.cooperatives().forEach(c -> graph.put(c.id(), new LinkedHashSet<>()));
        doc.partners().forEach(p -> graph.put(p.id(), new LinkedHashSet<>()));
        doc.ties().forEach(t -> {
            graph.get(t.from()).add(t.to());
            graph.get(t.to()).add(t.from());
        });
        List<Set<String>> components = components(graph);
        Set<String> main = components.stream()
                .filter(c -> c.contains(DemoNetwork.CONSORTIUM))
                .findFirst()
                .orElseThrow();
        assertTrue(main.size() >= graph.size() - 4, "most actors are in the consortium's component");
        List<Set<String>> isolated =
                components.stream().filter(c -> c.size() == 1).toList();
        assertTrue(
                isolated.stream()
                        .anyMatch(c -> cooperatives.containsKey(c.iterator().next())),
                "an isolated cooperative");
        assertTrue(components.stream().anyMatch(c -> c.size() == 2), "a separate pair");

        List<List<String>> bridges = new ArrayList<>();
        for (String a : graph.keySet()) {
            for (String b : graph.get(a)) {
                if (a.compareTo(b) < 0 && !connectedWithout(graph, a, b)) {
                    bridges.add(List.of(a, b));
                }
            }
        }
        assertTrue(bridges.contains(List.of("comune-abbiategrasso", DemoNetwork.CONSORTIUM)), bridges.toString());
    }

    // ------------------------------------------------------------------ helpers

    private static <T> Map<String, T> index(List<T> rows, Function<T, String> key) {
        Map<String, T> map = new HashMap<>();
        rows.forEach(r -> map.put(key.apply(r), r));
        return map;
    }

    private long count(TerritoryLevel level) {
        return doc.territories().stream().filter(t -> t.level() == level).count();
    }

    private static void assertBetween(int min, int max, int actual, String what) {
        assertTrue(actual >= min && actual <= max, what + ": " + actual + " not in [" + min + ", " + max + "]");
    }

    private static void assertName(String name) {
        assertNotNull(name);
        assertFalse(name.isBlank());
        assertTrue(name.length() <= 200, name);
    }

    private void assertMunicipality(String id, String of) {
        assertNotNull(territories.get(id), of + ": unknown territory " + id);
        assertEquals(TerritoryLevel.MUNICIPALITY, territories.get(id).level(), of);
    }

    private boolean isActor(String id) {
        return cooperatives.containsKey(id) || partners.containsKey(id);
    }

    /** The territory itself and every territory it is part of. */
    private Set<String> upFrom(String territory) {
        Set<String> chain = new LinkedHashSet<>();
        for (String t = territory; t != null; t = territories.get(t).partOf()) {
            chain.add(t);
        }
        return chain;
    }

    private boolean isIn(String municipality, String territory) {
        return upFrom(municipality).contains(territory);
    }

    /** True when {@code code} is {@code ancestor} or one of its descendants. */
    private boolean isUnder(String code, String ancestor) {
        for (String c = code; c != null; c = categories.get(c).partOf()) {
            if (c.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private boolean coversCategory(Service s, String category) {
        return s.categories().stream().anyMatch(c -> isUnder(c, category));
    }

    private boolean coversMunicipality(Service s, String municipality) {
        Set<String> up = upFrom(municipality);
        return s.territories().stream().anyMatch(up::contains);
    }

    private List<String> municipalitiesOf(String territory) {
        return doc.territories().stream()
                .filter(t -> t.level() == TerritoryLevel.MUNICIPALITY)
                .map(Territory::id)
                .filter(m -> isIn(m, territory))
                .toList();
    }

    /** The gap state of a category in a territory, as docs/design.md defines it. */
    private String gapState(String territory, String category) {
        List<String> municipalities = municipalitiesOf(territory);
        int demand = doc.needs().stream()
                .filter(n -> municipalities.contains(n.territory()) && isUnder(n.category(), category))
                .mapToInt(Need::people)
                .sum();
        List<Service> covering = doc.services().stream()
                .filter(s ->
                        coversCategory(s, category) && municipalities.stream().anyMatch(m -> coversMunicipality(s, m)))
                .toList();
        boolean supplyKnown = covering.stream().allMatch(s -> s.capacity() != null);
        int supply = covering.stream()
                .filter(s -> s.capacity() != null)
                .mapToInt(s -> s.capacity() - (s.occupied() == null ? 0 : s.occupied()))
                .sum();
        long providers = covering.stream().map(Service::provider).distinct().count();
        if (demand > 0 && covering.isEmpty()) {
            return "UNCOVERED";
        }
        if (supplyKnown && supply < demand) {
            return "UNDER";
        }
        if (providers == 1) {
            return "FRAGILE";
        }
        return "COVERED";
    }

    private static List<Set<String>> components(Map<String, Set<String>> graph) {
        List<Set<String>> components = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String start : graph.keySet()) {
            if (seen.add(start)) {
                Set<String> component = new HashSet<>();
                Deque<String> queue = new ArrayDeque<>(List.of(start));
                while (!queue.isEmpty()) {
                    String a = queue.poll();
                    component.add(a);
                    for (String b : graph.get(a)) {
                        if (seen.add(b)) {
                            queue.add(b);
                        }
                    }
                }
                components.add(component);
            }
        }
        return components;
    }

    /** True when a and b stay connected once their direct edge is removed. */
    private static boolean connectedWithout(Map<String, Set<String>> graph, String a, String b) {
        Set<String> seen = new HashSet<>(List.of(a));
        Deque<String> queue = new ArrayDeque<>(List.of(a));
        while (!queue.isEmpty()) {
            String x = queue.poll();
            for (String y : graph.get(x)) {
                if (x.equals(a) && y.equals(b)) {
                    continue;
                }
                if (y.equals(b)) {
                    return true;
                }
                if (seen.add(y)) {
                    queue.add(y);
                }
            }
        }
        return false;
    }
}
