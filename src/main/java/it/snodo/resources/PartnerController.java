package it.snodo.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.network.EntityKind;
import it.snodo.network.NetworkReader;
import it.snodo.network.NetworkStore;
import it.snodo.network.PageOf;
import it.snodo.network.Partner;
import it.snodo.network.PartnerKind;
import it.snodo.network.RowCache;
import it.snodo.view.ConfidentialPlaces;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CRUD for partners. */
@RestController
@RequestMapping("/api/v1/partners")
@Tag(name = "partners")
class PartnerController extends ResourceController<Partner> {

    PartnerController(NetworkStore store, NetworkReader reader, RowCache rows) {
        super(EntityKind.PARTNER, store, reader, rows);
    }

    @GetMapping
    @Operation(summary = "List, ordered by key, filtered by every parameter given")
    PageOf<Partner> list(
            @RequestParam(required = false) PartnerKind kind,
            @RequestParam(required = false) String territory,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        String shownTo =
                territory == null ? null : ConfidentialPlaces.forCurrentCaller().shownTo();
        return page(filters("kind", kind, "territory", territory, NetworkReader.SHOWN_TO, shownTo), page, size);
    }

    /** A confidential partner shows no base but to planners. */
    @Override
    protected List<Partner> shown(List<Partner> rows) {
        ConfidentialPlaces places = ConfidentialPlaces.forCurrentCaller();
        return rows.stream().map(places::shown).toList();
    }
}
