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
import it.snodo.network.SkillOffer;
import it.snodo.snapshot.Snapshots;
import it.snodo.view.SnapshotIds;
import it.snodo.web.ApiException;
import it.snodo.web.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
@RequestMapping("/api/v1/skills")
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

    @GetMapping("/matches")
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
        // Hours a week offered by each cooperative of the skill or a narrower one.
        Map<String, Integer> hours = new TreeMap<>();
        for (int p = 0; ; p++) {
            PageOf<SkillOffer> page = reader.list(EntityKind.SKILL_OFFER, Map.of("skill", skill), p, PAGE);
            page.content().forEach(o -> hours.merge(o.cooperative(), o.hoursPerWeek(), Integer::sum));
            if (p + 1 >= page.totalPages()) {
                break;
            }
        }
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
        // Ranked by the exact distance, shown to 4 decimals (a tenth of a metre is no information).
        return new SkillMatches(
                n.version(),
                found.subList(0, Math.min(k, found.size())).stream()
                        .map(m -> new SkillMatch(
                                m.cooperative(),
                                m.skill(),
                                m.hoursPerWeek(),
                                Math.round(m.distanceKm() * 1e4) / 1e4,
                                m.tieHops(),
                                m.path()))
                        .toList());
    }

    private static double distanceKm(Network n, int from, int to) {
        var t = n.territories();
        return Geo.distanceKm(t.lat(from), t.lon(from), t.lat(to), t.lon(to));
    }

    private static MatchPath path(SnapshotIds ids, ConnectionPath p) {
        return new MatchPath(p.hops(), ids.actorIds(p.actors()), p.ties(), Math.round(p.strength() * 1e9) / 1e9);
    }
}
