package it.snodo.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.snodo.engine.Network;
import it.snodo.network.Partner;
import it.snodo.network.PartnerKind;
import it.snodo.network.Service;
import it.snodo.web.Caller;
import it.snodo.web.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfidentialPlacesTest {

    private static final ConfidentialPlaces OUTSIDE = ConfidentialPlaces.of(Optional.empty());
    private static final ConfidentialPlaces PLANNER = of(Role.PLANNER, null);
    private static final ConfidentialPlaces RUNS_IT = of(Role.COOPERATIVE, "c1");
    private static final ConfidentialPlaces OTHER = of(Role.COOPERATIVE, "c2");
    private static final ConfidentialPlaces READER = of(Role.READER, null);

    private static ConfidentialPlaces of(Role role, String cooperative) {
        return ConfidentialPlaces.of(Optional.of(new Caller("k", role, cooperative)));
    }

    /** A shelter run by c1, another by a confidential partner, and an open service of c2. */
    private final Network n = Network.builder(1)
            .territory("m", "Town", "MUNICIPALITY", null, 45.0, 9.0)
            .category("a", "A", null)
            .cooperative("c1", "One", "A", "m")
            .cooperative("c2", "Two", "A", "m")
            .partner("p", "Partner", "ASSOCIATION", "m")
            .service("s1", "Shelter", "c1", null, null, List.of("a"), List.of("m"))
            .service("s2", "Open", "c2", null, null, List.of("a"), List.of("m"))
            .service("s3", "Refuge", "p", null, null, List.of("a"), List.of("m"))
            .confidential("s1")
            .confidential("p")
            .build();

    @Test
    void plannersAndCodeOutsideARequestSeeEveryPlace() {
        for (ConfidentialPlaces all : List.of(OUTSIDE, PLANNER)) {
            assertTrue(all.seesAll());
            assertTrue(all.seesWhere("c1"));
            assertNull(all.shownTo());
            assertFalse(all.hiddenIn(n).any());
        }
    }

    @Test
    void aCooperativeSeesWhereItsOwnPlacesAre() {
        assertFalse(RUNS_IT.seesAll());
        assertTrue(RUNS_IT.seesWhere("c1"));
        assertFalse(RUNS_IT.seesWhere("p"));
        assertEquals("c1", RUNS_IT.shownTo());
        HiddenPlaces hidden = RUNS_IT.hiddenIn(n);
        assertEquals(1, hidden.count());
        assertTrue(hidden.hides(n.service("s3")));
        assertFalse(hidden.hides(n.service("s1")));
    }

    @Test
    void othersSeeNoConfidentialPlace() {
        assertFalse(OTHER.seesWhere("c1"));
        assertFalse(READER.seesWhere(null));
        assertEquals("", READER.shownTo());
        HiddenPlaces hidden = READER.hiddenIn(n);
        assertEquals(2, hidden.count());
        assertFalse(hidden.hides(n.service("s2")));
        assertEquals(5, hidden.shownKm(n.service("s1"), 0.3), 1e-9);
        assertEquals(15, hidden.shownKm(n.service("s3"), 10.01), 1e-9);
        assertEquals(10.01, hidden.shownKm(n.service("s2"), 10.01), 1e-9);
    }

    @Test
    void masksServicesAndPartnersOfOthers() {
        Service shelter = new Service("s1", "Shelter", "c1", List.of("a"), List.of("m"), 3, 1, true);
        Service refuge = new Service("s3", "Refuge", "p", List.of("a"), List.of("m"), null, null, null);
        assertSame(shelter, RUNS_IT.shown(shelter, Set.of("p")));
        assertEquals(List.of(), OTHER.shown(shelter, Set.of("p")).territories());
        assertEquals(List.of(), RUNS_IT.shown(refuge, Set.of("p")).territories());
        assertEquals(true, RUNS_IT.shown(refuge, Set.of("p")).confidential());
        Partner partner = new Partner("p", "Partner", PartnerKind.ASSOCIATION, "m", true);
        assertNull(RUNS_IT.shown(partner).basedIn());
        assertSame(partner, PLANNER.shown(partner));
    }
}
