package it.snodo.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.engine.Geo;
import it.snodo.network.EntityKind;
import it.snodo.network.NetworkReader;
import it.snodo.network.NetworkStore;
import it.snodo.network.PageOf;
import it.snodo.network.RowCache;
import it.snodo.network.Space;
import it.snodo.network.SpaceKind;
import it.snodo.network.Territory;
import it.snodo.network.TerritoryLevel;
import it.snodo.view.ConfidentialPlaces;
import it.snodo.web.ApiException;
import it.snodo.web.Caller;
import it.snodo.web.Paging;
import it.snodo.web.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CRUD for shared spaces, and where to find one: the list near a municipality (docs/design.md,
 * Shared spaces).
 */
@RestController
@RequestMapping("/api/v1/spaces")
@Tag(name = "skills and spaces")
class SpaceController extends ResourceController<Space> {

    static final double MAX_KM = 500;

    SpaceController(NetworkStore store, NetworkReader reader, RowCache rows) {
        super(EntityKind.SPACE, store, reader, rows);
    }

    /** A space as a list shows it: with its distance from the municipality asked for, if one was. */
    record ListedSpace(
            String id,
            String name,
            SpaceKind kind,
            Integer capacity,
            Boolean accessible,
            String owner,
            String territory,
            Double distanceKm) {

        static ListedSpace of(Space s, Double distanceKm) {
            return new ListedSpace(
                    s.id(), s.name(), s.kind(), s.capacity(), s.accessible(), s.owner(), s.territory(), distanceKm);
        }
    }

    @GetMapping
    @Operation(
            summary = "List, filtered by every parameter given; with near, the spaces within maxKm of a municipality",
            description = "Without near, ordered by id, without distance. With near (a municipality), the spaces"
                    + " located within maxKm of it (its own at 0), by distance, then capacity (largest first, unknown"
                    + " last), then id, each with its great-circle distanceKm between the two municipalities.")
    PageOf<ListedSpace> list(
            @RequestParam(required = false) String owner,
            @Parameter(description = "Spaces located in this territory or in a municipality of it")
                    @RequestParam(required = false)
                    String territory,
            @RequestParam(required = false) SpaceKind kind,
            @RequestParam(required = false) Integer minCapacity,
            @RequestParam(required = false) Boolean accessible,
            @Parameter(description = "A municipality: the spaces near it, nearest first")
                    @RequestParam(required = false)
                    String near,
            @Parameter(description = "With near: how far, in km (0-500, default 10)") @RequestParam(required = false)
                    Double maxKm,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        checkPage(page, size);
        List<Violation> errors = new ArrayList<>();
        if (minCapacity != null && (minCapacity < 0 || minCapacity > 100_000)) {
            errors.add(Violation.of("minCapacity", "must be between 0 and 100000"));
        }
        if (maxKm != null && near == null) {
            errors.add(Violation.of("maxKm", "is taken only with near"));
        }
        if (maxKm != null && !(maxKm >= 0 && maxKm <= MAX_KM)) {
            errors.add(Violation.of("maxKm", "must be between 0 and " + (int) MAX_KM));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.InvalidInput("The space query is not valid", errors);
        }
        Map<String, Object> filters = filters(
                "owner",
                owner,
                "territory",
                territory,
                "kind",
                kind,
                "minCapacity",
                minCapacity,
                "accessible",
                accessible);
        if (near == null && !hidesSome()) {
            PageOf<Space> found = reader.list(EntityKind.SPACE, filters, page, size);
            return new PageOf<>(
                    found.content().stream().map(s -> ListedSpace.of(s, null)).toList(),
                    found.page(),
                    found.size(),
                    found.totalElements(),
                    found.totalPages());
        }
        if (near == null) {
            List<ListedSpace> all = shown(all(filters)).stream()
                    .map(s -> ListedSpace.of(s, null))
                    .toList();
            int from = (int) Math.min(all.size(), (long) page * size);
            int to = (int) Math.min(all.size(), (long) from + size);
            return new PageOf<>(all.subList(from, to), page, size, all.size(), (all.size() + size - 1) / size);
        }
        return near(near, maxKm == null ? 10 : maxKm, filters, page, size);
    }

    /**
     * True when the caller may not be shown every space: a space of a confidential partner says
     * where the partner is, which only a planner may know (docs/design.md, "Confidential places").
     */
    private boolean hidesSome() {
        return !ConfidentialPlaces.forCurrentCaller().seesAll()
                && !rows.confidentialPartners().isEmpty();
    }

    @Override
    protected List<Space> shown(List<Space> rows) {
        if (!hidesSome()) {
            return rows;
        }
        Set<String> confidential = this.rows.confidentialPartners();
        return rows.stream().filter(s -> !confidential.contains(s.owner())).toList();
    }

    /** Every space that passes the filters, by id. */
    private List<Space> all(Map<String, Object> filters) {
        List<Space> all = new ArrayList<>();
        for (int p = 0; ; p++) {
            PageOf<Space> found = reader.list(EntityKind.SPACE, filters, p, Paging.MAX_SIZE);
            all.addAll(found.content());
            if (p + 1 >= found.totalPages()) {
                return all;
            }
        }
    }

    private PageOf<ListedSpace> near(String near, double maxKm, Map<String, Object> filters, int page, int size) {
        Territory m = reader.<Territory>get(EntityKind.TERRITORY, near)
                .orElseThrow(() -> new ApiException.NotFound("No territory '" + near + "'"));
        if (m.level() != TerritoryLevel.MUNICIPALITY) {
            throw new ApiException.InvalidInput(
                    "Spaces are found near a municipality",
                    List.of(Violation.of("near", "must be a municipality, '" + near + "' is a " + m.level())));
        }
        List<Space> all = shown(all(filters));
        Set<String> territories = new HashSet<>();
        all.forEach(s -> territories.add(s.territory()));
        Map<String, double[]> points = reader.points(territories);
        List<ListedSpace> within = new ArrayList<>();
        for (Space s : all) {
            double[] at = points.get(s.territory());
            if (at == null) {
                continue;
            }
            double km = s.territory().equals(near) ? 0 : Geo.distanceKm(m.lat(), m.lon(), at[0], at[1]);
            if (km <= maxKm) {
                within.add(ListedSpace.of(s, km));
            }
        }
        within.sort(Comparator.comparingDouble(ListedSpace::distanceKm)
                .thenComparing(ListedSpace::capacity, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(ListedSpace::id));
        int from = (int) Math.min(within.size(), (long) page * size);
        int to = (int) Math.min(within.size(), (long) from + size);
        // Ranked by the exact distance, shown to 4 decimals.
        List<ListedSpace> shown = within.subList(from, to).stream()
                .map(l -> new ListedSpace(
                        l.id(),
                        l.name(),
                        l.kind(),
                        l.capacity(),
                        l.accessible(),
                        l.owner(),
                        l.territory(),
                        Math.round(l.distanceKm() * 1e4) / 1e4))
                .toList();
        return new PageOf<>(shown, page, size, within.size(), (within.size() + size - 1) / size);
    }

    /** A cooperative's key writes only its own spaces, and cannot take over another's. */
    @Override
    protected void checkMayWrite(String id, Space body) {
        reader.<Space>get(EntityKind.SPACE, id)
                .ifPresent(existing -> Caller.requireOwner(existing.owner(), "the space '" + id + "'", "owner"));
        if (body != null) {
            Caller.requireOwner(body.owner(), "the space '" + id + "'", "owner");
        }
    }
}
