package it.snodo.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.network.Category;
import it.snodo.network.EntityKind;
import it.snodo.network.NetworkReader;
import it.snodo.network.NetworkStore;
import it.snodo.network.PageOf;
import it.snodo.network.RowCache;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CRUD for categories. */
@RestController
@RequestMapping("/api/v1/categories")
@Tag(name = "categories")
class CategoryController extends ResourceController<Category> {

    CategoryController(NetworkStore store, NetworkReader reader, RowCache rows) {
        super(EntityKind.CATEGORY, store, reader, rows);
    }

    @GetMapping
    @Operation(summary = "List, ordered by key, filtered by every parameter given")
    PageOf<Category> list(
            @RequestParam(required = false) String partOf,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return page(filters("partOf", partOf), page, size);
    }
}
