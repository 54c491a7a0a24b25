package it.snodo.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.network.Cooperative;
import it.snodo.network.CooperativeType;
import it.snodo.network.EntityKind;
import it.snodo.network.NetworkReader;
import it.snodo.network.NetworkStore;
import it.snodo.network.PageOf;
import it.snodo.network.RowCache;
import it.snodo.web.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CRUD for cooperatives. */
@RestController
@RequestMapping("/api/v1/cooperatives")
@Tag(name = "cooperatives")
class CooperativeController extends ResourceController<Cooperative> {

    CooperativeController(NetworkStore store, NetworkReader reader, RowCache rows) {
        super(EntityKind.COOPERATIVE, store, reader, rows);
    }

    @GetMapping
    @Operation(summary = "List, ordered by key, filtered by every parameter given")
    PageOf<Cooperative> list(
            @RequestParam(required = false) CooperativeType type,
            @RequestParam(required = false) String territory,
            @RequestParam(required = false) String memberOf,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return page(filters("type", type, "territory", territory, "memberOf", memberOf), page, size);
    }

    /** A cooperative's key writes its own cooperative and nothing else; deleting one is a planner's act. */
    @Override
    protected void checkMayWrite(String id, Cooperative body) {
        if (body == null) {
            Caller.requirePlanner("delete a cooperative");
        } else {
            Caller.requireOwner(id, "the cooperative '" + id + "'", "id");
        }
    }
}
