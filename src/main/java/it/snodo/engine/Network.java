package it.snodo.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable snapshot of the whole network at one version, in compact int-indexed arrays.
 *
 * <p>Every entity kind is numbered 0..n-1 in the order of its ids, so two snapshots of the same
 * network are equal to the index. Relationships are compressed sparse rows (an offsets array and
 * a data array), and the indexes that let a query touch only what it needs are built once here:
 * the municipalities under each territory, the services that cover each municipality, the
 * category tree as an Euler tour (so "c or a descendant of c" is one interval test), and the tie
 * graph as sorted adjacency.
 *
 * <p>Build one with {@link #builder(long)}; ids are checked for references, never trusted.
 */
public final class Network {

    /** The territory level of a municipality, the only one needs may be located in. */
    public static final String MUNICIPALITY = "MUNICIPALITY";
    /** The cooperative type of a consortium: an entry point of referral paths. */
    public static final String CONSORTIUM = "CONSORTIUM";

    private final long version;

    /** The territory tree, points, municipalities under each and within a distance of each. */
    private final Territories territories;

    /** The category tree, with "c or a descendant of c" as one interval test. */
    private final Categories categories;

    /** The cooperatives and partners, where each is based and the entry points of each municipality. */
    private final Actors actors;

    /** The services, their places and categories, and the services that cover each municipality. */
    private final Services services;

    // Needs
    final String[] needId;
    final int[] needCategory;
    final int[] needTerritory;
    final int[] needPeople;
    /** For each territory, the needs located in it (CSR; only municipalities have any). */
    final int[] needStart;
    final int[] needsByMunicipality;

    /** The tie graph: its edges with their strengths and kinds, components, articulation points and bridges. */
    private final TieGraph tieGraph;

    private Network(Builder b) {
        this.version = b.version;

        // ---- territories
        territories = new Territories(b.territories);
        int nt = territories.count();

        // ---- categories
        categories = new Categories(b.categories);

        // ---- actors
        actors = new Actors(b.actors, territories, b.confidential);

        // ---- services
        services = new Services(b.services, territories, categories, actors, b.confidential);
        for (String id : b.confidential) {
            if (!services.has(id) && !actors.has(id)) {
                throw new UnknownEntity("service or partner", id);
            }
        }

        // ---- needs
        List<Builder.N> nsd = sorted(b.needs, n -> n.id);
        int nn = nsd.size();
        needId = new String[nn];
        needCategory = new int[nn];
        needTerritory = new int[nn];
        needPeople = new int[nn];
        for (int i = 0; i < nn; i++) {
            Builder.N n = nsd.get(i);
            needId[i] = n.id;
            needCategory[i] = categories.index(n.category);
            needTerritory[i] = territories.index(n.territory);
            needPeople[i] = n.people;
        }

        int[] needCount = new int[nt + 1];
        for (int i = 0; i < nn; i++) {
            needCount[needTerritory[i]]++;
        }
        needStart = offsets(needCount, nt);
        needsByMunicipality = new int[nn];
        int[] nfill = Arrays.copyOf(needStart, nt);
        for (int i = 0; i < nn; i++) {
            needsByMunicipality[nfill[needTerritory[i]]++] = i;
        }

        // ---- tie graph
        tieGraph = new TieGraph(b.ties, actors);
    }

    /** A copy of {@code base} at another version with other needs; every other array is shared. */
    private Network(Network base, long version, String[] needId, int[] needCategory, int[] needTerritory,
            int[] needPeople) {
        this.version = version;
        this.territories = base.territories;
        this.categories = base.categories;
        this.actors = base.actors;
        this.services = base.services;
        this.tieGraph = base.tieGraph;
        this.needId = needId;
        this.needCategory = needCategory;
        this.needTerritory = needTerritory;
        this.needPeople = needPeople;
        int nt = territories.count();
        int[] needCount = new int[nt + 1];
        for (int t : needTerritory) {
            needCount[t]++;
        }
        this.needStart = offsets(needCount, nt);
        this.needsByMunicipality = new int[needId.length];
        int[] fill = Arrays.copyOf(needStart, nt);
        for (int i = 0; i < needId.length; i++) {
            needsByMunicipality[fill[needTerritory[i]]++] = i;
        }
    }

    /** A need's values, for {@link #withNeeds}. */
    public record NeedValues(String id, String category, String territory, int people) {
    }

    /**
     * This snapshot with some needs written or deleted, at a new version: what a write of needs
     * alone changes, in time proportional to the needs (the other arrays are shared, not copied).
     * Needs are the most frequent write, and they change nothing but demand.
     *
     * @throws UnknownEntity when a need names a category or territory this snapshot does not have
     */
    public Network withNeeds(long version, List<NeedValues> written, java.util.Collection<String> deleted) {
        Map<String, NeedValues> byId = new HashMap<>();
        for (NeedValues n : written) {
            categories.index(n.category());
            territories.index(n.territory());
            byId.put(n.id(), n);
        }
        java.util.Set<String> gone = new java.util.HashSet<>(deleted);
        gone.removeAll(byId.keySet());
        List<String> added = new ArrayList<>();
        for (String id : byId.keySet()) {
            if (Arrays.binarySearch(needId, id) < 0) {
                added.add(id);
            }
        }
        added.sort(null);
        int size = needId.length + added.size();
        String[] ids = new String[size];
        int[] category = new int[size];
        int[] territory = new int[size];
        int[] people = new int[size];
        int w = 0;
        int next = 0;
        for (int i = 0; i <= needId.length; i++) {
            // Merge the new ids, in order, before the existing id they precede.
            while (next < added.size() && (i == needId.length || added.get(next).compareTo(needId[i]) < 0)) {
                NeedValues n = byId.get(added.get(next++));
                ids[w] = n.id();
                category[w] = categories.index(n.category());
                territory[w] = territories.index(n.territory());
                people[w++] = n.people();
            }
            if (i == needId.length || gone.contains(needId[i])) {
                continue;
            }
            NeedValues n = byId.get(needId[i]);
            ids[w] = needId[i];
            category[w] = n == null ? needCategory[i] : categories.index(n.category());
            territory[w] = n == null ? needTerritory[i] : territories.index(n.territory());
            people[w++] = n == null ? needPeople[i] : n.people();
        }
        return new Network(this, version, Arrays.copyOf(ids, w), Arrays.copyOf(category, w),
                Arrays.copyOf(territory, w), Arrays.copyOf(people, w));
    }

    private static <T> List<T> sorted(List<T> rows, java.util.function.Function<T, String> key) {
        List<T> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(key));
        for (int i = 1; i < copy.size(); i++) {
            if (key.apply(copy.get(i)).equals(key.apply(copy.get(i - 1)))) {
                throw new IllegalArgumentException("'" + key.apply(copy.get(i)) + "' is given twice");
            }
        }
        return copy;
    }

    private static int[] offsets(int[] counts, int n) {
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + counts[i];
        }
        return start;
    }

    private static int index(Map<String, Integer> index, String kind, String id) {
        Integer i = index.get(id);
        if (i == null) {
            throw new UnknownEntity(kind, id);
        }
        return i;
    }

    public static Builder builder(long version) {
        return new Builder(version);
    }

    /**
     * The bytes of this snapshot's arrays (ids and names counted as references only): what the
     * engine holds per network, for the benchmark's bytes-per-edge figure.
     */
    public long arrayBytes() {
        long ints = (long) needCategory.length + needTerritory.length
                + needPeople.length + needStart.length + needsByMunicipality.length;
        long references = (long) needId.length;
        return territories.arrayBytes() + categories.arrayBytes() + actors.arrayBytes() + services.arrayBytes()
                + tieGraph.arrayBytes() + 4 * ints + 4 * references;
    }

    /** The network version this snapshot holds: every committed write makes a larger one. */
    public long version() {
        return version;
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
        return needId.length;
    }

    /** The tie graph: its components, articulation points and bridges, computed once per snapshot. */
    public TieGraph tieGraph() {
        return tieGraph;
    }

    /** The services and what each covers. */
    public Services services() {
        return services;
    }

    /** The cooperatives and partners. */
    public Actors actors() {
        return actors;
    }

    /** The category tree shared by needs and services. */
    public Categories categories() {
        return categories;
    }

    /** The territory tree, each territory's points, the municipalities under each and within a distance of each. */
    public Territories territories() {
        return territories;
    }

    /** How many pairs of actors are tied (several ties between one pair are one edge). */
    public int tiedPairCount() {
        return tieGraph.pairCount();
    }

    /** The index of a territory, or {@link UnknownEntity}. */
    public int territory(String id) {
        return territories.index(id);
    }

    public int category(String code) {
        return categories.index(code);
    }

    public int actor(String id) {
        return actors.index(id);
    }

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

    public String categoryCode(int c) {
        return categories.code(c);
    }

    public String categoryName(int c) {
        return categories.name(c);
    }

    /** The territories of a level, ascending by id. */
    public int[] territoriesOfLevel(String level) {
        return territories.ofLevel(level);
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

    public String actorType(int a) {
        return actors.type(a);
    }

    /** True when the service is confidential, or its provider is. */
    public boolean isConfidentialService(int s) {
        return services.isConfidential(s);
    }

    /** True when the actor is confidential (a partner): where it is based is not shown to everyone. */
    public boolean isConfidentialActor(int a) {
        return actors.isConfidential(a);
    }

    /** The services that are confidential or whose provider is ({@link #isConfidentialService}), ascending. */
    public int[] confidentialServices() {
        return services.confidential();
    }

    public String serviceId(int s) {
        return services.id(s);
    }

    public String serviceName(int s) {
        return services.name(s);
    }

    public int provider(int s) {
        return services.provider(s);
    }

    /** Free places (capacity − occupied), or null when the capacity is unknown. */
    public Integer freePlaces(int s) {
        return services.freePlaces(s);
    }

    /** True when category {@code d} is {@code c} or one of its descendants. */
    public boolean isWithin(int d, int c) {
        return categories.isWithin(d, c);
    }

    /** True when service {@code s} addresses {@code c} or a descendant of {@code c}. */
    public boolean coversCategory(int s, int c) {
        return services.coversCategory(s, c);
    }

    /** True when territory {@code t} is {@code ancestor} or part of it, at any depth. */
    public boolean isPartOf(int t, int ancestor) {
        return territories.isPartOf(t, ancestor);
    }

    /**
     * The entry points of the network for a need in a municipality: the consortia, and the
     * social services (partners of kind MUNICIPALITY) based in that municipality, ascending.
     */
    int[] entryPoints(int municipality) {
        return actors.entryPoints(municipality);
    }

    /** Builds a {@link Network} from rows given by id, in any order. */
    public static final class Builder {

        private record N(String id, String category, String territory, int people) {
        }

        private final long version;
        private final List<Territories.Row> territories = new ArrayList<>();
        private final List<Categories.Row> categories = new ArrayList<>();
        private final List<Actors.Row> actors = new ArrayList<>();
        private final List<Services.Row> services = new ArrayList<>();
        private final List<N> needs = new ArrayList<>();
        private final List<TieGraph.Row> ties = new ArrayList<>();
        private final java.util.Set<String> confidential = new java.util.HashSet<>();

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

        public Builder service(String id, String name, String provider, Integer capacity, Integer occupied,
                List<String> categories, List<String> territories) {
            services.add(new Services.Row(Objects.requireNonNull(id, "id"), name, Objects.requireNonNull(provider, "provider"),
                    capacity, occupied, List.copyOf(categories), List.copyOf(territories)));
            return this;
        }

        public Builder need(String id, String category, String territory, int people) {
            needs.add(new N(Objects.requireNonNull(id, "id"), category, territory, people));
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

        /** The snapshot; {@link UnknownEntity} when a row names something not given. */
        public Network build() {
            return new Network(this);
        }
    }
}
