package it.snodo.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable snapshot of the whole network at one version: a version and six parts, each built
 * once from the rows of its kind and asked by the algorithms for what they need.
 *
 * <ul>
 * <li>{@link Territories}: the territory tree, points, the municipalities under each territory
 *     and within a distance of each;</li>
 * <li>{@link Categories}: the category tree, with "c or a descendant of c" as one interval test;</li>
 * <li>{@link Actors}: cooperatives and partners, where each is based, the entry points of each
 *     municipality;</li>
 * <li>{@link Services}: providers, places, categories, where each is available, the services
 *     that cover each municipality and those within a distance of it;</li>
 * <li>{@link Needs}: each need's category, municipality and people, and the needs of each
 *     municipality;</li>
 * <li>{@link TieGraph}: the tie graph's edges with their strengths and kinds, its components,
 *     articulation points and bridges.</li>
 * </ul>
 *
 * <p>Every entity kind is numbered 0..n-1 in the order of its ids, so two snapshots of the same
 * network are equal to the index, and any part answers by index. Inside the parts, relationships
 * are compressed sparse rows (an offsets array and a data array), each array private to the one
 * part that builds it. A write of needs alone replaces the needs and shares the rest
 * ({@link #withNeeds}); a write of services builds the services again from the snapshot's own
 * values and shares the rest ({@link #patched}).
 *
 * <p>Build one with {@link #builder(long)}; ids are checked for references, never trusted. The
 * lookups by id and the one-line reads below serve the callers outside the engine, which name
 * entities by id; the algorithms ask the parts.
 */
public final class Network {

    /** The territory level of a municipality, the only one needs may be located in. */
    public static final String MUNICIPALITY = "MUNICIPALITY";
    /** The cooperative type of a consortium: an entry point of referral paths. */
    public static final String CONSORTIUM = "CONSORTIUM";

    private final long version;
    private final Territories territories;
    private final Categories categories;
    private final Actors actors;
    private final Services services;
    private final Needs needs;
    private final TieGraph tieGraph;

    private Network(
            long version,
            Territories territories,
            Categories categories,
            Actors actors,
            Services services,
            Needs needs,
            TieGraph tieGraph) {
        this.version = version;
        this.territories = territories;
        this.categories = categories;
        this.actors = actors;
        this.services = services;
        this.needs = needs;
        this.tieGraph = tieGraph;
    }

    public static Builder builder(long version) {
        return new Builder(version);
    }

    /**
     * A need's values: a row of the snapshot's needs, and what {@link #withNeeds} writes.
     *
     * @param urgency LOW, MEDIUM, HIGH, or null for none
     */
    public record NeedValues(String id, String category, String territory, int people, String urgency) {

        /** A need without urgency. */
        public NeedValues(String id, String category, String territory, int people) {
            this(id, category, territory, people, null);
        }
    }

    /**
     * This snapshot with some needs written or deleted, at a new version: what a write of needs
     * alone changes, in time proportional to the needs. Only the needs are built again; every
     * other part is shared, not copied. Needs are the most frequent write, and they change
     * nothing but demand.
     *
     * @throws UnknownEntity when a need names a category or territory this snapshot does not have
     */
    public Network withNeeds(long version, List<NeedValues> written, Collection<String> deleted) {
        return new Network(version, territories, categories, actors, services, needs.with(written, deleted), tieGraph);
    }

    /**
     * A service's values: what {@link #patched} writes.
     *
     * @param capacity null when not known
     * @param occupied null for none
     * @param confidential marked confidential itself (a confidential provider makes it so too)
     */
    public record ServiceValues(
            String id,
            String name,
            String provider,
            Integer capacity,
            Integer occupied,
            List<String> categories,
            List<String> territories,
            boolean confidential) {}

    /**
     * A write of needs and services, the kinds a snapshot is patched with: the rows written
     * (created or replaced) and the ids deleted of each.
     */
    public record Patch(
            List<NeedValues> needsWritten,
            Collection<String> needsDeleted,
            List<ServiceValues> servicesWritten,
            Collection<String> servicesDeleted) {

        public Patch {
            needsWritten = List.copyOf(needsWritten);
            needsDeleted = List.copyOf(needsDeleted);
            servicesWritten = List.copyOf(servicesWritten);
            servicesDeleted = List.copyOf(servicesDeleted);
        }

        /** A write of needs alone. */
        public static Patch ofNeeds(List<NeedValues> written, Collection<String> deleted) {
            return new Patch(written, deleted, List.of(), List.of());
        }

        public boolean changesNeeds() {
            return !needsWritten.isEmpty() || !needsDeleted.isEmpty();
        }

        public boolean changesServices() {
            return !servicesWritten.isEmpty() || !servicesDeleted.isEmpty();
        }
    }

    /**
     * This snapshot after a write of needs and services, at a new version, without reading the
     * database: the needs are patched ({@link #withNeeds}), the services built again from the
     * snapshot's own values and the rows written, in time proportional to the services and what
     * they cover; every other part is shared. A patch that changes nothing gives the same network
     * at the new version (a write of what the snapshot does not hold: skills, spaces).
     *
     * @throws UnknownEntity when a row names a provider, category or territory this snapshot does
     *     not have
     */
    public Network patched(long version, Patch patch) {
        Services s = services;
        if (patch.changesServices()) {
            List<Services.Row> rows = new ArrayList<>();
            Set<String> marked = new HashSet<>();
            for (ServiceValues v : patch.servicesWritten()) {
                rows.add(serviceRow(
                        v.id(), v.name(), v.provider(), v.capacity(), v.occupied(), v.categories(), v.territories()));
                if (v.confidential()) {
                    marked.add(v.id());
                }
            }
            s = services.with(rows, marked, patch.servicesDeleted());
        }
        Needs n = patch.changesNeeds() ? needs.with(patch.needsWritten(), patch.needsDeleted()) : needs;
        return new Network(version, territories, categories, actors, s, n, tieGraph);
    }

    /** A service's row for the services part, as the builder and a patch give it. */
    private static Services.Row serviceRow(
            String id,
            String name,
            String provider,
            Integer capacity,
            Integer occupied,
            List<String> categories,
            List<String> territories) {
        return new Services.Row(
                Objects.requireNonNull(id, "id"),
                name,
                Objects.requireNonNull(provider, "provider"),
                capacity,
                occupied,
                List.copyOf(categories),
                List.copyOf(territories));
    }

    /** The network version this snapshot holds: every committed write makes a larger one. */
    public long version() {
        return version;
    }

    /** The territory tree, each territory's point, the municipalities under each and within a distance of each. */
    public Territories territories() {
        return territories;
    }

    /** The category tree shared by needs and services. */
    public Categories categories() {
        return categories;
    }

    /** The cooperatives and partners. */
    public Actors actors() {
        return actors;
    }

    /** The services and what each covers. */
    public Services services() {
        return services;
    }

    /** The needs and where each is located. */
    public Needs needs() {
        return needs;
    }

    /** The tie graph: its edges, components, articulation points and bridges. */
    public TieGraph tieGraph() {
        return tieGraph;
    }

    /**
     * The bytes of this snapshot's arrays (ids and names counted as references only): what the
     * engine holds per network, for the benchmark's bytes-per-edge figure.
     */
    public long arrayBytes() {
        return territories.arrayBytes()
                + categories.arrayBytes()
                + actors.arrayBytes()
                + services.arrayBytes()
                + needs.arrayBytes()
                + tieGraph.arrayBytes();
    }

    // Lookups by id, and reads by index, for the callers outside the engine.

    /** The index of a territory, or {@link UnknownEntity}. */
    public int territory(String id) {
        return territories.index(id);
    }

    /** The index of a category, or {@link UnknownEntity}. */
    public int category(String code) {
        return categories.index(code);
    }

    /** The index of a cooperative or partner, or {@link UnknownEntity}. */
    public int actor(String id) {
        return actors.index(id);
    }

    /** The index of a service, or {@link UnknownEntity}. */
    public int service(String id) {
        return services.index(id);
    }

    public boolean hasTerritory(String id) {
        return territories.has(id);
    }

    public boolean hasCategory(String code) {
        return categories.has(code);
    }

    public boolean hasActor(String id) {
        return actors.has(id);
    }

    public boolean hasService(String id) {
        return services.has(id);
    }

    public int territoryCount() {
        return territories.count();
    }

    public int categoryCount() {
        return categories.count();
    }

    public int actorCount() {
        return actors.count();
    }

    public int serviceCount() {
        return services.count();
    }

    public int needCount() {
        return needs.count();
    }

    /** How many pairs of actors are tied (several ties between one pair are one edge). */
    public int tiedPairCount() {
        return tieGraph.pairCount();
    }

    public String territoryId(int t) {
        return territories.id(t);
    }

    public String territoryName(int t) {
        return territories.name(t);
    }

    public String territoryLevel(int t) {
        return territories.level(t);
    }

    public boolean isMunicipality(int t) {
        return territories.isMunicipality(t);
    }

    /** The territories of a level, ascending by id. */
    public int[] territoriesOfLevel(String level) {
        return territories.ofLevel(level);
    }

    public String categoryCode(int c) {
        return categories.code(c);
    }

    public String categoryName(int c) {
        return categories.name(c);
    }

    public String actorId(int a) {
        return actors.id(a);
    }

    public String actorName(int a) {
        return actors.name(a);
    }

    public boolean isCooperative(int a) {
        return actors.isCooperative(a);
    }

    /** True when the actor is confidential (a partner): where it is based is not shown to everyone. */
    public boolean isConfidentialActor(int a) {
        return actors.isConfidential(a);
    }

    public String serviceId(int s) {
        return services.id(s);
    }

    public String serviceName(int s) {
        return services.name(s);
    }

    /** The actor that runs the service. */
    public int provider(int s) {
        return services.provider(s);
    }

    /** The services that are confidential or whose provider is, ascending. */
    public int[] confidentialServices() {
        return services.confidential();
    }

    /** Builds a {@link Network} from rows given by id, in any order. */
    public static final class Builder {

        private final long version;
        private final List<Territories.Row> territories = new ArrayList<>();
        private final List<Categories.Row> categories = new ArrayList<>();
        private final List<Actors.Row> actors = new ArrayList<>();
        private final List<Services.Row> services = new ArrayList<>();
        private final List<NeedValues> needs = new ArrayList<>();
        private final List<TieGraph.Row> ties = new ArrayList<>();
        private final Set<String> confidential = new HashSet<>();

        private Builder(long version) {
            this.version = version;
        }

        /** A territory; a municipality needs lat and lon. */
        public Builder territory(String id, String name, String level, String partOf, Double lat, Double lon) {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(level, "level");
            if (MUNICIPALITY.equals(level) && (lat == null || lon == null)) {
                throw new IllegalArgumentException("municipality " + id + " has no point");
            }
            territories.add(new Territories.Row(id, name, level.intern(), partOf, lat, lon));
            return this;
        }

        public Builder category(String code, String name, String partOf) {
            categories.add(new Categories.Row(Objects.requireNonNull(code, "code"), name, partOf));
            return this;
        }

        /** A cooperative with its type (A, B, MIXED, CONSORTIUM). */
        public Builder cooperative(String id, String name, String type, String basedIn) {
            actors.add(new Actors.Row(Objects.requireNonNull(id, "id"), name, true, type, basedIn));
            return this;
        }

        /** A partner with its kind (MUNICIPALITY, HEALTH_AGENCY, ...). */
        public Builder partner(String id, String name, String kind, String basedIn) {
            actors.add(new Actors.Row(Objects.requireNonNull(id, "id"), name, false, kind, basedIn));
            return this;
        }

        public Builder service(
                String id,
                String name,
                String provider,
                Integer capacity,
                Integer occupied,
                List<String> categories,
                List<String> territories) {
            services.add(serviceRow(id, name, provider, capacity, occupied, categories, territories));
            return this;
        }

        public Builder need(String id, String category, String territory, int people) {
            return need(id, category, territory, people, null);
        }

        /** A need with its urgency: LOW, MEDIUM, HIGH, or null for none. */
        public Builder need(String id, String category, String territory, int people, String urgency) {
            needs.add(new NeedValues(Objects.requireNonNull(id, "id"), category, territory, people, urgency));
            return this;
        }

        /** Marks a service or partner confidential: where it is must not be shown to everyone. */
        public Builder confidential(String id) {
            confidential.add(Objects.requireNonNull(id, "id"));
            return this;
        }

        public Builder tie(String from, String to, String kind, Double strength) {
            ties.add(new TieGraph.Row(from, to, kind, strength));
            return this;
        }

        /**
         * The snapshot: each part built from its rows, in this order, each checking the
         * references to the parts before it.
         *
         * @throws UnknownEntity when a row names something not given
         * @throws IllegalArgumentException when an id is given twice, or a tree has a cycle
         */
        public Network build() {
            Territories t = new Territories(territories);
            Categories c = new Categories(categories);
            Actors a = new Actors(actors, t, confidential);
            Services s = new Services(services, t, c, a, confidential);
            for (String id : confidential) {
                if (!s.has(id) && !a.has(id)) {
                    throw new UnknownEntity("service or partner", id);
                }
            }
            Needs n = Needs.of(needs, t, c);
            TieGraph g = new TieGraph(ties, a);
            return new Network(version, t, c, a, s, n, g);
        }
    }
}
