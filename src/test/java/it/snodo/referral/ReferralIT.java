package it.snodo.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.snodo.SnodoIT;
import it.snodo.engine.EngineSnapshot;
import it.snodo.snapshot.Snapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Referrals and connection paths over HTTP, on the real database with the worked example. */
class ReferralIT extends SnodoIT {

    @Autowired
    private Snapshots snapshots;

    @BeforeEach
    void loadExample() {
        importOk(example());
    }

    @Test
    void referralsFollowTheWorkedExample() {
        for (JsonNode c : resource("/examples/example-network.expected.json").get("referrals")) {
            JsonNode q = c.get("query");
            ResponseEntity<JsonNode> response =
                    get("/api/v1/referrals?category=" + q.get("category").asText()
                            + "&territory=" + q.get("territory").asText() + "&k="
                            + q.get("k").asInt() + "&maxKm="
                            + q.get("maxKm").asDouble() + "&includeFull="
                            + q.get("includeFull").asBoolean());
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            List<String> ids = new ArrayList<>();
            response.getBody()
                    .get("referrals")
                    .forEach(r -> ids.add(r.get("service").get("id").asText()));
            List<String> expected = new ArrayList<>();
            c.get("services").forEach(s -> expected.add(s.get("id").asText()));
            assertThat(ids).as("%s", q).isEqualTo(expected);
            assertThat(response.getBody().get("networkVersion").asLong()).isEqualTo(store.version());
        }
    }

    @Test
    void aServiceWriteIsInTheSnapshotWhenItReturnsWithoutARebuild() {
        String asked = "/api/v1/referrals?category=ex-anziani.sportello&territory=ex015164&k=3&maxKm=10";
        EngineSnapshot engine = snapshots.fresh();
        JsonNode service = get("/api/v1/services/ex-svc-0023").getBody();
        Map<String, Object> changed = mapper.convertValue(service, Map.class);
        changed.put("occupied", service.get("capacity").asInt() - 2);

        ResponseEntity<JsonNode> replaced = put("/api/v1/services/ex-svc-0023", changed);
        assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
        long version = Long.parseLong(replaced.getHeaders().getFirst("Network-Version"));
        // Patched on the writer's thread: current already, and sharing what reads no services
        // (a rebuild from the database would have made new connection paths too).
        EngineSnapshot patched = snapshots.current();
        assertThat(patched.version()).isEqualTo(version);
        assertThat(patched.paths()).isSameAs(engine.paths());
        assertThat(patched.referrals()).isNotSameAs(engine.referrals());
        JsonNode after = get(asked).getBody().get("referrals");
        JsonNode referred = null;
        for (JsonNode r : after) {
            referred = r.get("service").get("id").asText().equals("ex-svc-0023") ? r : referred;
        }
        assertThat(referred).as("still referred to, with 2 places free").isNotNull();
        assertThat(referred.get("freePlaces").asInt()).isEqualTo(2);
        // The patch equals what a rebuild from the database gives.
        snapshots.rebuildNow();
        assertThat(get(asked).getBody().get("referrals")).isEqualTo(after);

        // A delete is patched too, and so is a write of what the snapshot does not hold.
        EngineSnapshot rebuilt = snapshots.current();
        assertThat(delete("/api/v1/services/ex-svc-0023").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(snapshots.current().version()).isEqualTo(version + 1);
        assertThat(snapshots.current().paths()).isSameAs(rebuilt.paths());
        assertThat(get(asked).getBody().get("referrals").toString()).doesNotContain("\"ex-svc-0023\"");
        EngineSnapshot deleted = snapshots.current();
        ResponseEntity<JsonNode> skill = post("/api/v1/skills", Map.of("code", "ex-sk-patch", "name", "Patched skill"));
        assertThat(skill.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(snapshots.current().version()).isEqualTo(version + 2);
        assertThat(snapshots.current().referrals()).isSameAs(deleted.referrals());
        assertThat(snapshots.current().gaps()).isSameAs(deleted.gaps());
    }

    @Test
    void aReferralExplainsItselfWithItsPath() {
        JsonNode answer = get("/api/v1/referrals?category=ex-anziani.sportello&territory=ex015164&k=3&maxKm=10")
                .getBody();
        JsonNode first = answer.get("referrals").get(0);
        assertThat(first.get("service").get("id").asText()).isEqualTo("ex-svc-0023");
        assertThat(first.get("provider").get("id").asText()).isEqualTo("ex-partner-001");
        assertThat(first.get("distanceKm").asDouble()).isZero();
        assertThat(first.get("freePlaces").asInt()).isEqualTo(7);
        JsonNode path = first.get("path");
        assertThat(path.get(0).get("id").asText()).isEqualTo("ex015164");
        assertThat(path.get(0).get("kind").asText()).isEqualTo("MUNICIPALITY");
        assertThat(path.get(1).get("kind").asText()).isEqualTo("SERVICE");
        assertThat(path.get(2).get("id").asText()).isEqualTo("ex-partner-001");
        JsonNode last = path.get(path.size() - 1);
        if (first.get("tieHops").isNull()) {
            assertThat(first.get("cost").asDouble()).isEqualTo(10.0);
        } else {
            assertThat(last.get("id").asText()).isEqualTo("ex-consorzio");
            assertThat(first.get("cost").asDouble())
                    .isEqualTo(first.get("tieHops").asInt());
            assertThat(path.size()).isEqualTo(3 + first.get("tieHops").asInt());
        }

        JsonNode viaDistrict = answer.get("referrals").get(1);
        assertThat(viaDistrict.get("service").get("id").asText()).isEqualTo("ex-svc-0000");
        assertThat(viaDistrict.get("path").get(1).get("id").asText()).isEqualTo("ex-ambito-magentino");
        assertThat(viaDistrict.get("path").get(1).get("kind").asText()).isEqualTo("DISTRICT");
    }

    @Test
    void connectionPathsFollowTheWorkedExample() {
        for (JsonNode c : resource("/examples/example-network.expected.json").get("paths")) {
            JsonNode q = c.get("query");
            JsonNode answer = get("/api/v1/paths?from=" + q.get("from").asText() + "&to="
                            + q.get("to").asText() + "&k=" + q.get("k").asInt())
                    .getBody();
            List<Integer> hops = new ArrayList<>();
            answer.get("paths").forEach(p -> {
                hops.add(p.get("hops").asInt());
                assertThat(p.get("actors").get(0).asText())
                        .isEqualTo(q.get("from").asText());
                assertThat(p.get("actors").get(p.get("hops").asInt()).asText())
                        .isEqualTo(q.get("to").asText());
                assertThat(p.get("ties")).hasSize(p.get("hops").asInt());
            });
            List<Integer> expected = new ArrayList<>();
            c.get("hops").forEach(h -> expected.add(h.asInt()));
            assertThat(hops).as("%s", q).isEqualTo(expected);
        }
    }

    @Test
    void aWriteShowsUpInTheNextAnswer() {
        String query = "/api/v1/referrals?category=ex-disabili.lavoro&territory=ex015154&maxKm=0";
        assertThat(get(query).getBody().get("referrals")).isEmpty();

        ResponseEntity<JsonNode> created = post(
                "/api/v1/services",
                Map.of(
                        "id",
                        "ex-svc-new",
                        "name",
                        "Inserimento lavorativo Esempio",
                        "provider",
                        "ex-coop-002",
                        "categories",
                        List.of("ex-disabili.lavoro"),
                        "territories",
                        List.of("ex-ambito-legnanese"),
                        "capacity",
                        5,
                        "occupied",
                        1));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long version = Long.parseLong(created.getHeaders().getFirst("Network-Version"));

        JsonNode answer = get(query).getBody();
        assertThat(answer.get("networkVersion").asLong()).isGreaterThanOrEqualTo(version);
        assertThat(answer.get("referrals")).hasSize(1);
        assertThat(answer.get("referrals").get(0).get("service").get("id").asText())
                .isEqualTo("ex-svc-new");
        assertThat(answer.get("referrals").get(0).get("freePlaces").asInt()).isEqualTo(4);

        assertThat(delete("/api/v1/services/ex-svc-new").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(get(query).getBody().get("referrals")).isEmpty();
    }

    @Test
    void badQueriesAreProblemDetails() {
        assertThat(get("/api/v1/referrals?category=nothing&territory=ex015154").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/v1/referrals?category=ex-anziani&territory=nowhere")
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> district = get("/api/v1/referrals?category=ex-anziani&territory=ex-ambito-legnanese");
        assertThat(district.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(district.getBody().get("errors"))).containsExactly("territory");
        assertThat(fields(get("/api/v1/referrals?category=ex-anziani&territory=ex015154&k=0")
                        .getBody()
                        .get("errors")))
                .containsExactly("k");
        assertThat(fields(get("/api/v1/referrals?category=ex-anziani&territory=ex015154&k=101")
                        .getBody()
                        .get("errors")))
                .containsExactly("k");
        assertThat(fields(get("/api/v1/referrals?category=ex-anziani&territory=ex015154&maxKm=501")
                        .getBody()
                        .get("errors")))
                .containsExactly("maxKm");
        assertThat(fields(get("/api/v1/referrals?category=ex-anziani&territory=ex015154&maxKm=NaN")
                        .getBody()
                        .get("errors")))
                .containsExactly("maxKm");
        assertThat(fields(get("/api/v1/referrals?category=ex-anziani&territory=ex015154&maxKm=far")
                        .getBody()
                        .get("errors")))
                .containsExactly("maxKm");
        assertThat(fields(get("/api/v1/referrals?territory=ex015154").getBody().get("errors")))
                .containsExactly("category");
        assertThat(get("/api/v1/paths?from=ex-coop-001&to=nobody").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(fields(get("/api/v1/paths?from=ex-coop-001&to=ex-coop-003&k=21")
                        .getBody()
                        .get("errors")))
                .containsExactly("k");
    }
}
