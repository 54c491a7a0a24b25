package it.snodo.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.snodo.engine.Network;
import it.snodo.network.TerritoryLevel;
import it.snodo.web.ApiException;
import it.snodo.web.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotIdsTest {

    private final Network n = Network.builder(1)
            .territory("d", "District", "DISTRICT", null, null, null)
            .territory("m", "Town", "MUNICIPALITY", "d", 45.0, 9.0)
            .category("a", "A", null)
            .category("b", "B", null)
            .cooperative("c", "Coop", "A", "m")
            .partner("p", "Partner", "ASSOCIATION", "m")
            .service("s", "Service", "c", null, null, List.of("a"), List.of("m"))
            .build();
    private final SnapshotIds ids = new SnapshotIds(n);

    @Test
    void answersTheIndexOfKnownIds() {
        assertEquals(n.category("b"), ids.category("b"));
        assertEquals(n.territory("d"), ids.territory("d"));
        assertEquals(n.territory("m"), ids.municipality("m", "territory", "no"));
        assertEquals(n.actor("p"), ids.actor("p"));
        assertEquals(n.actor("c"), ids.cooperative("c", "cooperative", "no"));
        assertEquals(n.service("s"), ids.findService("s").getAsInt());
        assertTrue(ids.findActor("s").isEmpty());
        assertArrayEquals(new int[] {n.category("b"), n.category("a")}, ids.categories(List.of("b", "a", "b"), "x"));
    }

    @Test
    void refusesUnknownIdsWith404() {
        assertEquals(
                "No category 'z'",
                assertThrows(ApiException.NotFound.class, () -> ids.category("z"))
                        .getMessage());
        assertEquals(
                "No territory 'z'",
                assertThrows(ApiException.NotFound.class, () -> ids.municipality("z", "territory", "no"))
                        .getMessage());
        assertEquals(
                "No cooperative or partner 'z'",
                assertThrows(ApiException.NotFound.class, () -> ids.actor("z")).getMessage());
        assertEquals(
                "No cooperative 'z'",
                assertThrows(ApiException.NotFound.class, () -> ids.cooperative("z", "cooperative", "no"))
                        .getMessage());
        ApiException.NotFound e =
                assertThrows(ApiException.NotFound.class, () -> ids.categories(List.of("a", "y", "z"), "categories"));
        assertEquals("Unknown categories: y, z", e.getMessage());
        assertEquals(
                List.of(
                        new Violation("categories[1]", "y", "is not a known category"),
                        new Violation("categories[2]", "z", "is not a known category")),
                e.errors());
    }

    @Test
    void refusesTheWrongKindWith400NamingTheField() {
        ApiException.InvalidInput e = assertThrows(
                ApiException.InvalidInput.class,
                () -> ids.municipality("d", "territory", "Referrals start from a municipality"));
        assertEquals("Referrals start from a municipality", e.getMessage());
        assertEquals(List.of(Violation.of("territory", "must be a municipality, 'd' is a DISTRICT")), e.errors());
        e = assertThrows(
                ApiException.InvalidInput.class,
                () -> ids.cooperative("p", "cooperative", "Synergies are suggested to cooperatives"));
        assertEquals(List.of(Violation.of("cooperative", "must be a cooperative, 'p' is a partner")), e.errors());
    }

    @Test
    void answersTheIdsNamesAndKindsOfIndexes() {
        assertEquals("m", ids.territoryId(n.territory("m")));
        assertEquals("Town", ids.territoryName(n.territory("m")));
        assertEquals("DISTRICT", ids.territoryLevel(n.territory("d")));
        assertArrayEquals(new int[] {n.territory("m")}, ids.territories(TerritoryLevel.MUNICIPALITY));
        assertEquals("b", ids.categoryCode(n.category("b")));
        assertEquals("B", ids.categoryName(n.category("b")));
        assertEquals(List.of("a", "b"), ids.categoryCodes());
        assertEquals(List.of("b", "a"), ids.categoryCodes(new int[] {n.category("b"), n.category("a")}));
        assertEquals("COOPERATIVE", ids.actorKind(n.actor("c")));
        assertEquals("PARTNER", ids.actorKind(n.actor("p")));
        assertEquals(List.of("p", "c"), ids.actorIds(List.of(n.actor("p"), n.actor("c"))));
    }

    @Test
    void putsTheNameOfEveryIdItAnswersInTheAnswersNames() {
        java.util.Map<String, String> names = new java.util.TreeMap<>();
        assertEquals(List.of("p", "c"), ids.actorIds(new int[] {n.actor("p"), n.actor("c")}, names));
        assertEquals("s", ids.serviceId(n.service("s"), names));
        assertEquals(java.util.Map.of("c", "Coop", "p", "Partner", "s", "Service"), names);
    }
}
