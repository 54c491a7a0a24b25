package it.snodo.network;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

import it.snodo.engine.Network;
import it.snodo.web.ApiException;
import it.snodo.web.Violation;

/**
 * The ids of a request translated to the indexes of one snapshot, for the REST layers: each
 * method answers the index or refuses with the problem the API gives for that id — 404 for an id
 * that names nothing ("No category 'x'"), 400 naming the field for one that names the wrong kind
 * of thing ("must be a municipality"). Lookups that must not fail on the first unknown id (a
 * what-if names many) use the {@code find} methods.
 */
public final class SnapshotIds {

    private final Network network;

    public SnapshotIds(Network network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    /** The category with this code; 404 when none. */
    public int category(String code) {
        if (!network.hasCategory(code)) {
            throw new ApiException.NotFound("No category '" + code + "'");
        }
        return network.category(code);
    }

    /**
     * The distinct categories of these codes, in their first order; 404 naming every unknown one
     * by its place in the list ({@code field[i]}).
     */
    public int[] categories(List<String> codes, String field) {
        List<Violation> unknown = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!network.hasCategory(codes.get(i))) {
                unknown.add(new Violation(field + "[" + i + "]", codes.get(i), "is not a known category"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiException.NotFound("Unknown categories: "
                    + String.join(", ", unknown.stream().map(Violation::id).toList()), unknown);
        }
        return new LinkedHashSet<>(codes).stream().mapToInt(network::category).toArray();
    }

    /** The territory with this id, of any level; 404 when none. */
    public int territory(String id) {
        if (!network.hasTerritory(id)) {
            throw new ApiException.NotFound("No territory '" + id + "'");
        }
        return network.territory(id);
    }

    /**
     * The municipality with this id; 404 when no territory has it, 400 with {@code refusal} as the
     * detail and a violation of {@code field} when it is a territory of another level.
     */
    public int municipality(String id, String field, String refusal) {
        int t = territory(id);
        if (!network.isMunicipality(t)) {
            throw new ApiException.InvalidInput(refusal, List.of(Violation.of(field,
                    "must be a municipality, '" + id + "' is a " + network.territoryLevel(t))));
        }
        return t;
    }

    /** The cooperative or partner with this id; 404 when none. */
    public int actor(String id) {
        if (!network.hasActor(id)) {
            throw new ApiException.NotFound("No cooperative or partner '" + id + "'");
        }
        return network.actor(id);
    }

    /**
     * The cooperative with this id; 404 when no actor has it, 400 with {@code refusal} as the detail
     * and a violation of {@code field} when it is a partner.
     */
    public int cooperative(String id, String field, String refusal) {
        if (!network.hasActor(id)) {
            throw new ApiException.NotFound("No cooperative '" + id + "'");
        }
        int a = network.actor(id);
        if (!network.isCooperative(a)) {
            throw new ApiException.InvalidInput(refusal,
                    List.of(Violation.of(field, "must be a cooperative, '" + id + "' is a partner")));
        }
        return a;
    }

    /** The cooperative or partner with this id, if any. */
    public OptionalInt findActor(String id) {
        return network.hasActor(id) ? OptionalInt.of(network.actor(id)) : OptionalInt.empty();
    }

    /** The service with this id, if any. */
    public OptionalInt findService(String id) {
        return network.hasService(id) ? OptionalInt.of(network.service(id)) : OptionalInt.empty();
    }
}
