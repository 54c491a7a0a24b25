package it.snodo.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.network.EntityKind;
import it.snodo.network.NetworkDocument;
import it.snodo.network.NetworkReader;
import it.snodo.network.NetworkStore;
import it.snodo.network.PageOf;
import it.snodo.network.RowCache;
import it.snodo.network.Tie;
import it.snodo.network.TieKind;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** CRUD for ties, which are named by their two ends and their kind: {@code /ties/{from}/{to}/{kind}}. */
@RestController
@RequestMapping("/api/v1/ties")
@Tag(name = "ties")
class TieController {

    private final NetworkStore store;
    private final NetworkReader reader;
    private final RowCache rows;

    TieController(NetworkStore store, NetworkReader reader, RowCache rows) {
        this.store = store;
        this.reader = reader;
        this.rows = rows;
    }

    @GetMapping
    @Operation(summary = "List, ordered by from, to and kind, filtered by every parameter given")
    PageOf<Tie> list(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) TieKind kind,
            @RequestParam(required = false) String actor,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        ResourceController.checkPage(page, size);
        return reader.list(
                EntityKind.TIE,
                ResourceController.filters("from", from, "to", to, "kind", kind, "actor", actor),
                page,
                size);
    }

    @GetMapping("/{from}/{to}/{kind}")
    @Operation(summary = "Get one tie; the ETag is its revision, for If-Match on a replace")
    ResponseEntity<Tie> get(@PathVariable String from, @PathVariable String to, @PathVariable TieKind kind) {
        NetworkReader.Revised<Tie> found = rows.getTie(from, to, kind).orElseThrow(() -> notFound(from, to, kind));
        return ResponseEntity.ok().eTag(Long.toString(found.revision())).body(found.row());
    }

    @PostMapping
    @Operation(summary = "Create a tie; 409 if one of that kind exists between the two already")
    ResponseEntity<Tie> create(@Valid @RequestBody Tie body) {
        ResourceController.checkOnItsOwn(body);
        Caller.requireOwner(body.from(), "the tie from '" + body.from() + "'", "from");
        long version = store.write(NetworkDocument.of(body), NetworkStore.Mode.CREATE);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{from}/{to}/{kind}")
                .buildAndExpand(body.from(), body.to(), body.kind())
                .toUri();
        return ResponseEntity.created(location)
                .header(ResourceController.VERSION_HEADER, Long.toString(version))
                .body(body);
    }

    @PutMapping("/{from}/{to}/{kind}")
    @Operation(summary = "Replace a tie's since and strength; with If-Match, 412 when someone wrote it since")
    ResponseEntity<Tie> replace(
            @PathVariable String from,
            @PathVariable String to,
            @PathVariable TieKind kind,
            @Valid @RequestBody Tie body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        if (!from.equals(body.from()) || !to.equals(body.to()) || kind != body.kind()) {
            throw new ApiException.InvalidInput(
                    "The body's from, to and kind are not the ones in the path",
                    List.of(
                            Violation.of("from", "must be '" + from + "'"),
                            Violation.of("to", "must be '" + to + "'"),
                            Violation.of("kind", "must be " + kind)));
        }
        ResourceController.checkOnItsOwn(body);
        Caller.requireOwner(from, "the tie from '" + from + "'", "from");
        long version =
                store.write(NetworkDocument.of(body), NetworkStore.Mode.REPLACE, ResourceController.revisions(ifMatch));
        return ResponseEntity.ok()
                .header(ResourceController.VERSION_HEADER, Long.toString(version))
                .eTag(Long.toString(version))
                .body(body);
    }

    @DeleteMapping("/{from}/{to}/{kind}")
    @Operation(summary = "Delete a tie")
    ResponseEntity<Void> delete(@PathVariable String from, @PathVariable String to, @PathVariable TieKind kind) {
        Caller.requireOwner(from, "the tie from '" + from + "'", "from");
        long version = store.deleteTie(from, to, kind);
        return ResponseEntity.noContent()
                .header(ResourceController.VERSION_HEADER, Long.toString(version))
                .build();
    }

    private static UnknownEntity notFound(String from, String to, TieKind kind) {
        return new UnknownEntity("No " + kind + " tie from '" + from + "' to '" + to + "'", List.of());
    }
}
