package it.snodo.sentreferral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.snodo.SnodoIT;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The closed loop on the real service: sending, every move allowed and refused for each role,
 * the race of two answers, the overdue flag, the outcome report on a hand-built set, the history,
 * confidentiality and retention, with a clock the test moves.
 */
class SentReferralIT extends SnodoIT {

    static final Instant MONDAY = Instant.parse("2026-11-02T09:00:00Z");

    @Autowired
    Driver driver;

    @Autowired
    ReferralLedger ledger;

    @Autowired
    ReferralRetention retention;

    String helpDesk;
    String otherHelpDesk;
    String coop1;
    String coop2;
    String reader;

    @BeforeEach
    void exampleNetworkAndKeys() {
        try (var session = driver.session()) {
            session.run("MATCH (n) WHERE n:SentReferral OR n:SentReferralMonth DETACH DELETE n")
                    .consume();
        }
        ledger.forget();
        importOk(example());
        helpDesk = newKey("HELP_DESK", null, "sportello Legnano");
        otherHelpDesk = newKey("HELP_DESK", null, "sportello Magenta");
        coop1 = cooperativeKey("ex-coop-001");
        coop2 = cooperativeKey("ex-coop-002");
        reader = newKey("READER", null, "directory");
        clock.set(MONDAY);
    }

    /** ex-svc-0004 (ex-coop-001) covers ex-famiglia_minori.sportello and ex-anziani.lavoro. */
    ObjectNode referral(String service, String category, String territory, int people) {
        return mapper.createObjectNode()
                .put("service", service)
                .put("category", category)
                .put("territory", territory)
                .put("people", people)
                .put("urgency", "HIGH");
    }

    String sent(String key, String service, String category, String territory, int people) {
        ResponseEntity<JsonNode> r =
                as(key, HttpMethod.POST, "/api/v1/sent-referrals", referral(service, category, territory, people));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        return r.getBody().get("id").asText();
    }

    ResponseEntity<JsonNode> move(String key, String id, String move) {
        Object body = move.equals("decline") ? Map.of("reason", "FULL") : null;
        return as(key, HttpMethod.POST, "/api/v1/sent-referrals/" + id + "/" + move, body);
    }

    @Test
    void aHelpDeskSendsAReferralThatHoldsNoPerson() {
        ResponseEntity<JsonNode> r = as(
                helpDesk,
                HttpMethod.POST,
                "/api/v1/sent-referrals",
                referral("ex-svc-0004", "ex-famiglia_minori.sportello", "ex015007", 3));
        assertThat(r.getStatusCode().value()).isEqualTo(201);
        JsonNode body = r.getBody();
        assertThat(body.get("id").asText()).matches("sr-[0-9a-f]{16}");
        assertThat(r.getHeaders().getLocation().getPath())
                .isEqualTo("/api/v1/sent-referrals/" + body.get("id").asText());
        assertThat(body.get("status").asText()).isEqualTo("SENT");
        assertThat(body.get("provider").asText()).isEqualTo("ex-coop-001");
        assertThat(body.get("sentAt").asText()).isEqualTo(MONDAY.toString());
        assertThat(body.get("overdue").asBoolean()).isFalse();
        assertThat(body.get("answeredAt").isNull()).isTrue();
        // Two referrals never share an id, and ids do not follow each other.
        String second = sent(helpDesk, "ex-svc-0004", "ex-famiglia_minori.sportello", "ex015007", 1);
        assertThat(second).isNotEqualTo(body.get("id").asText());

        // Any field that could hold a person is refused, as is a household larger than 20.
        ObjectNode named = referral("ex-svc-0004", "ex-famiglia_minori.sportello", "ex015007", 3);
        named.put("name", "someone");
        assertThat(as(helpDesk, HttpMethod.POST, "/api/v1/sent-referrals", named)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        ResponseEntity<JsonNode> tooMany = as(
                helpDesk,
                HttpMethod.POST,
                "/api/v1/sent-referrals",
                referral("ex-svc-0004", "ex-famiglia_minori.sportello", "ex015007", 21));
        assertThat(tooMany.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(tooMany.getBody().get("errors"))).containsExactly("people");
    }

    @Test
    void aReferralMustNameWhatExistsAndAServiceCoveringTheCategory() {
        // A service covers the categories it addresses and every broader one, and no other.
        assertThat(sent(helpDesk, "ex-svc-0027", "ex-disabili", "ex015155", 1)).startsWith("sr-");
        ResponseEntity<JsonNode> narrower = as(
                helpDesk,
                HttpMethod.POST,
                "/api/v1/sent-referrals",
                referral("ex-svc-0025", "ex-disabili.diurno", "ex015155", 1));
        assertThat(narrower.getStatusCode().value()).isEqualTo(422);
        ResponseEntity<JsonNode> uncovered = as(
                helpDesk,
                HttpMethod.POST,
                "/api/v1/sent-referrals",
                referral("ex-svc-0004", "ex-disabili.diurno", "ex015007", 1));
        assertThat(uncovered.getStatusCode().value()).isEqualTo(422);
        assertThat(fields(uncovered.getBody().get("errors"))).containsExactly("category");

        ResponseEntity<JsonNode> unknown = as(
                helpDesk,
                HttpMethod.POST,
                "/api/v1/sent-referrals",
                referral("ex-svc-9999", "ex-nothing", "ex-ambito-castanese", 1));
        assertThat(unknown.getStatusCode().value()).isEqualTo(422);
        assertThat(fields(unknown.getBody().get("errors"))).containsExactly("service", "category", "territory");
        assertThat(unknown.getBody().get("errors").get(2).get("message").asText())
                .contains("municipality");
        // Nothing was written by the refusals.
        assertThat(get("/api/v1/sent-referrals").getBody().get("totalElements").asLong())
                .isEqualTo(1);
    }

    @Test
    void eachRoleSeesOnlyItsReferrals() {
        String mine = sent(helpDesk, "ex-svc-0004", "ex-famiglia_minori.sportello", "ex015007", 2);
        String theirs = sent(otherHelpDesk, "ex-svc-0006", "ex-famiglia_minori.diurno", "ex015019", 2);

        assertThat(listIds(helpDesk, "")).containsExactly(mine);
        assertThat(listIds(otherHelpDesk, "")).containsExactly(theirs);
        assertThat(listIds(coop1, "")).containsExactly(mine);
        assertThat(listIds(coop2, "")).containsExactly(theirs);
        assertThat(listIds(TestKeysPlanner.KEY, "")).containsExactlyInAnyOrder(mine, theirs);

        // Another's referral is not found, for reads and moves alike.
        assertThat(as(helpDesk, "/api/v1/sent-referrals/" + theirs)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(as(coop1, "/api/v1/sent-referrals/" + theirs).getStatusCode().value())
                .isEqualTo(404);
        assertThat(move(coop1, theirs, "accept").getStatusCode().value()).isEqualTo(404);
        assertThat(move(helpDesk, theirs, "cancel").getStatusCode().value()).isEqualTo(404);
        assertThat(as(helpDesk, "/api/v1/sent-referrals/" + theirs + "/history")
                        .getStatusCode()
                        .value())
                .isEqualTo(404);

        // A READER sees none and may send none.
        for (String path : List.of(
                "/api/v1/sent-referrals",
                "/api/v1/sent-referrals/" + mine,
                "/api/v1/sent-referrals/outcomes",
                "/api/v1/sent-referrals/" + mine + "/history")) {
            assertThat(as(reader, path).getStatusCode().value()).as(path).isEqualTo(403);
        }
        assertThat(as(
                                reader,
                                HttpMethod.POST,
                                "/api/v1/sent-referrals",
                                referral("ex-svc-0004", "ex-famiglia_minori.sportello", "ex015007", 1))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(move(reader, mine, "accept").getStatusCode().value()).isEqualTo(403);
        // A cooperative answers, it does not send.
        assertThat(as(
                                coop1,
                                HttpMethod.POST,
                                "/api/v1/sent-referrals",
                                referral("ex-svc-0004", "ex-famiglia_minori.sportello", "ex015007", 1))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }

    List<String> listIds(String key, String query) {
        ResponseEntity<JsonNode> r = as(key, "/api/v1/sent-referrals" + query);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.getBody().get("content").forEach(row -> ids.add(row.get("id").asText()));
        return ids;
    }

    /** The state machine for every move, from every status, for every role that sees the referral. */
    @Test
    void everyMoveIsAllowedOrRefusedAsTheStateMachineAndTheRoleSay() {
        Map<String, String> fromStatus = Map.of(
                "accept", "SENT", "decline", "SENT", "cancel", "SENT", "complete", "ACCEPTED", "drop", "ACCEPTED");
        Map<String, String> toStatus = Map.of(
                "accept",
                "ACCEPTED",
                "decline",
                "DECLINED",
                "cancel",
                "CANCELLED",
                "complete",
                "COMPLETED",
                "drop",
                "DROPPED");
        Map<String, List<String>> reach = Map.of(
                "SENT",
                List.of(),
                "ACCEPTED",
                List.of("accept"),
                "DECLINED",
                List.of("decline"),
                "CANCELLED",
                List.of("cancel"),
                "COMPLETED",
                List.of("accept", "complete"),
                "DROPPED",
                List.of("accept", "drop"));
        Map<String, String> keys = Map.of("helpDesk", helpDesk, "provider", coop1, "planner", TestKeysPlanner.KEY);
        for (String status : reach.keySet()) {
            for (String move : fromStatus.keySet()) {
                for (String who : keys.keySet()) {
                    String id = sent(helpDesk, "ex-svc-0004", "ex-famiglia_minori.sportello", "ex015007", 1);
                    for (String step : reach.get(status)) {
                        assertThat(move(TestKeysPlanner.KEY, id, step)
                                        .getStatusCode()
                                        .value())
                                .isEqualTo(200);
                    }
                    ResponseEntity<JsonNode> r = move(keys.get(who), id, move);
                    boolean roleMay = who.equals("planner")
                            || (move.equals("cancel") ? who.equals("helpDesk") : who.equals("provider"));
                    String what = who + " " + move + " from " + status;
                    if (!roleMay) {
                        assertThat(r.getStatusCode().value()).as(what).isEqualTo(403);
                        assertThat(r.getBody().get("detail").asText())
                                .as(what)
                                .contains(who.equals("helpDesk") ? "HELP_DESK" : "COOPERATIVE");
                    } else if (!status.equals(fromStatus.get(move))) {
                        assertThat(r.getStatusCode().value()).as(what).isEqualTo(409);
                        assertThat(r.getBody().get("type").asText()).isEqualTo("/problems/wrong-status");
                        assertThat(r.getBody().get("detail").asText()).as(what).contains("is " + status);
                    } else {
                        assertThat(r.getStatusCode().value())
                                .as(what + ": %s", r.getBody())
                                .isEqualTo(200);
                        assertThat(r.getBody().get("status").asText()).isEqualTo(toStatus.get(move));
                    }
                    // A refused move changes nothing.
                    String now = get("/api/v1/sent-referrals/" + id)
                            .getBody()
                            .get("status")
                            .asText();
                    assertThat(now).as(what).isEqualTo(r.getStatusCode().value() == 200 ? toStatus.get(move) : status);
                }
            }
        }
    }

    @Test
    void aDeclineNeedsAReasonFromTheList() {
        String id = sent(helpDesk, "ex-svc-0004", "ex-famiglia_minori.sportello", "ex015007", 1);
        assertThat(as(coop1, HttpMethod.POST, "/api/v1/sent-referrals/" + id + "/decline", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(as(coop1, HttpMethod.POST, "/api/v1/sent-referrals/" + id + "/decline", Map.of("reason", "because"))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        ResponseEntity<JsonNode> declined = as(
                coop1, HttpMethod.POST, "/api/v1/sent-referrals/" + id + "/decline", Map.of("reason", "NOT_ELIGIBLE"));
        assertThat(declined.getStatusCode().value()).isEqualTo(200);
        assertThat(declined.getBody().get("reason").asText()).isEqualTo("NOT_ELIGIBLE");
    }

    @Test
    void movesStampTheirTimesAndTheHistoryTellsThem() {
        String id = sent(helpDesk, "ex-svc-0004", "ex-famiglia_minori.sportello", "ex015007", 1);
        clock.advance(Duration.ofHours(30));
        JsonNode accepted = move(coop1, id, "accept").getBody();
        assertThat(accepted.get("answeredAt").asText())
                .isEqualTo(MONDAY.plus(Duration.ofHours(30)).toString());
        assertThat(accepted.get("closedAt").isNull()).isTrue();
        clock.advance(Duration.ofDays(10));
        JsonNode completed = move(coop1, id, "complete").getBody();
        assertThat(completed.get("answeredAt").asText())
                .isEqualTo(accepted.get("answeredAt").asText());
        assertThat(completed.get("closedAt").asText())
                .isEqualTo(MONDAY.plus(Duration.ofHours(270)).toString());

        for (String key : List.of(helpDesk, coop1, TestKeysPlanner.KEY)) {
            JsonNode history =
                    as(key, "/api/v1/sent-referrals/" + id + "/history").getBody();
            assertThat(history).hasSize(3);
            assertThat(history.get(0).get("action").asText()).isEqualTo("SEND");
            assertThat(history.get(0).get("from").isNull()).isTrue();
            assertThat(history.get(0).get("role").asText()).isEqualTo("HELP_DESK");
            assertThat(history.get(1).get("action").asText()).isEqualTo("ACCEPT");
            assertThat(history.get(1).get("from").asText()).isEqualTo("SENT");
            assertThat(history.get(1).get("to").asText()).isEqualTo("ACCEPTED");
            assertThat(history.get(1).get("role").asText()).isEqualTo("COOPERATIVE");
            assertThat(history.get(2).get("at").asText())
                    .isEqualTo(completed.get("closedAt").asText());
        }
        // The audit names the moves too.
        JsonNode audit = get("/api/v1/audit?entity=" + id).getBody();
        assertThat(audit).hasSize(3);
        assertThat(audit.get(0).get("action").asText()).isEqualTo("COMPLETE");
        assertThat(audit.get(0).get("fromStatus").asText()).isEqualTo("ACCEPTED");
        assertThat(audit.get(0).get("toStatus").asText()).isEqualTo("COMPLETED");
        assertThat(audit.get(0).get("kinds").get(0).asText()).isEqualTo("SENT_REFERRAL");
    }

    @Test
    void twoAnswersRacingForOneReferralOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String id = sent(helpDesk, "ex-svc-0004", "ex-famiglia_minori.sportello", "ex015007", 1);
                CountDownLatch start = new CountDownLatch(1);
                Future<Integer> accept = pool.submit(() -> {
                    start.await();
                    return move(coop1, id, "accept").getStatusCode().value();
                });
                Future<Integer> decline = pool.submit(() -> {
                    start.await();
                    return move(TestKeysPlanner.KEY, id, "decline")
                            .getStatusCode()
                            .value();
                });
                start.countDown();
                List<Integer> codes = List.of(accept.get(), decline.get());
                assertThat(codes).as("round %d", round).containsExactlyInAnyOrder(200, 409);
                String status = get("/api/v1/sent-referrals/" + id)
                        .getBody()
                        .get("status")
                        .asText();
                assertThat(status).isEqualTo(accept.get() == 200 ? "ACCEPTED" : "DECLINED");
                assertThat(get("/api/v1/sent-referrals/" + id + "/history").getBody())
                        .hasSize(2);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReferralNotAnsweredInTimeIsOverdue() {
        String early = sent(helpDesk, "ex-svc-0004", "ex-famiglia_minori.sportello", "ex015007", 1);
        clock.advance(Duration.ofDays(2));
        String late = sent(helpDesk, "ex-svc-0004", "ex-famiglia_minori.sportello", "ex015007", 1);
        String answered = sent(helpDesk, "ex-svc-0004", "ex-famiglia_minori.sportello", "ex015007", 1);
        move(coop1, answered, "accept");
        clock.advance(Duration.ofDays(3).plusSeconds(1));
        assertThat(listIds(helpDesk, "?overdue=true")).containsExactly(early);
        assertThat(listIds(helpDesk, "?overdue=false")).containsExactlyInAnyOrder(late, answered);
        assertThat(as(helpDesk, "/api/v1/sent-referrals/" + early)
                        .getBody()
                        .get("overdue")
                        .asBoolean())
                .isTrue();
        clock.advance(Duration.ofDays(2));
        assertThat(listIds(helpDesk, "?overdue=true")).containsExactlyInAnyOrder(early, late);
        // Answered late is answered: no longer overdue.
        move(coop1, early, "decline");
        assertThat(listIds(helpDesk, "?overdue=true")).containsExactly(late);
    }

    @Test
    void theListFiltersByEveryParameter() {
        String a = sent(helpDesk, "ex-svc-0004", "ex-famiglia_minori.sportello", "ex015007", 1);
        clock.advance(Duration.ofDays(1));
        String b = sent(helpDesk, "ex-svc-0006", "ex-famiglia_minori.diurno", "ex015058", 1);
        move(coop2, b, "accept");
        assertThat(listIds(helpDesk, "")).containsExactly(b, a);
        assertThat(listIds(helpDesk, "?status=ACCEPTED")).containsExactly(b);
        assertThat(listIds(helpDesk, "?service=ex-svc-0004")).containsExactly(a);
        assertThat(listIds(helpDesk, "?provider=ex-coop-002")).containsExactly(b);
        assertThat(listIds(helpDesk, "?territory=ex-ambito-castanese")).containsExactly(a);
        assertThat(listIds(helpDesk, "?territory=ex-prov-mi")).containsExactly(b, a);
        assertThat(listIds(helpDesk, "?category=ex-famiglia_minori")).containsExactly(b, a);
        assertThat(listIds(helpDesk, "?category=ex-famiglia_minori.diurno")).containsExactly(b);
        assertThat(listIds(helpDesk, "?since=2026-11-03")).containsExactly(b);
        assertThat(listIds(helpDesk, "?since=" + MONDAY)).containsExactly(b, a);
        assertThat(as(helpDesk, "/api/v1/sent-referrals?since=yesterday")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(as(helpDesk, "/api/v1/sent-referrals?territory=nowhere")
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(as(helpDesk, "/api/v1/sent-referrals?size=0").getStatusCode().value())
                .isEqualTo(400);
    }

    /** A hand-built set whose report is worked out by hand below. */
    @Test
    void theOutcomeReportCountsAsDesignSays() {
        String s4 = "ex-svc-0004";
        String cat = "ex-famiglia_minori.sportello";
        // ex-svc-0004: 6 referrals from ex015007 (Castanese).
        String a1 = sent(helpDesk, s4, cat, "ex015007", 1);
        String a2 = sent(helpDesk, s4, cat, "ex015007", 1);
        String d1 = sent(helpDesk, s4, cat, "ex015007", 1);
        String d2 = sent(helpDesk, s4, cat, "ex015007", 1);
        String c1 = sent(helpDesk, s4, cat, "ex015007", 1);
        sent(helpDesk, s4, cat, "ex015007", 1); // pending, overdue by the end
        clock.advance(Duration.ofHours(2));
        move(coop1, a1, "accept"); // 2 h
        clock.advance(Duration.ofHours(2));
        move(coop1, a2, "accept"); // 4 h
        move(coop1, d1, "decline"); // FULL, 4 h
        clock.advance(Duration.ofHours(6));
        as(
                coop1,
                HttpMethod.POST,
                "/api/v1/sent-referrals/" + d2 + "/decline",
                Map.of("reason", "OUT_OF_AREA")); // 10 h
        move(helpDesk, c1, "cancel");
        move(coop1, a1, "complete");
        move(coop1, a2, "drop");
        // ex-svc-0006 (ex-coop-002): one from ex015058 (Magentino), sent 6 days after Monday: pending, not overdue.
        clock.set(MONDAY.plus(Duration.ofDays(6)));
        sent(otherHelpDesk, "ex-svc-0006", "ex-famiglia_minori.diurno", "ex015058", 4);

        JsonNode rows = get("/api/v1/sent-referrals/outcomes").getBody().get("services");
        assertThat(rows).hasSize(2);
        JsonNode r4 = rows.get(0);
        assertThat(r4.get("service").asText()).isEqualTo(s4);
        assertThat(r4.get("provider").asText()).isEqualTo("ex-coop-001");
        assertThat(r4.get("sent").asLong()).isEqualTo(6);
        assertThat(r4.get("accepted").asLong()).isEqualTo(2);
        assertThat(r4.get("declined").get("FULL").asLong()).isEqualTo(1);
        assertThat(r4.get("declined").get("OUT_OF_AREA").asLong()).isEqualTo(1);
        assertThat(r4.get("declined").get("NOT_ELIGIBLE").asLong()).isZero();
        assertThat(r4.get("completed").asLong()).isEqualTo(1);
        assertThat(r4.get("dropped").asLong()).isEqualTo(1);
        assertThat(r4.get("cancelled").asLong()).isEqualTo(1);
        assertThat(r4.get("pending").asLong()).isEqualTo(1);
        assertThat(r4.get("overdue").asLong()).isEqualTo(1);
        assertThat(r4.get("acceptanceRate").asDouble()).isEqualTo(0.5);
        // Answered after 2, 4, 4 and 10 hours: the median is 4.
        assertThat(r4.get("medianHoursToAnswer").asDouble()).isEqualTo(4.0);
        JsonNode r6 = rows.get(1);
        assertThat(r6.get("service").asText()).isEqualTo("ex-svc-0006");
        assertThat(r6.get("pending").asLong()).isEqualTo(1);
        assertThat(r6.get("overdue").asLong()).isZero();
        assertThat(r6.get("acceptanceRate").isNull()).isTrue();
        assertThat(r6.get("medianHoursToAnswer").isNull()).isTrue();

        // By territory and since.
        assertThat(get("/api/v1/sent-referrals/outcomes?territory=ex-ambito-magentino")
                        .getBody()
                        .get("services"))
                .hasSize(1);
        assertThat(get("/api/v1/sent-referrals/outcomes?since=2026-11-05")
                        .getBody()
                        .get("services")
                        .get(0)
                        .get("service")
                        .asText())
                .isEqualTo("ex-svc-0006");
        assertThat(get("/api/v1/sent-referrals/outcomes?territory=ex015041")
                        .getBody()
                        .get("services"))
                .isEmpty();
    }

    @Test
    void aReferralToAConfidentialServiceIsCountedWithoutBeingNamed() {
        // ex-svc-0004 becomes confidential.
        JsonNode service = get("/api/v1/services/ex-svc-0004").getBody();
        ((ObjectNode) service).put("confidential", true);
        assertThat(put("/api/v1/services/ex-svc-0004", service).getStatusCode().value())
                .isEqualTo(200);
        String hidden = sent(helpDesk, "ex-svc-0004", "ex-famiglia_minori.sportello", "ex015007", 1);
        sent(otherHelpDesk, "ex-svc-0006", "ex-famiglia_minori.diurno", "ex015058", 1);
        awaitSnapshot();

        // The sender and the provider see it; another help desk does not.
        assertThat(as(helpDesk, "/api/v1/sent-referrals/" + hidden)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(as(coop1, "/api/v1/sent-referrals/" + hidden).getStatusCode().value())
                .isEqualTo(200);
        assertThat(listIds(otherHelpDesk, "")).doesNotContain(hidden);

        JsonNode seenByOther =
                as(otherHelpDesk, "/api/v1/sent-referrals/outcomes").getBody().get("services");
        assertThat(seenByOther).hasSize(2);
        assertThat(seenByOther.get(0).get("service").asText()).isEqualTo("ex-svc-0006");
        assertThat(seenByOther.get(1).get("service").isNull()).isTrue();
        assertThat(seenByOther.get(1).get("provider").isNull()).isTrue();
        assertThat(seenByOther.get(1).get("sent").asLong()).isEqualTo(1);
        assertThat(seenByOther.toString()).doesNotContain("ex-svc-0004").doesNotContain("ex-coop-001");

        JsonNode seenByProvider =
                as(coop1, "/api/v1/sent-referrals/outcomes").getBody().get("services");
        assertThat(seenByProvider.get(0).get("service").asText()).isEqualTo("ex-svc-0004");
        JsonNode seenByPlanner =
                get("/api/v1/sent-referrals/outcomes").getBody().get("services");
        assertThat(seenByPlanner.get(0).get("service").asText()).isEqualTo("ex-svc-0004");
    }

    void awaitSnapshot() {
        // A read after a write of this service waits for a snapshot that holds it.
        get("/api/v1/services/ex-svc-0004");
        snapshots.awaitCommitted();
    }

    @Autowired
    it.snodo.snapshot.Snapshots snapshots;

    @Test
    void retentionFoldsOldClosedReferralsIntoMonthsAndTheReportStaysRight() {
        String cat = "ex-famiglia_minori.sportello";
        clock.set(Instant.parse("2024-03-10T10:00:00Z"));
        String old1 = sent(helpDesk, "ex-svc-0004", cat, "ex015007", 1);
        String old2 = sent(helpDesk, "ex-svc-0004", cat, "ex015007", 1);
        String oldOpen = sent(helpDesk, "ex-svc-0004", cat, "ex015007", 1);
        clock.advance(Duration.ofHours(3));
        move(coop1, old1, "accept");
        move(coop1, old2, "decline");
        clock.advance(Duration.ofHours(3));
        move(coop1, old1, "complete");
        move(coop1, oldOpen, "accept"); // still open: ACCEPTED, never deleted
        clock.set(Instant.parse("2026-01-10T10:00:00Z"));
        String recent = sent(helpDesk, "ex-svc-0004", cat, "ex015007", 1);
        clock.advance(Duration.ofHours(5));
        move(coop1, recent, "decline");

        String before = get("/api/v1/sent-referrals/outcomes").getBody().toString();
        String since2024 = get("/api/v1/sent-referrals/outcomes?since=2024-03-01")
                .getBody()
                .toString();
        clock.set(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(retention.run()).isEqualTo(2);
        assertThat(get("/api/v1/sent-referrals/" + old1).getStatusCode().value())
                .isEqualTo(404);
        assertThat(get("/api/v1/sent-referrals/" + oldOpen).getStatusCode().value())
                .isEqualTo(200);
        assertThat(get("/api/v1/sent-referrals/" + recent).getStatusCode().value())
                .isEqualTo(200);
        // The report is the same, median included, over all time and from the month's start.
        assertThat(get("/api/v1/sent-referrals/outcomes").getBody().toString()).isEqualTo(before);
        assertThat(get("/api/v1/sent-referrals/outcomes?since=2024-03-01")
                        .getBody()
                        .toString())
                .isEqualTo(since2024);
        // A second run finds nothing more, and counts nothing twice.
        assertThat(retention.run()).isZero();
        assertThat(get("/api/v1/sent-referrals/outcomes").getBody().toString()).isEqualTo(before);
        // The history of a deleted referral stays in the audit.
        assertThat(get("/api/v1/audit?entity=" + old1).getBody()).hasSize(3);
    }

    @Test
    void gapRowsCountThePeopleDeclinedAsFullInTheLastYear() {
        // ex-svc-0005 covers ex-immigrati_nomadi.abitare in the Garbagnatese; ex015155 is in the Castanese.
        String old = sent(helpDesk, "ex-svc-0005", "ex-immigrati_nomadi.abitare", "ex015155", 4);
        move(TestKeysPlanner.KEY, old, "decline");
        clock.advance(Duration.ofDays(300));
        String full = sent(helpDesk, "ex-svc-0005", "ex-immigrati_nomadi.abitare", "ex015155", 3);
        move(TestKeysPlanner.KEY, full, "decline");
        String otherReason = sent(helpDesk, "ex-svc-0005", "ex-immigrati_nomadi.abitare", "ex015155", 5);
        as(
                TestKeysPlanner.KEY,
                HttpMethod.POST,
                "/api/v1/sent-referrals/" + otherReason + "/decline",
                Map.of("reason", "NOT_ELIGIBLE"));
        String accepted = sent(helpDesk, "ex-svc-0005", "ex-immigrati_nomadi.abitare", "ex015155", 6);
        move(TestKeysPlanner.KEY, accepted, "accept");
        // 300 days on, both FULL declines are within the year; 66 more, only the second.
        clock.advance(Duration.ofDays(66));

        JsonNode castanese =
                get("/api/v1/gaps?territory=ex-ambito-castanese").getBody().get("rows");
        // ex-immigrati_nomadi.abitare has no demand and no covering service there: a row all the same.
        JsonNode abitare = find(castanese, "category", "ex-immigrati_nomadi.abitare");
        assertThat(abitare.get("declinedFull").asLong()).isEqualTo(3);
        assertThat(abitare.get("demand").asLong()).isZero();
        assertThat(abitare.get("services").asInt()).isZero();
        assertThat(abitare.get("state").asText()).isEqualTo("UNCOVERED");
        // The broader category counts it too; categories with none say 0.
        assertThat(find(castanese, "category", "ex-immigrati_nomadi")
                        .get("declinedFull")
                        .asLong())
                .isEqualTo(3);
        assertThat(find(castanese, "category", "ex-anziani.domiciliare")
                        .get("declinedFull")
                        .asLong())
                .isZero();
        assertThat(find(
                                get("/api/v1/gaps?territory=ex015155").getBody().get("rows"),
                                "category",
                                "ex-immigrati_nomadi.abitare")
                        .get("declinedFull")
                        .asLong())
                .isEqualTo(3);
        // Another district has none, and no such row.
        JsonNode magentino =
                get("/api/v1/gaps?territory=ex-ambito-magentino").getBody().get("rows");
        magentino.forEach(r -> assertThat(r.get("declinedFull").asLong()).isZero());
        assertThat(magentino.toString()).doesNotContain("ex-immigrati_nomadi.abitare");

        JsonNode matrix = get("/api/v1/gaps/matrix?level=DISTRICT").getBody();
        int i = indexOf(matrix.get("territories"), "ex-ambito-castanese");
        int j = -1;
        for (int k = 0; k < matrix.get("categories").size(); k++) {
            if (matrix.get("categories").get(k).asText().equals("ex-immigrati_nomadi.abitare")) {
                j = k;
            }
        }
        assertThat(matrix.get("declinedFull").get(i).get(j).asLong()).isEqualTo(3);
        assertThat(matrix.get("cells").get(i).get(j).asText()).isEqualTo("UNCOVERED");

        String csv = csv("/api/v1/gaps?territory=ex-ambito-castanese");
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",state,declinedFull");
        assertThat(csv).contains("ex-ambito-castanese,ex-immigrati_nomadi.abitare,");
        assertThat(csv.lines()
                        .filter(l -> l.contains(",ex-immigrati_nomadi.abitare,"))
                        .findFirst()
                        .orElseThrow())
                .endsWith(",UNCOVERED,3");
        assertThat(csv("/api/v1/gaps/matrix?level=DISTRICT"))
                .contains("ex-ambito-castanese,", ",ex-immigrati_nomadi.abitare,UNCOVERED,3");
    }

    int indexOf(JsonNode territories, String id) {
        for (int k = 0; k < territories.size(); k++) {
            if (territories.get(k).get("id").asText().equals(id)) {
                return k;
            }
        }
        throw new AssertionError("no " + id);
    }

    String csv(String path) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setAccept(List.of(org.springframework.http.MediaType.parseMediaType("text/csv")));
        return http.exchange(path, HttpMethod.GET, new org.springframework.http.HttpEntity<>(headers), String.class)
                .getBody();
    }

    @Test
    void aReferralWrittenByAnotherReplicaIsInTheNextReport() {
        String mine = sent(helpDesk, "ex-svc-0004", "ex-famiglia_minori.sportello", "ex015007", 1);
        assertThat(get("/api/v1/sent-referrals/outcomes")
                        .getBody()
                        .get("services")
                        .get(0)
                        .get("sent")
                        .asLong())
                .isEqualTo(1);
        // Another instance on the same Neo4j writes as this one does, stamping Neo4j's own clock.
        try (var session = driver.session()) {
            session.run("""
                    MATCH (s:Service {id: 'ex-svc-0004'}), (c:Category {code: 'ex-famiglia_minori.sportello'}),
                          (t:Territory {id: 'ex015007'})
                    CREATE (r:SentReferral {id: 'sr-00000000000000aa', service: 'ex-svc-0004', provider: 'ex-coop-001',
                                            category: c.code, territory: t.id, people: 2, status: 'SENT',
                                            sentAt: datetime($at), sentBy: 'another-replica', touched: timestamp()})
                    CREATE (r)-[:TO]->(s), (r)-[:OF_KIND]->(c), (r)-[:FROM]->(t)""", Map.of("at", MONDAY.toString())).consume();
            // ...and answers this one's referral there.
            session.run("""
                    MATCH (r:SentReferral {id: $id})
                    SET r.status = 'DECLINED', r.reason = 'FULL', r.answeredAt = datetime($at),
                        r.closedAt = datetime($at), r.answerSeconds = 0, r.touched = timestamp()""", Map.of("id", mine, "at", MONDAY.toString())).consume();
        }
        JsonNode row =
                get("/api/v1/sent-referrals/outcomes").getBody().get("services").get(0);
        assertThat(row.get("sent").asLong()).isEqualTo(2);
        assertThat(row.get("pending").asLong()).isEqualTo(1);
        assertThat(row.get("declined").get("FULL").asLong()).isEqualTo(1);
        assertThat(find(
                                get("/api/v1/gaps?territory=ex015007").getBody().get("rows"),
                                "category",
                                "ex-famiglia_minori.sportello")
                        .get("declinedFull")
                        .asLong())
                .isEqualTo(1);
    }

    /** The planner's key, as {@link it.snodo.TestKeys} gives it. */
    static final class TestKeysPlanner {
        static final String KEY = it.snodo.TestKeys.PLANNER;
    }
}
