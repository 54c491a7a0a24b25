package it.snodo.sharing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.engine.ConnectionPathAlgorithm.ConnectionPath;
import it.snodo.engine.EngineSnapshot;
import it.snodo.engine.Geo;
import it.snodo.engine.Network;
import it.snodo.network.EntityKind;
import it.snodo.network.NetworkReader;
import it.snodo.network.PageOf;
import it.snodo.network.Skill;
import it.snodo.network.SkillOffer;
import it.snodo.network.SkillRequest;
import it.snodo.snapshot.Snapshots;
import it.snodo.view.SnapshotIds;
import it.snodo.web.ApiException;
import it.snodo.web.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who could lend a cooperative a skill (docs/design.md, Skill matches): the other cooperatives that
 * offer it or a narrower one, based near it, nearest first, each with the path of ties that could
 * introduce them.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "skills and spaces")
class SkillMatchController {

    static final int MAX_K = 100;
    static final double MAX_KM = 500;
    private static final int PAGE = 1000;

    private final Snapshots snapshots;
    private final NetworkReader reader;

    SkillMatchController(Snapshots snapshots, NetworkReader reader) {
        this.snapshots = snapshots;
        this.reader = reader;
    }

    record Ref(String id, String name) {}

    record MatchPath(int hops, List<String> actors, List<String> ties, double strength) {}

    record SkillMatch(
            Ref cooperative, String skill, int hoursPerWeek, double distanceKm, Integer tieHops, MatchPath path) {}

    record SkillMatches(long networkVersion, List<SkillMatch> matches) {}

    /** A request another cooperative made, and the lender's row among the matches of that request. */
    record Lend(SkillRequest request, SkillMatch match) {}

    record Lends(long networkVersion, List<Lend> lends) {}

    @GetMapping("/skills/matches")
    @Operation(
            summary = "Who could lend a cooperative a skill: the cooperatives offering it near it",
            description = "One row per other cooperative that offers the skill or a narrower one (hours a week summed"
                    + " over those offers), based within maxKm of the cooperative (the great-circle distance between"
                    + " the municipalities they are based in), by distance, then fewest tie hops from the cooperative"
                    + " (not connected last), then most hours, then id; the first k. Each carries its shortest path"
                    + " of ties from the cooperative, as /paths with k = 1 gives it, or null.")
    SkillMatches matches(
            @RequestParam String cooperative,
            @RequestParam String skill,
            @RequestParam(defaultValue = "50") double maxKm,
            @RequestParam(defaultValue = "10") int k) {
        List<Violation> errors = new ArrayList<>();
        if (k < 1 || k > MAX_K) {
            errors.add(Violation.of("k", "must be between 1 and " + MAX_K));
        }
        if (!(maxKm >= 0 && maxKm <= MAX_KM)) {
            errors.add(Violation.of("maxKm", "must be between 0 and " + (int) MAX_KM));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.InvalidInput("The skill match query is not valid", errors);
        }
        EngineSnapshot engine = snapshots.fresh();
        Network n = engine.network();
        SnapshotIds ids = new SnapshotIds(n);
        int a = ids.cooperative(cooperative, "cooperative", "Skill matches are for a cooperative");
        if (reader.get(EntityKind.SKILL, skill).isEmpty()) {
            throw new ApiException.NotFound("No skill '" + skill + "'");
        }
        List<SkillMatch> found = ranked(engine, ids, a, skill, maxKm, offered(skill));
        return new SkillMatches(
                n.version(),
                found.subList(0, Math.min(k, found.size())).stream()
                        .map(SkillMatchController::shown)
                        .toList());
    }

    @GetMapping("/skill-requests/lendable")
    @Operation(
            summary = "Whom a cooperative could lend to: the other cooperatives' requests whose matches name it",
            description = "Each request of another cooperative whose skill is the skill of an offer of the cooperative"
                    + " or a broader one, kept when the matches of that request (as /skills/matches gives them, with"
                    + " maxKm and k = " + MAX_K + ") name the cooperative; with the cooperative's row among them."
                    + " By the requesting cooperative's id, then skill. PLANNER and COOPERATIVE keys: it shows the"
                    + " requests.")
    Lends lendable(@RequestParam String cooperative, @RequestParam(defaultValue = "50") double maxKm) {
        if (!(maxKm >= 0 && maxKm <= MAX_KM)) {
            throw new ApiException.InvalidInput(
                    "The lendable query is not valid",
                    List.of(Violation.of("maxKm", "must be between 0 and " + (int) MAX_KM)));
        }
        EngineSnapshot engine = snapshots.fresh();
        Network n = engine.network();
        SnapshotIds ids = new SnapshotIds(n);
        int lender = ids.cooperative(cooperative, "cooperative", "Lending is for a cooperative");
        // The skills its offers answer: each offered skill and every broader one.
        Map<String, String> broader = new HashMap<>();
        this.<Skill>each(EntityKind.SKILL, Map.of(), s -> broader.put(s.code(), s.partOf()));
        Set<String> answered = new HashSet<>();
        this.<SkillOffer>each(EntityKind.SKILL_OFFER, Map.of("cooperative", cooperative), o -> {
            String code = o.skill();
            while (code != null && answered.add(code)) {
                code = broader.get(code);
            }
        });
        List<SkillRequest> requests = new ArrayList<>();
        if (!answered.isEmpty()) {
            this.<SkillRequest>each(EntityKind.SKILL_REQUEST, Map.of(), r -> {
                if (!r.cooperative().equals(cooperative) && answered.contains(r.skill())) {
                    requests.add(r);
                }
            });
        }
        requests.sort(Comparator.comparing(SkillRequest::cooperative).thenComparing(SkillRequest::skill));
        Map<String, Map<String, Integer>> offers = new HashMap<>();
        List<Lend> lends = new ArrayList<>();
        for (SkillRequest r : requests) {
            if (!n.hasActor(r.cooperative())) {
                continue;
            }
            List<SkillMatch> found = ranked(
                    engine,
                    ids,
                    n.actor(r.cooperative()),
                    r.skill(),
                    maxKm,
                    offers.computeIfAbsent(r.skill(), this::offered));
            for (int i = 0; i < Math.min(MAX_K, found.size()); i++) {
                if (n.actor(found.get(i).cooperative().id()) == lender) {
                    lends.add(new Lend(r, shown(found.get(i))));
                    break;
                }
            }
        }
        return new Lends(n.version(), lends);
    }

    /** Hours a week offered by each cooperative of the skill or a narrower one, by cooperative. */
    private Map<String, Integer> offered(String skill) {
        Map<String, Integer> hours = new TreeMap<>();
        this.<SkillOffer>each(
                EntityKind.SKILL_OFFER,
                Map.of("skill", skill),
                o -> hours.merge(o.cooperative(), o.hoursPerWeek(), Integer::sum));
        return hours;
    }

    /** Every row of a kind the filters pass, page by page. */
    private <T> void each(EntityKind kind, Map<String, Object> filters, Consumer<T> row) {
        for (int p = 0; ; p++) {
            PageOf<T> page = reader.list(kind, filters, p, PAGE);
            page.content().forEach(row);
            if (p + 1 >= page.totalPages()) {
                break;
            }
        }
    }

    /**
     * The matches of cooperative {@code a} and a skill, every one of them in their order: by distance,
     * then fewest tie hops (not connected last), then most hours, then id.
     */
    private static List<SkillMatch> ranked(
            EngineSnapshot engine, SnapshotIds ids, int a, String skill, double maxKm, Map<String, Integer> hours) {
        Network n = engine.network();
        String cooperative = n.actorId(a);
        int home = n.actors().basedIn(a);
        List<SkillMatch> found = new ArrayList<>();
        if (home >= 0) {
            hours.forEach((id, h) -> {
                if (id.equals(cooperative) || !n.hasActor(id)) {
                    return;
                }
                int b = n.actor(id);
                int base = n.actors().basedIn(b);
                if (base < 0) {
                    return;
                }
                double km = base == home ? 0 : distanceKm(n, home, base);
                if (km > maxKm) {
                    return;
                }
                List<ConnectionPath> paths = engine.paths().paths(a, b, 1);
                MatchPath path = paths.isEmpty() ? null : path(ids, paths.get(0));
                found.add(new SkillMatch(
                        new Ref(id, ids.actorName(b)), skill, h, km, path == null ? null : path.hops(), path));
            });
        }
        found.sort(Comparator.comparingDouble(SkillMatch::distanceKm)
                .thenComparing(SkillMatch::tieHops, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(SkillMatch::hoursPerWeek, Comparator.reverseOrder())
                .thenComparing(m -> m.cooperative().id()));
        return found;
    }

    /** Ranked by the exact distance, shown to 4 decimals (a tenth of a metre is no information). */
    private static SkillMatch shown(SkillMatch m) {
        return new SkillMatch(
                m.cooperative(),
                m.skill(),
                m.hoursPerWeek(),
                Math.round(m.distanceKm() * 1e4) / 1e4,
                m.tieHops(),
                m.path());
    }

    private static double distanceKm(Network n, int from, int to) {
        var t = n.territories();
        return Geo.distanceKm(t.lat(from), t.lon(from), t.lat(to), t.lon(to));
    }

    private static MatchPath path(SnapshotIds ids, ConnectionPath p) {
        return new MatchPath(p.hops(), ids.actorIds(p.actors()), p.ties(), Math.round(p.strength() * 1e9) / 1e9);
    }
}
