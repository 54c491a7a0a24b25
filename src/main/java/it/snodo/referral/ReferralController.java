package it.snodo.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.engine.ConnectionPathAlgorithm.ConnectionPath;
import it.snodo.engine.EngineSnapshot;
import it.snodo.engine.Network;
import it.snodo.engine.ReferralAlgorithm;
import it.snodo.engine.ReferralAlgorithm.Referral;
import it.snodo.snapshot.Snapshots;
import it.snodo.view.ConfidentialPlaces;
import it.snodo.view.HiddenPlaces;
import it.snodo.view.SnapshotIds;
import it.snodo.web.ApiException;
import it.snodo.web.Violation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Referrals ("where do I send this need?") and connection paths ("who can introduce us?"). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "referrals and paths")
class ReferralController {

    static final int MAX_K = 100;
    static final double MAX_KM = 500;
    static final int MAX_PATHS = 20;

    private final Snapshots snapshots;

    ReferralController(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** A reference to an entity in an answer. */
    record Ref(String id, String name) {}

    /**
     * One step of a referral's explanation.
     *
     * @param kind a territory's level, SERVICE, COOPERATIVE or PARTNER
     * @param tie for an actor after the provider, the kind of the tie that joins it to the step before
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Step(String id, String kind, String name, String tie) {}

    record ReferralAnswer(
            Ref service,
            Ref provider,
            double distanceKm,
            Integer freePlaces,
            double cost,
            Integer tieHops,
            List<Step> path) {}

    record Referrals(long networkVersion, List<ReferralAnswer> referrals) {}

    record PathAnswer(int hops, List<String> actors, List<String> ties, double strength) {}

    record Paths(long networkVersion, List<PathAnswer> paths) {}

    @GetMapping("/referrals")
    @Operation(
            summary = "Where to send a need: services covering a category near a municipality",
            description = "Services that cover the category (or a descendant) and are available within maxKm"
                    + " of the municipality, ranked by distance, then free places (unknown last), then id. Full"
                    + " services are left out unless includeFull. Each referral carries the path that explains it"
                    + " and its cost: distanceKm plus one per tie hop from the consortium or the municipality's"
                    + " social services to the provider (plus 10 when no tie leads there).")
    Referrals referrals(
            @RequestParam String category,
            @RequestParam String territory,
            @RequestParam(defaultValue = "10") int k,
            @RequestParam(defaultValue = "25") double maxKm,
            @RequestParam(defaultValue = "false") boolean includeFull) {
        List<Violation> errors = new ArrayList<>();
        if (k < 1 || k > MAX_K) {
            errors.add(Violation.of("k", "must be between 1 and " + MAX_K));
        }
        if (!(maxKm >= 0 && maxKm <= MAX_KM)) {
            errors.add(Violation.of("maxKm", "must be between 0 and " + (int) MAX_KM));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.InvalidInput("The referral query is not valid", errors);
        }
        EngineSnapshot engine = snapshots.fresh();
        Network n = engine.network();
        SnapshotIds ids = new SnapshotIds(engine.network());
        int c = ids.category(category);
        int m = ids.municipality(territory, "territory", "Referrals start from a municipality");
        // The caller's list is ranked, cut at maxKm and shown by the distances it may see.
        HiddenPlaces places = ConfidentialPlaces.forCurrentCaller().hiddenIn(n);
        List<Referral> found =
                places.referrals(engine.referrals(), new ReferralAlgorithm.Query(c, m, k, maxKm, includeFull));
        List<ReferralAnswer> answers = new ArrayList<>(found.size());
        for (Referral r : found) {
            answers.add(answer(ids, n, m, r, !places.hides(r.service())));
        }
        return new Referrals(n.version(), answers);
    }

    /**
     * A referral's answer. A place the caller may not see placed is listed, with its provider, but
     * with no territory in its path.
     */
    private static ReferralAnswer answer(SnapshotIds ids, Network n, int municipality, Referral r, boolean placed) {
        List<Step> path = new ArrayList<>();
        if (placed) {
            path.add(territory(ids, municipality));
            if (r.nearestMunicipality() != municipality) {
                path.add(territory(ids, r.nearestMunicipality()));
            }
            if (r.availableIn() != r.nearestMunicipality()) {
                path.add(territory(ids, r.availableIn()));
            }
        }
        path.add(new Step(ids.serviceId(r.service()), "SERVICE", ids.serviceName(r.service()), null));
        int provider = n.provider(r.service());
        path.add(actor(ids, provider, null));
        for (int i = 1; i < r.route().length; i++) {
            path.add(actor(ids, r.route()[i], r.routeTies().get(i - 1)));
        }
        return new ReferralAnswer(
                new Ref(ids.serviceId(r.service()), ids.serviceName(r.service())),
                new Ref(ids.actorId(provider), ids.actorName(provider)),
                r.distanceKm(),
                r.freePlaces(),
                r.cost(),
                r.tieHops(),
                path);
    }

    private static Step territory(SnapshotIds ids, int t) {
        return new Step(ids.territoryId(t), ids.territoryLevel(t), ids.territoryName(t), null);
    }

    private static Step actor(SnapshotIds ids, int a, String tie) {
        return new Step(ids.actorId(a), ids.actorKind(a), ids.actorName(a), tie);
    }

    @GetMapping("/paths")
    @Operation(
            summary = "Who can introduce whom: the k shortest loopless paths between two actors",
            description = "Over the tie graph (undirected; several ties between a pair are one edge): fewest hops"
                    + " first, then strongest ties. No path when the two are not connected.")
    Paths paths(@RequestParam String from, @RequestParam String to, @RequestParam(defaultValue = "3") int k) {
        if (k < 1 || k > MAX_PATHS) {
            throw new ApiException.InvalidInput(
                    "The path query is not valid", List.of(Violation.of("k", "must be between 1 and " + MAX_PATHS)));
        }
        EngineSnapshot engine = snapshots.fresh();
        SnapshotIds ids = new SnapshotIds(engine.network());
        int source = ids.actor(from);
        int target = ids.actor(to);
        List<PathAnswer> answers = new ArrayList<>();
        for (ConnectionPath p : engine.paths().paths(source, target, k)) {
            answers.add(
                    new PathAnswer(p.hops(), ids.actorIds(p.actors()), p.ties(), Math.round(p.strength() * 1e9) / 1e9));
        }
        return new Paths(engine.network().version(), answers);
    }
}
