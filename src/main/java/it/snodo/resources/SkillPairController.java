package it.snodo.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import it.snodo.network.EntityKind;
import it.snodo.network.NetworkDocument;
import it.snodo.network.NetworkReader;
import it.snodo.network.NetworkStore;
import it.snodo.network.PageOf;
import it.snodo.network.Row;
import it.snodo.network.RowCache;
import it.snodo.network.UnknownEntity;
import it.snodo.web.ApiException;
import it.snodo.web.Caller;
import it.snodo.web.Violation;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * CRUD for the hours a cooperative lends or looks for of a skill, one per pair, named by the two:
 * {@code /{cooperative}/{skill}}. A cooperative's key writes only its own.
 */
abstract class SkillPairController<T extends Row> {

    private final EntityKind kind;
    private final NetworkStore store;
    private final NetworkReader reader;
    private final RowCache rows;

    SkillPairController(EntityKind kind, NetworkStore store, NetworkReader reader, RowCache rows) {
        this.kind = kind;
        this.store = store;
        this.reader = reader;
        this.rows = rows;
    }

    /** The cooperative of a row. */
    abstract String cooperative(T row);

    /** The skill of a row. */
    abstract String skill(T row);

    @GetMapping
    @Operation(summary = "List, ordered by cooperative and skill, filtered by every parameter given")
    PageOf<T> list(
            @RequestParam(required = false) String cooperative,
            @Parameter(description = "The skill or a narrower one") @RequestParam(required = false) String skill,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        ResourceController.checkPage(page, size);
        return reader.list(kind, ResourceController.filters("cooperative", cooperative, "skill", skill), page, size);
    }

    @GetMapping("/{cooperative}/{skill}")
    @Operation(summary = "Get one; the ETag is its revision, for If-Match on a replace")
    ResponseEntity<T> get(@PathVariable String cooperative, @PathVariable String skill) {
        NetworkReader.Revised<T> found =
                rows.<T>getPair(kind, cooperative, skill).orElseThrow(() -> notFound(cooperative, skill));
        return ResponseEntity.ok().eTag(Long.toString(found.revision())).body(found.row());
    }

    @PostMapping
    @Operation(summary = "Create one; 409 if the cooperative has one for the skill already")
    ResponseEntity<T> create(@Valid @RequestBody T body) {
        ResourceController.checkOnItsOwn(body);
        Caller.requireOwner(cooperative(body), "the " + kind.word + " of '" + cooperative(body) + "'", "cooperative");
        long version = store.write(NetworkDocument.of(body), NetworkStore.Mode.CREATE);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{cooperative}/{skill}")
                .buildAndExpand(cooperative(body), skill(body))
                .toUri();
        return ResponseEntity.created(location)
                .header(ResourceController.VERSION_HEADER, Long.toString(version))
                .body(body);
    }

    @PutMapping("/{cooperative}/{skill}")
    @Operation(summary = "Replace the hours a week; with If-Match, 412 when someone wrote it since")
    ResponseEntity<T> replace(
            @PathVariable String cooperative,
            @PathVariable String skill,
            @Valid @RequestBody T body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        if (!cooperative.equals(cooperative(body)) || !skill.equals(skill(body))) {
            throw new ApiException.InvalidInput(
                    "The body's cooperative and skill are not the ones in the path",
                    List.of(
                            Violation.of("cooperative", "must be '" + cooperative + "'"),
                            Violation.of("skill", "must be '" + skill + "'")));
        }
        ResourceController.checkOnItsOwn(body);
        Caller.requireOwner(cooperative, "the " + kind.word + " of '" + cooperative + "'", "cooperative");
        long version =
                store.write(NetworkDocument.of(body), NetworkStore.Mode.REPLACE, ResourceController.revisions(ifMatch));
        return ResponseEntity.ok()
                .header(ResourceController.VERSION_HEADER, Long.toString(version))
                .eTag(Long.toString(version))
                .body(body);
    }

    @DeleteMapping("/{cooperative}/{skill}")
    @Operation(summary = "Delete one")
    ResponseEntity<Void> delete(@PathVariable String cooperative, @PathVariable String skill) {
        Caller.requireOwner(cooperative, "the " + kind.word + " of '" + cooperative + "'", "cooperative");
        long version = store.deletePair(kind, cooperative, skill);
        return ResponseEntity.noContent()
                .header(ResourceController.VERSION_HEADER, Long.toString(version))
                .build();
    }

    private UnknownEntity notFound(String cooperative, String skill) {
        return new UnknownEntity(
                "No " + kind.word + " of '" + cooperative + "' for the skill '" + skill + "'", List.of());
    }
}
