package it.snodo.sentreferral;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.engine.Network;
import it.snodo.network.Ids;
import it.snodo.network.PageOf;
import it.snodo.network.Urgency;
import it.snodo.sentreferral.ReferralOutcomes.ServiceOutcome;
import it.snodo.sentreferral.SentReferrals.HistoryEntry;
import it.snodo.sentreferral.SentReferrals.SentReferral;
import it.snodo.snapshot.Snapshots;
import it.snodo.view.SnapshotIds;
import it.snodo.web.ApiException;
import it.snodo.web.Caller;
import it.snodo.web.Paging;
import it.snodo.web.PlainText;
import it.snodo.web.Role;
import it.snodo.web.Violation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The closed loop of the help desk: send a referral, answer it, follow it, and the outcome report
 * per service. Who sees which referral and who may make which move is decided here and in
 * {@link SentReferrals}; the security configuration only keeps READER keys out.
 */
@RestController
@RequestMapping("/api/v1/sent-referrals")
@Tag(
        name = "sent referrals",
        description = "The help desk's closed loop: referrals sent to services and what"
                + " became of them (PLANNER, COOPERATIVE for its services, HELP_DESK for those it sent)")
class SentReferralController {

    private final SentReferrals referrals;
    private final ReferralOutcomes outcomes;
    private final Snapshots snapshots;

    SentReferralController(SentReferrals referrals, ReferralOutcomes outcomes, Snapshots snapshots) {
        this.referrals = referrals;
        this.outcomes = outcomes;
        this.snapshots = snapshots;
    }

    /** A referral to send: one household, never who it is. */
    @PlainText
    record NewReferralBody(
            @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE)
            String service,

            @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE)
            String category,

            @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE)
            String territory,

            @NotNull @Min(1) @Max(20) Integer people,
            Urgency urgency) {}

    /** Why a service declines. */
    record DeclineBody(@NotNull DeclineReason reason) {}

    /** The outcome report. */
    record Outcomes(List<ServiceOutcome> services) {}

    @PostMapping
    @Operation(
            summary = "Send a referral: one household (1-20 people) of a category, from a municipality, to a service"
                    + " that covers the category",
            description = "The referral gets a random id; the help desk keeps who it was in its own files. 422 when"
                    + " the service, category or municipality does not exist or the service does not cover the"
                    + " category.")
    ResponseEntity<SentReferral> send(@Valid @RequestBody NewReferralBody body) {
        SentReferral sent = referrals.send(new SentReferrals.NewReferral(
                body.service(), body.category(), body.territory(), body.people(), body.urgency()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(sent.id())
                .toUri();
        return ResponseEntity.created(location).body(sent);
    }

    @GetMapping
    @Operation(
            summary = "The referrals this key may see, newest first",
            description = "A planner sees all, a cooperative those sent to its services, a help desk those it sent."
                    + " territory: sent from its municipalities; category: of it or a narrower one; since: a date"
                    + " (from its start, UTC) or an instant; overdue: still SENT after the answer time.")
    PageOf<SentReferral> list(
            @RequestParam(required = false) ReferralStatus status,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String provider,
            @Parameter(description = "sent from a municipality of this territory") @RequestParam(required = false)
                    String territory,
            @Parameter(description = "of this category or a narrower one") @RequestParam(required = false)
                    String category,
            @RequestParam(required = false) Boolean overdue,
            @Parameter(description = "sent at or after: a date (2026-11-01) or an instant (2026-11-01T08:00:00Z)")
                    @RequestParam(required = false)
                    String since,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        List<Violation> errors = new ArrayList<>(Paging.violations(page, size));
        Instant from = since(since, errors);
        if (!errors.isEmpty()) {
            throw new ApiException.InvalidInput("The list asked for is not valid", errors);
        }
        Network network = snapshots.current().network();
        return referrals.list(
                new SentReferrals.Filter(
                        status,
                        service,
                        provider,
                        territory == null ? null : municipalities(network, territory),
                        category == null ? null : categories(network, category),
                        overdue,
                        from),
                page,
                size);
    }

    @GetMapping("/outcomes")
    @Operation(
            summary = "What became of the referrals sent, per service",
            description = "Counts of the referrals sent from municipalities of the territory (all when absent) since"
                    + " the date or instant (all when absent), per service, sorted by service id; services with"
                    + " none are not listed. accepted: ever accepted; declined by reason, completed, dropped,"
                    + " cancelled: by their status now; pending: still SENT; overdue: pending past the answer time;"
                    + " acceptanceRate: accepted / (accepted + declined); medianHoursToAnswer: from sent to"
                    + " answered. A confidential service the key may not see is not named: its referrals are"
                    + " counted in one last row whose service and provider are null. Referrals older than the"
                    + " retention count by the month they were sent in, from the first month wholly in the"
                    + " window.")
    Outcomes outcomes(
            @Parameter(description = "sent from a municipality of this territory") @RequestParam(required = false)
                    String territory,
            @Parameter(description = "sent at or after: a date (2026-11-01) or an instant (2026-11-01T08:00:00Z)")
                    @RequestParam(required = false)
                    String since) {
        List<Violation> errors = new ArrayList<>();
        Instant from = since(since, errors);
        if (!errors.isEmpty()) {
            throw new ApiException.InvalidInput("The report asked for is not valid", errors);
        }
        Network network = snapshots.current().network();
        List<String> municipalities = territory == null ? null : municipalities(network, territory);
        Caller caller = Caller.current().orElse(null);
        return new Outcomes(outcomes.outcomes(
                municipalities, from, (service, provider) -> named(caller, network, service, provider)));
    }

    /**
     * True when the caller may see the service of a report row named: every one for a planner;
     * else every one but a confidential service of another provider (one that no longer exists
     * counts as confidential: nothing says it was not).
     */
    private static boolean named(Caller caller, Network network, String service, String provider) {
        if (caller == null || caller.role() == Role.PLANNER) {
            return true;
        }
        if (caller.role() == Role.COOPERATIVE && caller.cooperative().equals(provider)) {
            return true;
        }
        return network.hasService(service) && !network.services().isConfidential(network.service(service));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One referral, if this key may see it (404 otherwise)")
    SentReferral get(@PathVariable String id) {
        return referrals.get(id);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The moves of a referral, oldest first: who made each, when, from which status to which")
    List<HistoryEntry> history(@PathVariable String id) {
        return referrals.history(id);
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "The service takes the household (from SENT; its provider's key or a planner)")
    SentReferral accept(@PathVariable String id) {
        return referrals.move(id, Move.ACCEPT, null);
    }

    @PostMapping("/{id}/decline")
    @Operation(
            summary = "The service turns the household down, saying why (from SENT; its provider's key or a"
                    + " planner)")
    SentReferral decline(@PathVariable String id, @Valid @RequestBody DeclineBody body) {
        return referrals.move(id, Move.DECLINE, body.reason());
    }

    @PostMapping("/{id}/complete")
    @Operation(
            summary = "The service's work with the household is over (from ACCEPTED; its provider's key or a"
                    + " planner)")
    SentReferral complete(@PathVariable String id) {
        return referrals.move(id, Move.COMPLETE, null);
    }

    @PostMapping("/{id}/drop")
    @Operation(summary = "The household left before the end (from ACCEPTED; its provider's key or a planner)")
    SentReferral drop(@PathVariable String id) {
        return referrals.move(id, Move.DROP, null);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Withdraw a referral not yet answered (from SENT; the key that sent it or a planner)")
    SentReferral cancel(@PathVariable String id) {
        return referrals.move(id, Move.CANCEL, null);
    }

    /** A date (its start, UTC) or an instant; null for none. */
    static Instant since(String since, List<Violation> errors) {
        if (since == null) {
            return null;
        }
        try {
            return since.length() == 10
                    ? LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(since);
        } catch (DateTimeParseException e) {
            errors.add(Violation.of(
                    "since",
                    "must be a date such as 2026-11-01 or an ISO-8601 instant such as" + " 2026-11-01T08:00:00Z"));
            return null;
        }
    }

    /** The municipalities of a territory (itself, for a municipality); 404 for an unknown one. */
    static List<String> municipalities(Network network, String territory) {
        int t = new SnapshotIds(network).territory(territory);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < network.territories().municipalityCountOf(t); i++) {
            ids.add(network.territoryId(network.territories().municipalityOf(t, i)));
        }
        return ids;
    }

    /** A category and its narrower ones; 404 for an unknown one. */
    static List<String> categories(Network network, String category) {
        int c = new SnapshotIds(network).category(category);
        List<String> codes = new ArrayList<>();
        for (int d = 0; d < network.categoryCount(); d++) {
            if (network.categories().isWithin(d, c)) {
                codes.add(network.categoryCode(d));
            }
        }
        return codes;
    }
}
