package it.snodo.synergy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.engine.EngineSnapshot;
import it.snodo.engine.IntegratedAnswerAlgorithm;
import it.snodo.engine.Network;
import it.snodo.engine.SynergyAlgorithm;
import it.snodo.snapshot.Snapshots;
import it.snodo.view.ConfidentialPlaces;
import it.snodo.view.HiddenPlaces;
import it.snodo.view.SnapshotIds;
import it.snodo.web.ApiException;
import it.snodo.web.Caller;
import it.snodo.web.PlainText;
import it.snodo.web.Violation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Synergy suggestions between cooperatives, and integrated answers to a bundle of needs. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "synergies and integrated answers")
class SynergyController {

    static final int MAX_LIMIT = 100;
    static final int MAX_CATEGORIES = 12;
    static final double MAX_KM = 500;

    private final Snapshots snapshots;

    SynergyController(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    record Reason(String kind, String detail, double value) {}

    record Suggestion(String cooperative, String name, double score, List<Reason> reasons) {}

    record Suggestions(long networkVersion, String cooperative, List<Suggestion> suggestions) {}

    record PairAnswer(String a, String b, double score, List<Reason> reasons) {}

    record TopPairs(long networkVersion, List<PairAnswer> pairs, Map<String, String> names) {}

    @GetMapping("/synergies")
    @Operation(
            summary = "Cooperatives that A should work with, and why",
            description =
                    "Other cooperatives A is not tied to, scored by complementarity (pairs of a shared municipality"
                            + " and a category one covers and the other does not, where that category answers an open gap,"
                            + " UNCOVERED or UNDER), plus 2 × the Jaccard share of the municipalities they serve, plus the"
                            + " Adamic–Adar closeness of their common tie neighbours. Each suggestion lists its reasons and the"
                            + " numbers behind them.")
    Suggestions synergies(@RequestParam String cooperative, @RequestParam(defaultValue = "10") int limit) {
        checkLimit(limit);
        Caller.requireOwner(cooperative, "the synergies of '" + cooperative + "'", "cooperative");
        EngineSnapshot engine = snapshots.fresh();
        Network n = engine.network();
        SnapshotIds ids = new SnapshotIds(engine.network());
        int a = ids.cooperative(cooperative, "cooperative", "Synergies are suggested to cooperatives");
        HiddenPlaces places = ConfidentialPlaces.forCurrentCaller().hiddenIn(n);
        List<SynergyAlgorithm.Suggestion> found = places.suggestions(engine.synergies(), a, limit);
        List<Suggestion> suggestions = new ArrayList<>();
        for (SynergyAlgorithm.Suggestion s : found) {
            suggestions.add(new Suggestion(
                    ids.actorId(s.cooperative()), ids.actorName(s.cooperative()), s.score(), reasons(s.reasons())));
        }
        return new Suggestions(n.version(), cooperative, suggestions);
    }

    @GetMapping("/synergies/top")
    @Operation(summary = "The best pairs of cooperatives across the whole network, each pair once")
    TopPairs top(@RequestParam(defaultValue = "50") int limit) {
        // Every pair with every place counted: for those who see every place (the URL rules say so too).
        ConfidentialPlaces.forCurrentCaller().requireSeesAll("ask for the best pairs of the whole network");
        checkLimit(limit);
        EngineSnapshot engine = snapshots.fresh();
        SnapshotIds ids = new SnapshotIds(engine.network());
        List<PairAnswer> pairs = new ArrayList<>();
        Map<String, String> names = new TreeMap<>();
        for (SynergyAlgorithm.Pair p : engine.topSynergies(limit)) {
            pairs.add(new PairAnswer(
                    ids.actorId(p.a(), names), ids.actorId(p.b(), names), p.score(), reasons(p.reasons())));
        }
        return new TopPairs(engine.network().version(), pairs, names);
    }

    private static List<Reason> reasons(List<SynergyAlgorithm.Reason> reasons) {
        return reasons.stream()
                .map(r -> new Reason(r.kind(), r.detail(), r.value()))
                .toList();
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiException.InvalidInput(
                    "The limit is not valid", List.of(Violation.of("limit", "must be between 1 and " + MAX_LIMIT)));
        }
    }

    /**
     * A bundle of needs to answer together.
     *
     * @param territory the municipality
     * @param categories 1 to 12 categories
     * @param maxKm how far a service may be, 0 to 500 km (default 25)
     */
    @PlainText
    record IntegratedQuery(
            @NotNull String territory, @NotNull @NotEmpty List<@NotNull String> categories, Double maxKm) {}

    record Assignment(String category, String service, String provider, double distanceKm) {}

    record IntegratedAnswer(
            long networkVersion,
            List<String> providers,
            List<Assignment> assignments,
            List<String> uncovered,
            int newTiesNeeded,
            double totalDistanceKm,
            Map<String, String> names) {}

    @PostMapping("/integrated-answers")
    @Operation(
            summary = "The smallest set of providers that together answer a bundle of needs",
            description = "Providers whose services within maxKm of the municipality cover every category that can be"
                    + " covered; among sets of equal size, the one needing the fewest new ties (tie-graph components of"
                    + " its providers, minus one), then the shortest total distance. Exact, for up to 12 categories.")
    IntegratedAnswer integratedAnswer(@Valid @RequestBody IntegratedQuery query) {
        List<Violation> errors = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>(query.categories());
        if (codes.size() > MAX_CATEGORIES) {
            errors.add(Violation.of("categories", "must be at most " + MAX_CATEGORIES + " distinct categories"));
        }
        double maxKm = query.maxKm() == null ? 25 : query.maxKm();
        if (!(maxKm >= 0 && maxKm <= MAX_KM)) {
            errors.add(Violation.of("maxKm", "must be between 0 and " + (int) MAX_KM));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.InvalidInput("The integrated-answer query is not valid", errors);
        }
        EngineSnapshot engine = snapshots.fresh();
        Network n = engine.network();
        SnapshotIds ids = new SnapshotIds(engine.network());
        int m = ids.municipality(query.territory(), "territory", "An integrated answer starts from a municipality");
        int[] categories = ids.categories(query.categories(), "categories");
        HiddenPlaces places = ConfidentialPlaces.forCurrentCaller().hiddenIn(n);
        IntegratedAnswerAlgorithm.Answer answer =
                places.integratedAnswer(engine.integratedAnswers(), m, categories, maxKm);
        Map<String, String> names = new TreeMap<>();
        List<String> providers = ids.actorIds(answer.providers(), names);
        List<Assignment> assignments = new ArrayList<>();
        for (IntegratedAnswerAlgorithm.Assignment a : answer.assignments()) {
            assignments.add(new Assignment(
                    ids.categoryCode(a.category()),
                    ids.serviceId(a.service(), names),
                    ids.actorId(a.provider()),
                    a.distanceKm()));
        }
        return new IntegratedAnswer(
                n.version(),
                providers,
                assignments,
                ids.categoryCodes(answer.uncovered()),
                answer.newTiesNeeded(),
                answer.totalDistanceKm(),
                names);
    }
}
