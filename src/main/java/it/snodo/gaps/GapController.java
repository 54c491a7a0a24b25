package it.snodo.gaps;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.engine.EngineSnapshot;
import it.snodo.engine.GapAnalysis;
import it.snodo.engine.Network;
import it.snodo.network.TerritoryLevel;
import it.snodo.sentreferral.ReferralOutcomes;
import it.snodo.snapshot.Snapshots;
import it.snodo.view.ConfidentialPlaces;
import it.snodo.view.HiddenPlaces;
import it.snodo.view.SnapshotIds;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Gap reports for one territory, and the gap matrix of every territory of a level. */
@RestController
@RequestMapping("/api/v1/gaps")
@Tag(name = "gaps")
class GapController {

    static final String CSV = "text/csv";

    private final Snapshots snapshots;
    private final ReferralOutcomes outcomes;

    GapController(Snapshots snapshots, ReferralOutcomes outcomes) {
        this.snapshots = snapshots;
        this.outcomes = outcomes;
    }

    record TerritoryRef(String id, String name, String level) {}

    /**
     * One category in the territory.
     *
     * @param services how many distinct services cover it there (docs/design.md, "Gaps")
     * @param declinedFull the people of referrals sent from there, of the category or a narrower
     *     one, declined as FULL in the 365 days before now
     */
    record GapRow(
            String category,
            String categoryName,
            long demand,
            long supply,
            boolean supplyKnown,
            int providers,
            int services,
            GapAnalysis.State state,
            long declinedFull) {}

    record GapReport(
            long networkVersion, TerritoryRef territory, List<GapRow> rows, Map<GapAnalysis.State, Integer> states) {}

    /**
     * Every territory of a level against every category.
     *
     * @param cells {@code cells[i][j]}: the state of category j in territory i, null when the
     *     category has neither demand nor a covering service there, nor people declined as FULL
     * @param declinedFull {@code declinedFull[i][j]}: the people declined as FULL as gap rows count them
     */
    record GapMatrix(
            long networkVersion,
            TerritoryLevel level,
            List<TerritoryRef> territories,
            List<String> categories,
            List<List<GapAnalysis.State>> cells,
            Map<GapAnalysis.State, Integer> states,
            List<List<Long>> declinedFull) {}

    @GetMapping(produces = "application/json")
    @Operation(
            summary = "What is missing in a territory, per category",
            description = "A municipality, or a larger territory summed over its municipalities. One row per category"
                    + " with demand or a covering service there; the state is UNCOVERED, UNDER, FRAGILE or COVERED,"
                    + " checked in that order. Ask with Accept: text/csv for a spreadsheet.")
    GapReport report(@RequestParam String territory) {
        EngineSnapshot engine = snapshots.fresh();
        Network n = engine.network();
        SnapshotIds ids = new SnapshotIds(engine.network());
        int t = ids.territory(territory);
        List<GapRow> rows = new ArrayList<>();
        Map<GapAnalysis.State, Integer> states = new EnumMap<>(GapAnalysis.State.class);
        HiddenPlaces places = ConfidentialPlaces.forCurrentCaller().hiddenIn(n);
        long[] declined = new DeclinedFull(n, outcomes.declinedFull()).of(t);
        for (GapAnalysis.Row r : withDeclinedFull(places.gapRows(engine.gaps(), t), declined)) {
            rows.add(new GapRow(
                    ids.categoryCode(r.category()),
                    ids.categoryName(r.category()),
                    r.demand(),
                    r.supply(),
                    r.supplyKnown(),
                    r.providers(),
                    r.services(),
                    r.state(),
                    declined[r.category()]));
            states.merge(r.state(), 1, Integer::sum);
        }
        return new GapReport(n.version(), ref(ids, t), rows, states);
    }

    @GetMapping(produces = CSV)
    ResponseEntity<String> reportCsv(@RequestParam String territory) {
        GapReport report = report(territory);
        StringBuilder csv = new StringBuilder(
                "territory,category,categoryName,demand,supply,supplyKnown,providers,services,state,declinedFull\r\n");
        for (GapRow r : report.rows()) {
            csv.append(Csv.row(
                    report.territory().id(),
                    r.category(),
                    r.categoryName(),
                    r.demand(),
                    r.supply(),
                    r.supplyKnown(),
                    r.providers(),
                    r.services(),
                    r.state(),
                    r.declinedFull()));
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"gaps-" + territory + ".csv\"")
                .header("Network-Version", Long.toString(report.networkVersion()))
                .header(HttpHeaders.CONTENT_TYPE, CSV + ";charset=UTF-8")
                .body(csv.toString());
    }

    @GetMapping(path = "/matrix", produces = "application/json")
    @Operation(
            summary = "The gap matrix: every territory of a level against every category",
            description = "For the planners' overview: each cell is the state of a category in a territory (null when"
                    + " it has neither demand nor a covering service there). Ask with Accept: text/csv for one row"
                    + " per territory and category.")
    GapMatrix matrix(@RequestParam(defaultValue = "DISTRICT") TerritoryLevel level) {
        EngineSnapshot engine = snapshots.fresh();
        Network n = engine.network();
        SnapshotIds ids = new SnapshotIds(engine.network());
        List<String> categories = ids.categoryCodes();
        List<TerritoryRef> territories = new ArrayList<>();
        List<List<GapAnalysis.State>> cells = new ArrayList<>();
        Map<GapAnalysis.State, Integer> states = new EnumMap<>(GapAnalysis.State.class);
        HiddenPlaces places = ConfidentialPlaces.forCurrentCaller().hiddenIn(n);
        DeclinedFull declinedFull = new DeclinedFull(n, outcomes.declinedFull());
        List<List<Long>> declinedCells = new ArrayList<>();
        for (int t : ids.territories(level)) {
            territories.add(ref(ids, t));
            GapAnalysis.State[] row = new GapAnalysis.State[categories.size()];
            long[] declined = declinedFull.of(t);
            for (GapAnalysis.Row r : withDeclinedFull(places.gapRows(engine.gaps(), t), declined)) {
                row[r.category()] = r.state();
                states.merge(r.state(), 1, Integer::sum);
            }
            cells.add(java.util.Arrays.asList(row));
            declinedCells.add(java.util.Arrays.stream(declined).boxed().toList());
        }
        return new GapMatrix(n.version(), level, territories, categories, cells, states, declinedCells);
    }

    @GetMapping(path = "/matrix", produces = CSV)
    ResponseEntity<String> matrixCsv(@RequestParam(defaultValue = "DISTRICT") TerritoryLevel level) {
        GapMatrix matrix = matrix(level);
        StringBuilder csv = new StringBuilder("territory,territoryName,category,state,declinedFull\r\n");
        // Every cell, the empty ones with an empty state: the CSV is the whole matrix, as the JSON is.
        for (int i = 0; i < matrix.territories().size(); i++) {
            for (int j = 0; j < matrix.categories().size(); j++) {
                csv.append(Csv.row(
                        matrix.territories().get(i).id(),
                        matrix.territories().get(i).name(),
                        matrix.categories().get(j),
                        matrix.cells().get(i).get(j),
                        matrix.declinedFull().get(i).get(j)));
            }
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"gaps-" + level + ".csv\"")
                .header("Network-Version", Long.toString(matrix.networkVersion()))
                .header(HttpHeaders.CONTENT_TYPE, CSV + ";charset=UTF-8")
                .body(csv.toString());
    }

    /**
     * The engine's rows, and a row for each category with people declined as FULL that has none:
     * no demand and no covering service there, so UNCOVERED — people were turned away for lack of
     * places and nothing there answers. In the order of the categories.
     */
    static List<GapAnalysis.Row> withDeclinedFull(List<GapAnalysis.Row> rows, long[] declined) {
        boolean[] has = new boolean[declined.length];
        rows.forEach(r -> has[r.category()] = true);
        List<GapAnalysis.Row> all = new ArrayList<>(rows);
        boolean added = false;
        for (int c = 0; c < declined.length; c++) {
            if (declined[c] > 0 && !has[c]) {
                all.add(new GapAnalysis.Row(c, 0, 0, true, 0, 0, GapAnalysis.State.UNCOVERED));
                added = true;
            }
        }
        if (added) {
            all.sort(java.util.Comparator.comparingInt(GapAnalysis.Row::category));
        }
        return all;
    }

    private static TerritoryRef ref(SnapshotIds ids, int t) {
        return new TerritoryRef(ids.territoryId(t), ids.territoryName(t), ids.territoryLevel(t));
    }

    /** RFC 4180 rows: fields with a comma, a quote or a line break are quoted. */
    static final class Csv {

        private Csv() {}

        static String row(Object... fields) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                String text = fields[i] == null ? "" : fields[i].toString();
                // A leading =, +, - or @ would be a formula to a spreadsheet.
                if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(fields[i] instanceof Number)) {
                    text = "'" + text;
                }
                if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                    text = '"' + text.replace("\"", "\"\"") + '"';
                }
                sb.append(text);
            }
            return sb.append("\r\n").toString();
        }
    }
}
