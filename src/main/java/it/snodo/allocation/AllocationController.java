package it.snodo.allocation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.engine.EngineSnapshot;
import it.snodo.engine.Network;
import it.snodo.snapshot.Snapshots;
import it.snodo.view.ConfidentialPlaces;
import it.snodo.view.HiddenPlaces;
import it.snodo.view.SnapshotIds;
import it.snodo.web.ApiException;
import it.snodo.web.PlainText;
import it.snodo.web.Violation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Can the free places absorb the needs: the optimal allocation of a category's needs. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "allocation")
class AllocationController {

    static final double MAX_KM = 500;

    private final Snapshots snapshots;

    AllocationController(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    /**
     * What to allocate.
     *
     * @param category the category: its needs and those of narrower ones
     * @param maxKm how far a need may go, 0 to 500 km (default 25)
     * @param territory the needs of this territory's municipalities only (all when absent)
     */
    @PlainText
    record AllocationQuery(@NotNull String category, Double maxKm, String territory) {}

    record AllocationAssignment(String need, String service, int people, double distanceKm) {}

    record AllocationUnplaced(String territory, String category, long people) {}

    record AllocationService(String service, int freePlaces, long used) {}

    record Allocation(
            long networkVersion,
            long demand,
            long placed,
            long weightedPlaced,
            double peopleKm,
            List<AllocationAssignment> assignments,
            List<AllocationUnplaced> unplaced,
            List<AllocationService> services,
            List<String> unknownCapacity) {}

    @PostMapping("/allocations")
    @Operation(
            summary = "Can the free places absorb the needs: the optimal allocation of a category's needs",
            description = "The needs of the category (or a narrower one) in the territory, weighted 4 HIGH, 2 MEDIUM or"
                    + " none, 1 LOW, placed in the known free places of the services that cover their category within"
                    + " maxKm: the most weight placed, then the fewest people-km (a minimum-cost flow). Nothing is"
                    + " written.")
    Allocation allocate(@Valid @RequestBody AllocationQuery query) {
        double maxKm = query.maxKm() == null ? 25 : query.maxKm();
        if (!(maxKm >= 0 && maxKm <= MAX_KM)) {
            throw new ApiException.InvalidInput(
                    "The allocation query is not valid",
                    List.of(Violation.of("maxKm", "must be between 0 and " + (int) MAX_KM)));
        }
        EngineSnapshot engine = snapshots.fresh();
        Network n = engine.network();
        SnapshotIds ids = new SnapshotIds(n);
        int category = ids.category(query.category());
        int territory = query.territory() == null ? -1 : ids.territory(query.territory());
        // A service the caller may not see placed takes part at the distance it is shown.
        HiddenPlaces places = ConfidentialPlaces.forCurrentCaller().hiddenIn(n);
        FlowAllocation.Result r =
                new FlowAllocation(n).allocate(new FlowAllocation.Query(category, maxKm, territory), shownBy(places));
        List<AllocationAssignment> assignments = new ArrayList<>(r.assignments().size());
        for (FlowAllocation.Assignment a : r.assignments()) {
            assignments.add(new AllocationAssignment(
                    ids.needId(a.need()), ids.serviceId(a.service()), a.people(), a.distanceKm()));
        }
        List<AllocationUnplaced> unplaced = new ArrayList<>(r.unplaced().size());
        for (FlowAllocation.Unplaced u : r.unplaced()) {
            unplaced.add(
                    new AllocationUnplaced(ids.territoryId(u.territory()), ids.categoryCode(u.category()), u.people()));
        }
        List<AllocationService> services = new ArrayList<>(r.services().size());
        for (FlowAllocation.ServiceUse s : r.services()) {
            services.add(new AllocationService(ids.serviceId(s.service()), s.freePlaces(), s.used()));
        }
        List<String> unknown = r.unknownCapacity().stream().map(ids::serviceId).toList();
        return new Allocation(
                n.version(),
                r.demand(),
                r.placed(),
                r.weightedPlaced(),
                r.peopleKm(),
                assignments,
                unplaced,
                services,
                unknown);
    }

    /** The distances of an allocation as the caller is shown them. */
    private static FlowAllocation.ShownDistance shownBy(HiddenPlaces places) {
        return new FlowAllocation.ShownDistance() {
            @Override
            public boolean hides(int service) {
                return places.hides(service);
            }

            @Override
            public double km(int service, double km) {
                return places.shownKm(service, km);
            }
        };
    }
}
