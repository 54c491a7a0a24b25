package it.snodo.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.web.ApiException;
import it.snodo.web.Violation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail, for planners. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit", description = "Who wrote what, when (PLANNER only)")
class AuditController {

    static final int MAX_LIMIT = 1000;

    private final Audit audit;

    AuditController(Audit audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(
            summary = "Audit entries, newest first",
            description = "Every write (CRUD, import, keys) with the key id and role that made it, when, the action,"
                    + " the entity kinds and ids (up to 1000 per entry). since: an ISO-8601 instant; entity: an id;"
                    + " kind: TERRITORY, CATEGORY, COOPERATIVE, PARTNER, SERVICE, NEED, TIE, KEY or SENT_REFERRAL (each move"
                    + " of a sent referral, with the statuses it left and reached).")
    List<Audit.Entry> list(
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiException.InvalidInput(
                    "The audit query is not valid",
                    List.of(Violation.of("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        Instant from = null;
        if (since != null) {
            try {
                from = Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw new ApiException.InvalidInput(
                        "The audit query is not valid",
                        List.of(Violation.of("since", "must be an ISO-8601 instant such as 2026-11-22T08:00:00Z")));
            }
        }
        return audit.list(from, entity, kind, limit);
    }
}
