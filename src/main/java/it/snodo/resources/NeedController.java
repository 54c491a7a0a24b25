package it.snodo.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.network.EntityKind;
import it.snodo.network.Need;
import it.snodo.network.NetworkReader;
import it.snodo.network.NetworkStore;
import it.snodo.network.PageOf;
import it.snodo.network.RowCache;
import it.snodo.network.Urgency;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CRUD for needs: aggregates only; a body with any other field (a name, a phone...) is refused. */
@RestController
@RequestMapping("/api/v1/needs")
@Tag(name = "needs")
class NeedController extends ResourceController<Need> {

    NeedController(NetworkStore store, NetworkReader reader, RowCache rows) {
        super(EntityKind.NEED, store, reader, rows);
    }

    @GetMapping
    @Operation(
            summary = "List, ordered by key, filtered by every parameter given",
            description = "As a gap report counts demand: category selects the needs of that category or a"
                    + " narrower one (ofKind: of exactly that category), territory those located in it or in one"
                    + " of its municipalities.")
    PageOf<Need> list(
            @Parameter(description = "the needs of this category or a narrower one") @RequestParam(required = false)
                    String category,
            @Parameter(description = "the needs of exactly this category") @RequestParam(required = false)
                    String ofKind,
            @Parameter(description = "the needs located in this territory or in one of its municipalities")
                    @RequestParam(required = false)
                    String territory,
            @RequestParam(required = false) Urgency urgency,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return page(
                filters("category", category, "ofKind", ofKind, "territory", territory, "urgency", urgency),
                page,
                size);
    }
}
