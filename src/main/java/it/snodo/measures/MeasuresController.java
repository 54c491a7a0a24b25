package it.snodo.measures;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.engine.EngineSnapshot;
import it.snodo.engine.FragilityAnalysis.Fragility;
import it.snodo.engine.Network;
import it.snodo.engine.NetworkMeasures.Measures;
import it.snodo.engine.WhatIfAnalysis;
import it.snodo.snapshot.Snapshots;
import it.snodo.view.ConfidentialPlaces;
import it.snodo.view.HiddenPlaces;
import it.snodo.view.SnapshotIds;
import it.snodo.web.ApiException;
import it.snodo.web.PlainText;
import it.snodo.web.Violation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Fragility, network measures and what-if, over the tie graph and the coverage of needs. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "fragility and measures")
class MeasuresController {

    private final Snapshots snapshots;

    MeasuresController(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    record FragilityAnswer(
            long networkVersion,
            List<String> articulationPoints,
            List<List<String>> bridges,
            List<List<String>> components,
            List<String> isolated,
            Map<String, String> names) {}

    record Broker(String id, String name, double betweenness) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MeasuresAnswer(
            long networkVersion,
            String territory,
            int actors,
            int ties,
            double density,
            int components,
            double degreeCentralization,
            List<Broker> brokers,
            List<List<String>> communities,
            double modularity,
            double multiplexity,
            Map<Integer, Integer> multiplexityCounts,
            Map<String, Double> betweenness) {}

    @GetMapping("/fragility")
    @Operation(
            summary = "Where the tie graph would break",
            description = "Articulation points (actors whose loss splits their part of the network) and bridges (ties"
                    + " whose loss does), the connected parts of two or more actors, and the actors without ties."
                    + " Ids are sorted; names gives each one's name.")
    FragilityAnswer fragility() {
        EngineSnapshot engine = snapshots.fresh();
        SnapshotIds ids = new SnapshotIds(engine.network());
        Fragility f = engine.fragility();
        Map<String, String> names = new TreeMap<>();
        List<String> points = ids.actorIds(f.articulationPoints(), names);
        List<List<String>> bridges = new ArrayList<>();
        for (int[] b : f.bridges()) {
            bridges.add(ids.actorIds(b, names));
        }
        List<List<String>> components = new ArrayList<>();
        for (List<Integer> c : f.components()) {
            components.add(ids.actorIds(c, names));
        }
        return new FragilityAnswer(
                engine.network().version(), points, bridges, components, ids.actorIds(f.isolated(), names), names);
    }

    @GetMapping("/network/measures")
    @Operation(
            summary = "Measures of the tie graph, for the whole network or the actors based in a territory",
            description = "Density 2E/(N(N−1)); components (an isolated actor counts as one); Freeman degree"
                    + " centralization; betweenness normalised to [0, 1] (the centre of a star scores 1), whose top"
                    + " actors are the brokers; Louvain communities with the modularity of that partition; multiplexity"
                    + " (tie kinds per tied pair). Computed once per network version.")
    MeasuresAnswer measures(@RequestParam(required = false) String territory) {
        EngineSnapshot engine = snapshots.fresh();
        Network n = engine.network();
        SnapshotIds ids = new SnapshotIds(engine.network());
        int t = territory == null ? -1 : ids.territory(territory);
        HiddenPlaces places = ConfidentialPlaces.forCurrentCaller().hiddenIn(n);
        boolean withoutConfidential = places.measuresWithoutConfidential(t);
        int[] scope = withoutConfidential ? engine.scopeWithoutConfidential(t) : engine.scope(t);
        Measures m = withoutConfidential ? engine.measuresWithoutConfidential(t) : engine.measures(t);
        Map<String, Double> betweenness = new LinkedHashMap<>();
        for (int i = 0; i < m.actors(); i++) {
            betweenness.put(ids.actorId(scope[i]), m.betweenness()[i]);
        }
        List<Broker> brokers = new ArrayList<>();
        for (int a : m.brokers()) {
            brokers.add(new Broker(ids.actorId(a), ids.actorName(a), betweenness.get(ids.actorId(a))));
        }
        List<List<String>> communities = new ArrayList<>();
        for (List<Integer> c : m.communities()) {
            communities.add(ids.actorIds(c));
        }
        return new MeasuresAnswer(
                n.version(),
                territory,
                m.actors(),
                m.ties(),
                m.density(),
                m.components(),
                m.degreeCentralization(),
                brokers,
                communities,
                m.modularity(),
                m.multiplexity(),
                m.multiplexityCounts(),
                betweenness);
    }

    /**
     * What to take away, by id.
     *
     * @param remove cooperatives or partners (with their services), or services
     * @param removeTies pairs of actors: every tie between each pair
     */
    @PlainText
    record WhatIfRequest(
            @Size(max = 10_000) List<@NotNull String> remove,
            @Size(max = 10_000) List<@NotNull @Size(min = 2, max = 2) List<@NotNull String>> removeTies) {}

    record Lost(String territory, String territoryName, String category, long people) {}

    record WhatIfAnswer(
            long networkVersion,
            List<Lost> lostCoverage,
            long peopleLosingTheirLastAnswer,
            List<String> newArticulationPoints,
            Map<String, String> names) {}

    @PostMapping("/what-if")
    @Operation(
            summary = "What the network would lose without some actors, services or ties; nothing is written",
            description = "The needs that would lose their last answer, grouped by municipality and category with their"
                    + " people, and the actors that would become articulation points of the tie graph.")
    WhatIfAnswer whatIf(@Valid @RequestBody WhatIfRequest request) {
        EngineSnapshot engine = snapshots.fresh();
        Network n = engine.network();
        SnapshotIds ids = new SnapshotIds(engine.network());
        List<Integer> actors = new ArrayList<>();
        List<Integer> services = new ArrayList<>();
        List<Violation> unknown = new ArrayList<>();
        List<String> remove = request.remove() == null ? List.of() : request.remove();
        for (int i = 0; i < remove.size(); i++) {
            String id = remove.get(i);
            java.util.OptionalInt actor = ids.findActor(id);
            java.util.OptionalInt service = ids.findService(id);
            if (actor.isPresent()) {
                actors.add(actor.getAsInt());
            } else if (service.isPresent()) {
                services.add(service.getAsInt());
            } else {
                unknown.add(new Violation("remove[" + i + "]", id, "is not a cooperative, partner or service"));
            }
        }
        List<List<String>> pairs = request.removeTies() == null ? List.of() : request.removeTies();
        int[][] ties = new int[pairs.size()][];
        for (int i = 0; i < pairs.size(); i++) {
            int[] pair = new int[2];
            for (int j = 0; j < 2; j++) {
                String id = pairs.get(i).get(j);
                java.util.OptionalInt actor = ids.findActor(id);
                if (actor.isPresent()) {
                    pair[j] = actor.getAsInt();
                } else {
                    unknown.add(
                            new Violation("removeTies[" + i + "][" + j + "]", id, "is not a cooperative or partner"));
                }
            }
            ties[i] = pair;
        }
        if (!unknown.isEmpty()) {
            throw new ApiException.NotFound(
                    unknown.size() + " of the ids to remove name nothing: "
                            + String.join(
                                    ", ", unknown.stream().map(Violation::id).toList()),
                    unknown);
        }
        HiddenPlaces places = ConfidentialPlaces.forCurrentCaller().hiddenIn(n);
        WhatIfAnalysis.Impact impact = places.whatIf(
                engine.whatIf(),
                new WhatIfAnalysis.Removal(
                        actors.stream().mapToInt(Integer::intValue).toArray(),
                        services.stream().mapToInt(Integer::intValue).toArray(),
                        ties));
        List<Lost> lost = new ArrayList<>();
        long people = 0;
        for (WhatIfAnalysis.LostCoverage l : impact.lostCoverage()) {
            lost.add(new Lost(
                    ids.territoryId(l.territory()),
                    ids.territoryName(l.territory()),
                    ids.categoryCode(l.category()),
                    l.people()));
            people += l.people();
        }
        Map<String, String> names = new TreeMap<>();
        return new WhatIfAnswer(n.version(), lost, people, ids.actorIds(impact.newArticulationPoints(), names), names);
    }
}
