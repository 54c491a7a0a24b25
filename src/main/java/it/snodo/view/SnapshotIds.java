package it.snodo.view;

import it.snodo.engine.Network;
import it.snodo.network.TerritoryLevel;
import it.snodo.web.ApiException;
import it.snodo.web.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The one translation between the API's ids and the indexes of one snapshot, both ways, for the
 * REST layers: a controller never reads an id or a name off the snapshot itself.
 *
 * <p>From a request to indexes, each method answers the index or refuses with the problem the API
 * gives for that id — 404 for an id that names nothing ("No category 'x'"), 400 naming the field
 * for one that names the wrong kind of thing ("must be a municipality"). Lookups that must not
 * fail on the first unknown id (a what-if names many) use the {@code find} methods.
 *
 * <p>From indexes to an answer, the ids, names and kinds an answer shows of the entities an
 * algorithm found; the methods that take {@code names} also put each entity's name in that map
 * of id to name, which many answers carry beside their lists of ids.
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
            throw new ApiException.NotFound(
                    "Unknown categories: "
                            + String.join(
                                    ", ", unknown.stream().map(Violation::id).toList()),
                    unknown);
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
            throw new ApiException.InvalidInput(
                    refusal,
                    List.of(Violation.of(
                            field, "must be a municipality, '" + id + "' is a " + network.territoryLevel(t))));
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
            throw new ApiException.InvalidInput(
                    refusal, List.of(Violation.of(field, "must be a cooperative, '" + id + "' is a partner")));
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

    /** The territories of a level, ascending by id. */
    public int[] territories(TerritoryLevel level) {
        return network.territoriesOfLevel(level.name());
    }

    // From indexes to an answer.

    public String territoryId(int t) {
        return network.territoryId(t);
    }

    public String territoryName(int t) {
        return network.territoryName(t);
    }

    /** The territory's level, as {@link TerritoryLevel} names it. */
    public String territoryLevel(int t) {
        return network.territoryLevel(t);
    }

    public String categoryCode(int c) {
        return network.categoryCode(c);
    }

    public String categoryName(int c) {
        return network.categoryName(c);
    }

    /** The codes of these categories, in their order. */
    public List<String> categoryCodes(int[] categories) {
        List<String> codes = new ArrayList<>(categories.length);
        for (int c : categories) {
            codes.add(network.categoryCode(c));
        }
        return codes;
    }

    /** The code of every category, in the order of their indexes (that of their codes). */
    public List<String> categoryCodes() {
        List<String> codes = new ArrayList<>(network.categoryCount());
        for (int c = 0; c < network.categoryCount(); c++) {
            codes.add(network.categoryCode(c));
        }
        return codes;
    }

    public String serviceId(int s) {
        return network.serviceId(s);
    }

    public String serviceName(int s) {
        return network.serviceName(s);
    }

    /** The service's id, its name put in {@code names}. */
    public String serviceId(int s, Map<String, String> names) {
        names.put(network.serviceId(s), network.serviceName(s));
        return network.serviceId(s);
    }

    public String needId(int need) {
        return network.needs().id(need);
    }

    public String actorId(int a) {
        return network.actorId(a);
    }

    public String actorName(int a) {
        return network.actorName(a);
    }

    /** COOPERATIVE or PARTNER. */
    public String actorKind(int a) {
        return network.isCooperative(a) ? "COOPERATIVE" : "PARTNER";
    }

    /** The actor's id, its name put in {@code names}. */
    public String actorId(int a, Map<String, String> names) {
        names.put(network.actorId(a), network.actorName(a));
        return network.actorId(a);
    }

    /** The ids of these actors, in their order. */
    public List<String> actorIds(int[] actors) {
        List<String> ids = new ArrayList<>(actors.length);
        for (int a : actors) {
            ids.add(network.actorId(a));
        }
        return ids;
    }

    /** The ids of these actors, in their order. */
    public List<String> actorIds(Collection<Integer> actors) {
        return actorIds(actors.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The ids of these actors, in their order, each one's name put in {@code names}. */
    public List<String> actorIds(int[] actors, Map<String, String> names) {
        List<String> ids = new ArrayList<>(actors.length);
        for (int a : actors) {
            ids.add(actorId(a, names));
        }
        return ids;
    }

    /** The ids of these actors, in their order, each one's name put in {@code names}. */
    public List<String> actorIds(Collection<Integer> actors, Map<String, String> names) {
        return actorIds(actors.stream().mapToInt(Integer::intValue).toArray(), names);
    }
}
