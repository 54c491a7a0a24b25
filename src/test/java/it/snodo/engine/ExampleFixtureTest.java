package it.snodo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine against the answers shared/examples says docs/design.md implies. */
class ExampleFixtureTest {

    private final Network network = ExampleNetwork.load();

    @Test
    void referralsAreTheExpectedServicesInTheExpectedOrder() {
        RingScanReferrals referrals = new RingScanReferrals(network);
        for (JsonNode c : ExampleNetwork.expected().get("referrals")) {
            JsonNode q = c.get("query");
            List<ReferralAlgorithm.Referral> found = referrals.referrals(new ReferralAlgorithm.Query(
                    network.category(q.get("category").asText()),
                    network.territory(q.get("territory").asText()),
                    q.get("k").asInt(),
                    q.get("maxKm").asDouble(),
                    q.get("includeFull").asBoolean()));
            List<String> ids = new ArrayList<>();
            found.forEach(r -> ids.add(network.serviceId(r.service())));
            List<String> expected = new ArrayList<>();
            c.get("services").forEach(s -> expected.add(s.get("id").asText()));
            assertThat(ids).as("%s", q).isEqualTo(expected);
            for (int i = 0; i < found.size(); i++) {
                assertThat(found.get(i).distanceKm())
                        .as("%s #%d", q, i)
                        .isCloseTo(
                                c.get("services").get(i).get("distanceKm").asDouble(),
                                org.assertj.core.data.Offset.offset(5e-5));
            }
        }
    }

    @Test
    void gapRowsAreTheExpectedOnes() {
        CoverageGaps gaps = new CoverageGaps(network);
        for (JsonNode c : ExampleNetwork.expected().get("gaps")) {
            String territory = c.get("territory").asText();
            List<String> rows = new ArrayList<>();
            for (GapAnalysis.Row r : gaps.rows(network.territory(territory))) {
                rows.add(String.join(
                        ",",
                        network.categoryCode(r.category()),
                        Long.toString(r.demand()),
                        Long.toString(r.supply()),
                        Boolean.toString(r.supplyKnown()),
                        Integer.toString(r.providers()),
                        r.state().name()));
            }
            List<String> expected = new ArrayList<>();
            c.get("rows")
                    .forEach(r -> expected.add(String.join(
                            ",",
                            r.get("category").asText(),
                            r.get("demand").asText(),
                            r.get("supply").asText(),
                            r.get("supplyKnown").asText(),
                            r.get("providers").asText(),
                            r.get("state").asText())));
            assertThat(rows).as(territory).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void whatIfLosesTheExpectedCoverageAndCutPoints() {
        RemovalWhatIf whatIf = new RemovalWhatIf(network);
        for (JsonNode c : ExampleNetwork.expected().get("whatIf")) {
            List<Integer> actors = new ArrayList<>();
            c.get("query").get("remove").forEach(id -> actors.add(network.actor(id.asText())));
            WhatIfAnalysis.Impact impact = whatIf.impact(new WhatIfAnalysis.Removal(
                    actors.stream().mapToInt(Integer::intValue).toArray(), new int[0], new int[0][]));
            List<String> lost = new ArrayList<>();
            impact.lostCoverage()
                    .forEach(l -> lost.add(network.territoryId(l.territory()) + "," + network.categoryCode(l.category())
                            + "," + l.people()));
            List<String> expected = new ArrayList<>();
            c.get("lostCoverage")
                    .forEach(l -> expected.add(l.get("territory").asText() + ","
                            + l.get("category").asText() + "," + l.get("people").asLong()));
            assertThat(lost).as("%s", c.get("query")).containsExactlyElementsOf(expected);
            List<String> points = new ArrayList<>();
            impact.newArticulationPoints().forEach(a -> points.add(network.actorId(a)));
            List<String> expectedPoints = new ArrayList<>();
            c.get("newArticulationPoints").forEach(a -> expectedPoints.add(a.asText()));
            assertThat(points).as("%s", c.get("query")).containsExactlyElementsOf(expectedPoints);
        }
    }

    @Test
    void connectionPathsHaveTheExpectedHops() {
        BoundedYenConnectionPaths paths = new BoundedYenConnectionPaths(network);
        for (JsonNode c : ExampleNetwork.expected().get("paths")) {
            JsonNode q = c.get("query");
            List<Integer> hops = new ArrayList<>();
            paths.paths(
                            network.actor(q.get("from").asText()),
                            network.actor(q.get("to").asText()),
                            q.get("k").asInt())
                    .forEach(p -> hops.add(p.hops()));
            List<Integer> expected = new ArrayList<>();
            c.get("hops").forEach(h -> expected.add(h.asInt()));
            assertThat(hops).as("%s", q).isEqualTo(expected);
        }
    }
}
