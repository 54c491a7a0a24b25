package it.snodo.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.network.EntityKind;
import it.snodo.network.NetworkReader;
import it.snodo.network.NetworkStore;
import it.snodo.network.PageOf;
import it.snodo.network.RowCache;
import it.snodo.network.Service;
import it.snodo.view.ConfidentialPlaces;
import it.snodo.web.Caller;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CRUD for services. */
@RestController
@RequestMapping("/api/v1/services")
@Tag(name = "services")
class ServiceController extends ResourceController<Service> {

    ServiceController(NetworkStore store, NetworkReader reader, RowCache rows) {
        super(EntityKind.SERVICE, store, reader, rows);
    }

    @GetMapping
    @Operation(
            summary = "List, ordered by key, filtered by every parameter given",
            description = "`territory` and `category` select the services that cover them, as referrals and gaps"
                    + " do; `availableIn` and `addresses` select those whose own lists name them.")
    PageOf<Service> list(
            @RequestParam(required = false) String provider,
            @Parameter(description = "Services that cover this category: they address it or a narrower one")
                    @RequestParam(required = false)
                    String category,
            @Parameter(description = "Services whose own categories name this one exactly")
                    @RequestParam(required = false)
                    String addresses,
            @Parameter(
                            description =
                                    "Services that cover some municipality of this territory: available in that"
                                            + " municipality or in a territory it is part of (its district, province or region)")
                    @RequestParam(required = false)
                    String territory,
            @Parameter(description = "Services whose own territories name this one exactly")
                    @RequestParam(required = false)
                    String availableIn,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        // Filtered by territory, a confidential service would tell where it is by being listed.
        String shownTo = territory == null && availableIn == null
                ? null
                : ConfidentialPlaces.forCurrentCaller().shownTo();
        return page(
                filters(
                        "provider",
                        provider,
                        "category",
                        category,
                        "addresses",
                        addresses,
                        "territory",
                        territory,
                        "availableIn",
                        availableIn,
                        NetworkReader.SHOWN_TO,
                        shownTo),
                page,
                size);
    }

    /**
     * A confidential service, or one of a confidential partner, shows no territories but to
     * planners and its provider.
     */
    @Override
    protected List<Service> shown(List<Service> rows) {
        ConfidentialPlaces places = ConfidentialPlaces.forCurrentCaller();
        if (rows.stream().allMatch(s -> places.seesWhere(s.provider()))) {
            return rows;
        }
        java.util.Set<String> confidentialPartners = this.rows.confidentialPartners();
        return rows.stream().map(s -> places.shown(s, confidentialPartners)).toList();
    }

    /** A cooperative's key writes only services it provides, and cannot take over another's. */
    @Override
    protected void checkMayWrite(String id, Service body) {
        reader.<Service>get(EntityKind.SERVICE, id)
                .ifPresent(
                        existing -> Caller.requireOwner(existing.provider(), "the service '" + id + "'", "provider"));
        if (body != null) {
            Caller.requireOwner(body.provider(), "the service '" + id + "'", "provider");
        }
    }
}
