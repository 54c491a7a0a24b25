package it.snodo.sharing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.engine.Geo;
import it.snodo.engine.Network;
import it.snodo.network.EntityKind;
import it.snodo.network.NetworkReader;
import it.snodo.network.PageOf;
import it.snodo.network.Skill;
import it.snodo.network.SkillOffer;
import it.snodo.network.SkillRequest;
import it.snodo.snapshot.Snapshots;
import it.snodo.web.ApiException;
import it.snodo.web.PlainText;
import it.snodo.web.Violation;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exchange of skills (docs/design.md, Skill matches): the hours the cooperatives request
 * matched to the hours the others offer near them, the most hours first, then the fewest hours · km.
 */
@RestController
@RequestMapping("/api/v1/skills")
@Tag(name = "skills and spaces")
class SkillExchangeController {

    static final double MAX_KM = 500;
    private static final int PAGE = 1000;

    private final Snapshots snapshots;
    private final NetworkReader reader;

    SkillExchangeController(Snapshots snapshots, NetworkReader reader) {
        this.snapshots = snapshots;
        this.reader = reader;
    }

    /**
     * What to exchange.
     *
     * @param maxKm how far apart a lender and a borrower may be, 0 to 500 km (default 50)
     * @param skill only the requests and offers of this skill or a narrower one (all when absent)
     */
    @PlainText
    record ExchangeQuery(Double maxKm, String skill) {}

    record ExchangeAssignment(String from, String to, String skill, int hoursPerWeek, double distanceKm) {}

    record ExchangeUnmatched(String cooperative, String skill, int hoursPerWeek) {}

    record Exchange(
            long networkVersion,
            long requestedHours,
            long matchedHours,
            double hoursKm,
            List<ExchangeAssignment> assignments,
            List<ExchangeUnmatched> unmatched) {}

    @PostMapping("/exchange")
    @Operation(
            summary = "The exchange of skills: the hours requested matched to the hours offered",
            description = "Each request of a cooperative (of the skill, or a narrower one, when one is given) may take"
                    + " hours from an offer of another cooperative of the request's skill or a narrower one, based"
                    + " within maxKm of it (the great-circle distance between the municipalities they are based in;"
                    + " unknown: never). The most hours matched, then the fewest hours · km (a minimum-cost flow)."
                    + " Nothing is written.")
    Exchange exchange(@Valid @RequestBody ExchangeQuery query) {
        double maxKm = query.maxKm() == null ? 50 : query.maxKm();
        String skill = query.skill();
        if (!(maxKm >= 0 && maxKm <= MAX_KM)) {
            throw new ApiException.InvalidInput(
                    "The skill exchange query is not valid",
                    List.of(Violation.of("maxKm", "must be between 0 and " + (int) MAX_KM)));
        }
        Network n = snapshots.fresh().network();
        if (skill != null && reader.get(EntityKind.SKILL, skill).isEmpty()) {
            throw new ApiException.NotFound("No skill '" + skill + "'");
        }
        Map<String, String> partOf = new HashMap<>();
        this.<Skill>each(EntityKind.SKILL, Map.of(), s -> partOf.put(s.code(), s.partOf()));
        Map<String, Object> filter = skill == null ? Map.of() : Map.of("skill", skill);
        List<SkillExchange.Hours> requests = new ArrayList<>();
        this.<SkillRequest>each(
                EntityKind.SKILL_REQUEST,
                filter,
                r -> requests.add(new SkillExchange.Hours(r.cooperative(), r.skill(), r.hoursPerWeek())));
        List<SkillExchange.Hours> offers = new ArrayList<>();
        this.<SkillOffer>each(
                EntityKind.SKILL_OFFER,
                filter,
                o -> offers.add(new SkillExchange.Hours(o.cooperative(), o.skill(), o.hoursPerWeek())));
        SkillExchange.Result r = SkillExchange.exchange(
                requests, offers, maxKm, (s, broader) -> within(partOf, s, broader), (a, b) -> distanceKm(n, a, b));
        // Distances shown to 4 decimals, as skill matches show them; hoursKm by the exact ones.
        return new Exchange(
                n.version(),
                r.requestedHours(),
                r.matchedHours(),
                r.hoursKm(),
                r.assignments().stream()
                        .map(a -> new ExchangeAssignment(
                                a.from(), a.to(), a.skill(), a.hoursPerWeek(), Math.round(a.distanceKm() * 1e4) / 1e4))
                        .toList(),
                r.unmatched().stream()
                        .map(u -> new ExchangeUnmatched(u.cooperative(), u.skill(), u.hoursPerWeek()))
                        .toList());
    }

    private <T> void each(EntityKind kind, Map<String, Object> filter, Consumer<T> row) {
        for (int p = 0; ; p++) {
            PageOf<T> page = reader.list(kind, filter, p, PAGE);
            page.content().forEach(row);
            if (p + 1 >= page.totalPages()) {
                break;
            }
        }
    }

    /** Whether {@code skill} is {@code broader} or narrower, by the tree of skills (cycles end it). */
    private static boolean within(Map<String, String> partOf, String skill, String broader) {
        String s = skill;
        for (int hops = 0; s != null && hops <= partOf.size(); hops++) {
            if (s.equals(broader)) {
                return true;
            }
            s = partOf.get(s);
        }
        return false;
    }

    /** The distance between two actors' bases, 0 when the same; null when either has none. */
    private static Double distanceKm(Network n, String a, String b) {
        if (!n.hasActor(a) || !n.hasActor(b)) {
            return null;
        }
        int from = n.actors().basedIn(n.actor(a));
        int to = n.actors().basedIn(n.actor(b));
        if (from < 0 || to < 0) {
            return null;
        }
        if (from == to) {
            return 0.0;
        }
        var t = n.territories();
        return Geo.distanceKm(t.lat(from), t.lon(from), t.lat(to), t.lon(to));
    }
}
