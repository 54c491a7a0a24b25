package it.snodo.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.network.EntityKind;
import it.snodo.network.NetworkReader;
import it.snodo.network.NetworkStore;
import it.snodo.network.PageOf;
import it.snodo.network.RowCache;
import it.snodo.network.Territory;
import it.snodo.network.TerritoryLevel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CRUD for territories. */
@RestController
@RequestMapping("/api/v1/territories")
@Tag(name = "territories")
class TerritoryController extends ResourceController<Territory> {

    TerritoryController(NetworkStore store, NetworkReader reader, RowCache rows) {
        super(EntityKind.TERRITORY, store, reader, rows);
    }

    @GetMapping
    @Operation(summary = "List, ordered by key, filtered by every parameter given")
    PageOf<Territory> list(
            @RequestParam(required = false) TerritoryLevel level,
            @RequestParam(required = false) String partOf,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return page(filters("level", level, "partOf", partOf), page, size);
    }
}
