package it.snodo.hsds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.network.Service;
import it.snodo.view.ConfidentialPlaces;
import it.snodo.web.ApiException;
import it.snodo.web.Violation;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Open Referral's HSDS 3.0 API over the network, read-only: the three required endpoints ({@code /},
 * {@code /services}, {@code /services/{id}}) and the optional organizations, taxonomies and
 * taxonomy terms. Lists are HSDS pages (numbered from 1); every answer is built by
 * {@link HsdsMapping} for the caller of the request.
 */
@RestController
@RequestMapping("/hsds")
@Tag(name = "open referral (HSDS 3.0)")
class HsdsController {

    static final String NDJSON = "application/x-ndjson";
    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 1000;

    static final String ZIP = "application/zip";

    private final HsdsDirectory directory;
    private final ObjectMapper mapper;
    private final HsdsTabular tabular;

    HsdsController(HsdsDirectory directory, ObjectMapper mapper, HsdsTabular tabular) {
        this.directory = directory;
        this.mapper = mapper;
        this.tabular = tabular;
    }

    private HsdsMapping mapping() {
        return new HsdsMapping(directory.read(), ConfidentialPlaces.forCurrentCaller());
    }

    @GetMapping("/")
    @Operation(summary = "What this HSDS API is: its HSDS version, profile and OpenAPI document")
    ResponseEntity<String> about() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        ObjectNode o = mapper.createObjectNode();
        o.put("version", "3.0");
        o.put("profile", base + "/hsds/profile/");
        o.put("openapi_url", base + "/v3/api-docs");
        return json(o);
    }

    @GetMapping("/services")
    @Operation(
            summary = "A page of services, fully nested",
            description = "Filters combine with AND: `search` (the name contains it, any case), `taxonomy_term_id`"
                    + " (the term or a narrower one), `taxonomy_id` (a term of that taxonomy), `organization_id`, `modified_after` (last written on or"
                    + " after it). `format=ndjson` gives every matching service, unpaged, one per line.")
    ResponseEntity<String> services(
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage,
            @RequestParam(required = false) String search,
            @RequestParam(name = "taxonomy_term_id", required = false) String taxonomyTermId,
            @RequestParam(name = "taxonomy_id", required = false) String taxonomyId,
            @RequestParam(name = "organization_id", required = false) String organizationId,
            @RequestParam(name = "modified_after", required = false) String modifiedAfter,
            @RequestParam(required = false) String format) {
        boolean ndjson = format(format);
        int number = page(page);
        int size = perPage(perPage);
        Optional<Instant> after = instant("modified_after", modifiedAfter);
        HsdsMapping m = mapping();
        Set<String> covered = taxonomyTermId == null
                ? null
                : m.categoryAndNarrower(uuid("taxonomy_term_id", taxonomyTermId))
                        .orElseThrow(() -> unknown("taxonomy_term_id", taxonomyTermId, "taxonomy term"));
        String taxonomy = taxonomyId == null ? null : taxonomy(m, taxonomyId);
        if (organizationId != null
                && m.organizationByUuid(uuid("organization_id", organizationId)).isEmpty()) {
            throw unknown("organization_id", organizationId, "organization");
        }
        List<Service> chosen = m.services().stream()
                .filter(s -> search == null || contains(s.name(), search))
                .filter(s -> covered == null || s.categories().stream().anyMatch(covered::contains))
                // Services address categories only: no service has a term of the actor kinds.
                .filter(s -> taxonomy == null
                        || taxonomy.equals(HsdsMapping.uuid(HsdsMapping.EntityLabel.TAXONOMY, HsdsMapping.CATEGORIES))
                                && !s.categories().isEmpty())
                .filter(s -> organizationId == null
                        || HsdsMapping.uuid(HsdsMapping.EntityLabel.ORGANIZATION, s.provider())
                                .equals(organizationId.toLowerCase(Locale.ROOT)))
                .filter(s -> after.isEmpty()
                        || m.modified(s).map(t -> !t.isBefore(after.get())).orElse(false))
                .toList();
        if (ndjson) {
            StringBuilder lines = new StringBuilder();
            chosen.forEach(s -> lines.append(write(m.service(s))).append('\n'));
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(NDJSON))
                    .body(lines.toString());
        }
        return page(chosen, number, size, m::service);
    }

    @GetMapping(path = "/datapackage.zip", produces = ZIP)
    @Operation(
            summary = "The whole network as an HSDS Tabular Data Package",
            description = "A zip of datapackage.json (a Frictionless Tabular Data Package: HSDS 3.0's resources,"
                    + " with HSDS 3.1's service_capacity and unit and the profile's fields) and one CSV per table:"
                    + " organizations, organization_identifiers, locations, services, service_areas,"
                    + " service_capacity, units, taxonomies, taxonomy_terms, attributes. The same rows as the JSON"
                    + " endpoints, for the same caller; the same bytes for the same network.")
    ResponseEntity<byte[]> datapackage() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ZIP))
                .header("Content-Disposition", "attachment; filename=\"datapackage.zip\"")
                .body(tabular.export(mapping()));
    }

    @GetMapping("/services/{id}")
    @Operation(summary = "One service, fully nested: organization, service areas, attributes, capacities")
    ResponseEntity<String> service(@PathVariable String id) {
        HsdsMapping m = mapping();
        return json(
                m.service(id).map(m::service).orElseThrow(() -> new ApiException.NotFound("No service has id " + id)));
    }

    @GetMapping("/organizations")
    @Operation(summary = "A page of organizations (cooperatives and partners), `search` in their names")
    ResponseEntity<String> organizations(
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage,
            @RequestParam(required = false) String search) {
        int number = page(page);
        int size = perPage(perPage);
        List<ObjectNode> chosen = mapping().organizations().stream()
                .filter(o -> search == null || contains(o.get("name").asText(), search))
                .toList();
        return page(chosen, number, size, Function.identity());
    }

    @GetMapping("/organizations/{id}")
    @Operation(summary = "One organization, with its identifiers, kind and location")
    ResponseEntity<String> organization(@PathVariable String id) {
        return json(mapping()
                .organizationByUuid(id)
                .orElseThrow(() -> new ApiException.NotFound("No organization has id " + id)));
    }

    @GetMapping("/taxonomies")
    @Operation(summary = "The taxonomies: Snodo's categories and the kinds of actor")
    ResponseEntity<String> taxonomies(
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage) {
        int number = page(page);
        int size = perPage(perPage);
        return page(mapping().taxonomies(), number, size, Function.identity());
    }

    @GetMapping("/taxonomies/{id}")
    @Operation(summary = "One taxonomy")
    ResponseEntity<String> taxonomy(@PathVariable String id) {
        return json(mapping().taxonomies().stream()
                .filter(t -> t.get("id").asText().equals(id))
                .findFirst()
                .orElseThrow(() -> new ApiException.NotFound("No taxonomy has id " + id)));
    }

    @GetMapping("/taxonomy_terms")
    @Operation(
            summary = "A page of taxonomy terms",
            description = "`top_only=true`: only the terms without a parent; `parent_id`: only the terms right under"
                    + " it; `taxonomy_id`: only the terms of that taxonomy; `search` in their names.")
    ResponseEntity<String> taxonomyTerms(
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage,
            @RequestParam(required = false) String search,
            @RequestParam(name = "top_only", required = false) Boolean topOnly,
            @RequestParam(name = "parent_id", required = false) String parentId,
            @RequestParam(name = "taxonomy_id", required = false) String taxonomyId) {
        int number = page(page);
        int size = perPage(perPage);
        HsdsMapping m = mapping();
        List<ObjectNode> terms = m.taxonomyTerms();
        if (parentId != null) {
            String parent = uuid("parent_id", parentId);
            if (terms.stream().noneMatch(t -> t.get("id").asText().equals(parent))) {
                throw unknown("parent_id", parentId, "taxonomy term");
            }
        }
        if (taxonomyId != null) {
            taxonomy(m, taxonomyId);
        }
        List<ObjectNode> chosen = terms.stream()
                .filter(t -> search == null || contains(t.get("name").asText(), search))
                .filter(t -> !Boolean.TRUE.equals(topOnly) || !t.has("parent_id"))
                .filter(t -> parentId == null || t.path("parent_id").asText().equals(parentId.toLowerCase(Locale.ROOT)))
                .filter(t ->
                        taxonomyId == null || t.get("taxonomy_id").asText().equals(taxonomyId.toLowerCase(Locale.ROOT)))
                .toList();
        return page(chosen, number, size, Function.identity());
    }

    @GetMapping("/taxonomy_terms/{id}")
    @Operation(summary = "One taxonomy term")
    ResponseEntity<String> taxonomyTerm(@PathVariable String id) {
        return json(mapping().taxonomyTerms().stream()
                .filter(t -> t.get("id").asText().equals(id))
                .findFirst()
                .orElseThrow(() -> new ApiException.NotFound("No taxonomy term has id " + id)));
    }

    /** The taxonomy {@code taxonomy_id} names, as a UUID in lower case; 400 for no UUID, 404 for no taxonomy. */
    private static String taxonomy(HsdsMapping m, String taxonomyId) {
        String taxonomy = uuid("taxonomy_id", taxonomyId);
        if (m.taxonomies().stream().noneMatch(t -> t.get("id").asText().equals(taxonomy))) {
            throw unknown("taxonomy_id", taxonomyId, "taxonomy");
        }
        return taxonomy;
    }

    /** An HSDS page: numbered from 1; a page past the last is empty. */
    private <T> ResponseEntity<String> page(List<T> all, int number, int size, Function<T, ObjectNode> shown) {
        return json(HsdsPage.of(mapper, all, number, size, shown));
    }

    private ResponseEntity<String> json(JsonNode body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(write(body));
    }

    private String write(JsonNode body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(String name, String search) {
        return name.toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT));
    }

    /** The 1-based page asked for (1 when none); 400 naming it when out of range. */
    static int page(Integer page) {
        if (page != null && (page < 1 || page > 10_000_000)) {
            throw invalid("page", "must be from 1 (the first page) to 10000000");
        }
        return page == null ? 1 : page;
    }

    /** The page size asked for ({@link #DEFAULT_PER_PAGE} when none); 400 naming it when out of range. */
    static int perPage(Integer perPage) {
        if (perPage != null && (perPage < 1 || perPage > MAX_PER_PAGE)) {
            throw invalid("per_page", "must be from 1 to " + MAX_PER_PAGE);
        }
        return perPage == null ? DEFAULT_PER_PAGE : perPage;
    }

    private static boolean format(String format) {
        if (format == null || format.equals("json")) {
            return false;
        }
        if (format.equals("ndjson")) {
            return true;
        }
        throw invalid("format", "must be json or ndjson");
    }

    /** An instant (2026-01-31T10:00:00Z, with any offset) or a date, read as its start in UTC. */
    private static Optional<Instant> instant(String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notADateTime) {
            try {
                return Optional.of(
                        LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notADate) {
                throw invalid(name, "must be a date-time such as 2026-01-31T10:00:00Z, or a date");
            }
        }
    }

    private static String uuid(String name, String value) {
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw invalid(name, "must be a UUID");
        }
    }

    private static ApiException invalid(String name, String message) {
        return new ApiException.InvalidInput(
                "Parameter '" + name + "' is not valid", List.of(Violation.of(name, message)));
    }

    private static ApiException unknown(String name, String value, String what) {
        return new ApiException.NotFound(
                "No " + what + " has id " + value, List.of(Violation.of(name, "names no " + what)));
    }
}
