package it.snodo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The engine against the answers shared/examples says DESIGN.md implies. */
class ExampleFixtureTest {

    private final Network network = ExampleNetwork.load();

    @Test
    void referralsAreTheExpectedServicesInTheExpectedOrder() {
        RingScanReferrals referrals = new RingScanReferrals(network);
        for (JsonNode c : ExampleNetwork.expected().get("referrals")) {
            JsonNode q = c.get("query");
            List<ReferralAlgorithm.Referral> found = referrals.referrals(new ReferralAlgorithm.Query(
                    network.category(q.get("category").asText()), network.territory(q.get("territory").asText()),
                    q.get("k").asInt(), q.get("maxKm").asDouble(), q.get("includeFull").asBoolean()));
            List<String> ids = new ArrayList<>();
            found.forEach(r -> ids.add(network.serviceId(r.service())));
            List<String> expected = new ArrayList<>();
            c.get("services").forEach(s -> expected.add(s.get("id").asText()));
            assertThat(ids).as("%s", q).isEqualTo(expected);
            for (int i = 0; i < found.size(); i++) {
                assertThat(found.get(i).distanceKm()).as("%s #%d", q, i)
                        .isCloseTo(c.get("services").get(i).get("distanceKm").asDouble(),
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
                rows.add(String.join(",", network.categoryCode(r.category()), Long.toString(r.demand()),
                        Long.toString(r.supply()), Boolean.toString(r.supplyKnown()), Integer.toString(r.providers()),
                        r.state().name()));
            }
            List<String> expected = new ArrayList<>();
            c.get("rows").forEach(r -> expected.add(String.join(",", r.get("category").asText(),
                    r.get("demand").asText(), r.get("supply").asText(), r.get("supplyKnown").asText(),
                    r.get("providers").asText(), r.get("state").asText())));
            assertThat(rows).as(territory).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void connectionPathsHaveTheExpectedHops() {
        BoundedYenConnectionPaths paths = new BoundedYenConnectionPaths(network);
        for (JsonNode c : ExampleNetwork.expected().get("paths")) {
            JsonNode q = c.get("query");
            List<Integer> hops = new ArrayList<>();
            paths.paths(network.actor(q.get("from").asText()), network.actor(q.get("to").asText()), q.get("k").asInt())
                    .forEach(p -> hops.add(p.hops()));
            List<Integer> expected = new ArrayList<>();
            c.get("hops").forEach(h -> expected.add(h.asInt()));
            assertThat(hops).as("%s", q).isEqualTo(expected);
        }
    }
}
