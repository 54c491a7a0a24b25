package it.snodo.resources;

import io.swagger.v3.oas.annotations.Operation;
import it.snodo.network.DocumentChecks;
import it.snodo.network.EntityKind;
import it.snodo.network.NetworkDocument;
import it.snodo.network.NetworkReader;
import it.snodo.network.NetworkStore;
import it.snodo.network.PageOf;
import it.snodo.network.Row;
import it.snodo.network.RowCache;
import it.snodo.network.UnknownEntity;
import it.snodo.web.ApiException;
import it.snodo.web.Paging;
import it.snodo.web.Violation;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Get, create, replace and delete for one kind of entity keyed by one id; each subclass adds its
 * list with the filters of its kind. Every write answers with the {@value #VERSION_HEADER} that
 * holds it.
 */
abstract class ResourceController<T extends Row> {

    static final String VERSION_HEADER = "Network-Version";
    private static final java.util.regex.Pattern STRONG_TAG = java.util.regex.Pattern.compile("\"(\\d{1,18})\"");

    private final EntityKind kind;
    protected final NetworkStore store;
    protected final NetworkReader reader;
    /** One entity, and the confidential partners, from memory while nothing was written since. */
    protected final RowCache rows;

    ResourceController(EntityKind kind, NetworkStore store, NetworkReader reader, RowCache rows) {
        this.kind = kind;
        this.store = store;
        this.reader = reader;
        this.rows = rows;
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get one by its id; the ETag is its revision, for If-Match on a replace")
    ResponseEntity<T> get(@PathVariable String id) {
        NetworkReader.Revised<T> found = rows.<T>getRevised(kind, id)
                .orElseThrow(() -> new UnknownEntity("No " + kind.word + " '" + id + "'", List.of()));
        // A row the caller may not be shown at all is, for it, no row.
        List<T> shown = shown(List.of(found.row()));
        if (shown.isEmpty()) {
            throw new UnknownEntity("No " + kind.word + " '" + id + "'", List.of());
        }
        return ResponseEntity.ok().eTag(Long.toString(found.revision())).body(shown.get(0));
    }

    @PostMapping
    @Operation(summary = "Create one; 409 if the id is taken, 422 if a reference is unknown")
    ResponseEntity<T> create(@Valid @RequestBody T body) {
        checkOnItsOwn(body);
        checkMayWrite(body.key(), body);
        long version = store.write(NetworkDocument.of(body), NetworkStore.Mode.CREATE);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(body.key())
                .toUri();
        return ResponseEntity.created(location)
                .header(VERSION_HEADER, Long.toString(version))
                .body(body);
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Replace one: its properties and relationships become the body's",
            description = "With If-Match (the ETag of a GET), 412 when someone wrote it since; without, the last"
                    + " writer wins (and the audit says who).")
    ResponseEntity<T> replace(
            @PathVariable String id,
            @Valid @RequestBody T body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        if (!id.equals(body.key())) {
            throw new ApiException.InvalidInput(
                    "The body's id is not the one in the path",
                    List.of(Violation.of(
                            kind == EntityKind.CATEGORY ? "code" : "id", "must be '" + id + "' as in the path")));
        }
        checkOnItsOwn(body);
        checkMayWrite(id, body);
        long version = store.write(NetworkDocument.of(body), NetworkStore.Mode.REPLACE, revisions(ifMatch));
        return ResponseEntity.ok()
                .header(VERSION_HEADER, Long.toString(version))
                .eTag(Long.toString(version))
                .body(body);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete one, as far as the graph allows (409 when in use)")
    ResponseEntity<Void> delete(@PathVariable String id) {
        checkMayWrite(id, null);
        long version = store.delete(kind, id);
        return ResponseEntity.noContent()
                .header(VERSION_HEADER, Long.toString(version))
                .build();
    }

    /**
     * Refuses a write the caller's key may not make on this entity (403). The role rules by URL
     * are in the security configuration; a kind whose writes depend on who owns what overrides this.
     *
     * @param body the new row, or null for a delete
     */
    protected void checkMayWrite(String id, T body) {}

    /** A page of the list, with the filters that are set, as the caller may see it. */
    PageOf<T> page(Map<String, Object> filters, int page, int size) {
        checkPage(page, size);
        PageOf<T> found = reader.list(kind, filters, page, size);
        return new PageOf<>(
                shown(found.content()), found.page(), found.size(), found.totalElements(), found.totalPages());
    }

    /**
     * Rows as the caller may see them: a kind with confidential places hides where they are from
     * those who may not know it (by masking a row, or leaving it out).
     */
    protected List<T> shown(List<T> rows) {
        return rows;
    }

    /**
     * The revisions an If-Match header names ({@code "12"}, {@code "12", "15"}), or null for no
     * header or {@code *} (the replace itself requires the entity to exist). Weak or malformed
     * tags name no revision, so they never match (RFC 9110: If-Match compares strongly).
     */
    static java.util.Set<Long> revisions(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        java.util.Set<Long> revisions = new java.util.HashSet<>();
        for (String tag : ifMatch.split(",")) {
            java.util.regex.Matcher m = STRONG_TAG.matcher(tag.strip());
            if (m.matches()) {
                revisions.add(Long.parseLong(m.group(1)));
            }
        }
        return revisions;
    }

    static void checkPage(int page, int size) {
        List<Violation> errors = Paging.violations(page, size);
        if (!errors.isEmpty()) {
            throw new ApiException.InvalidInput("The page asked for is not valid", errors);
        }
    }

    static void checkOnItsOwn(Row row) {
        List<Violation> errors = new ArrayList<>();
        DocumentChecks.checkRow(row, "", errors);
        if (!errors.isEmpty()) {
            throw new ApiException.InvalidInput("The body is not valid", errors);
        }
    }

    static Map<String, Object> filters(Object... nameValues) {
        Map<String, Object> filters = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            filters.put((String) nameValues[i], nameValues[i + 1]);
        }
        return filters;
    }
}
