package it.snodo.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The services of a snapshot and what they cover: each service's provider, places, categories,
 * the territories it is available in and whether it is confidential; the services available
 * directly in each territory; and the coverage index, the services that cover each municipality
 * (docs/design.md, "Definitions": available in it or in a territory it is part of), from which
 * "the services within maxKm" are answered in one place ({@link #within}). Services are numbered
 * 0..n-1 in the order of their ids. Built once per snapshot, immutable, and shared by the
 * snapshots that differ only in needs; built again from its own values and the rows written
 * after a write of services ({@link #with}); get it with {@link Network#services()}.
 *
 * <p>A new property of a service goes here: a {@link Row} field, its array, built in the
 * constructor, and a method to read it.
 */
public final class Services {

    /** The capacity of a service whose capacity is not known (any negative one is taken as unknown). */
    public static final int UNKNOWN = -1;

    /** A service as given; capacity and occupied may be null. */
    record Row(
            String id,
            String name,
            String provider,
            Integer capacity,
            Integer occupied,
            List<String> categories,
            List<String> territories) {}

    private final Territories territories;
    private final Categories categories;
    private final Actors actors;
    private final String[] id;
    private final String[] name;
    private final int[] provider;
    /** Capacity, or {@link #UNKNOWN}. */
    private final int[] capacity;
    /** Occupied places; missing counts as 0. */
    private final int[] occupied;
    /** The categories each addresses, ascending (compressed sparse rows). */
    private final int[] catStart;

    private final int[] cat;
    /** The territories each is available in, ascending (compressed sparse rows). */
    private final int[] terStart;

    private final int[] ter;
    private final Map<String, Integer> index;
    /** For each territory, the services available directly in it, ascending (compressed sparse rows). */
    private final int[] availStart;

    private final int[] avail;
    /** For each municipality (by territory index), the services that cover it, ascending (compressed sparse rows). */
    private final int[] coverStart;

    private final int[] cover;
    /** Confidential services: marked so, or run by a confidential provider. */
    private final boolean[] confidential;
    /** The services that are confidential or whose provider is, ascending. */
    private final int[] hidden;

    /**
     * @param confidentialIds ids marked confidential; those of services mark them, the others are
     *     not this part's to check
     * @throws UnknownEntity when a service names a provider, category or territory not given
     * @throws IllegalArgumentException when an id is given twice
     */
    Services(
            List<Row> rows,
            Territories territories,
            Categories categories,
            Actors actors,
            Set<String> confidentialIds) {
        this.territories = territories;
        this.categories = categories;
        this.actors = actors;
        List<Row> ss = Rows.sorted(rows, Row::id);
        int ns = ss.size();
        int nt = territories.count();
        id = new String[ns];
        name = new String[ns];
        provider = new int[ns];
        capacity = new int[ns];
        occupied = new int[ns];
        index = new HashMap<>(ns * 2);
        int[] catCount = new int[ns + 1];
        int[] terCount = new int[ns + 1];
        for (int i = 0; i < ns; i++) {
            Row s = ss.get(i);
            id[i] = s.id();
            name[i] = s.name();
            provider[i] = actors.index(s.provider());
            capacity[i] = s.capacity() == null ? UNKNOWN : s.capacity();
            occupied[i] = s.occupied() == null ? 0 : s.occupied();
            index.put(s.id(), i);
            catCount[i] = s.categories().size();
            terCount[i] = s.territories().size();
        }
        catStart = Rows.offsets(catCount, ns);
        cat = new int[catStart[ns]];
        terStart = Rows.offsets(terCount, ns);
        ter = new int[terStart[ns]];
        for (int i = 0; i < ns; i++) {
            int k = catStart[i];
            for (String code : ss.get(i).categories()) {
                cat[k++] = categories.index(code);
            }
            Arrays.sort(cat, catStart[i], k);
            k = terStart[i];
            for (String t : ss.get(i).territories()) {
                ter[k++] = territories.index(t);
            }
            Arrays.sort(ter, terStart[i], k);
        }
        int[] availCount = new int[nt + 1];
        for (int k = 0; k < ter.length; k++) {
            availCount[ter[k]]++;
        }
        availStart = Rows.offsets(availCount, nt);
        avail = new int[ter.length];
        int[] afill = Arrays.copyOf(availStart, nt);
        for (int s = 0; s < ns; s++) {
            for (int k = terStart[s]; k < terStart[s + 1]; k++) {
                avail[afill[ter[k]]++] = s;
            }
        }
        // Coverage: the services available in each municipality or in a territory it is part of.
        int[] coverCount = new int[nt + 1];
        for (int s = 0; s < ns; s++) {
            for (int k = terStart[s]; k < terStart[s + 1]; k++) {
                int t = ter[k];
                for (int j = 0; j < territories.municipalityCountOf(t); j++) {
                    coverCount[territories.municipalityOf(t, j)]++;
                }
            }
        }
        int[] rawStart = Rows.offsets(coverCount, nt);
        int[] raw = new int[rawStart[nt]];
        int[] rfill = Arrays.copyOf(rawStart, nt);
        for (int s = 0; s < ns; s++) {
            for (int k = terStart[s]; k < terStart[s + 1]; k++) {
                int t = ter[k];
                for (int j = 0; j < territories.municipalityCountOf(t); j++) {
                    raw[rfill[territories.municipalityOf(t, j)]++] = s;
                }
            }
        }
        // Services were added in ascending order; drop the repeats of a service available both
        // in a municipality and in its district.
        coverStart = new int[nt + 1];
        int w = 0;
        int[] dedup = new int[raw.length];
        for (int m = 0; m < nt; m++) {
            coverStart[m] = w;
            int last = -1;
            for (int j = rawStart[m]; j < rawStart[m + 1]; j++) {
                if (raw[j] != last) {
                    dedup[w++] = raw[j];
                    last = raw[j];
                }
            }
        }
        coverStart[nt] = w;
        cover = Arrays.copyOf(dedup, w);

        confidential = new boolean[ns];
        int[] found = new int[ns];
        int nh = 0;
        for (int s = 0; s < ns; s++) {
            confidential[s] = confidentialIds.contains(id[s]) || actors.isConfidential(provider[s]);
            if (confidential[s]) {
                found[nh++] = s;
            }
        }
        hidden = Arrays.copyOf(found, nh);
    }

    /**
     * These services with some written (added or replaced) and some deleted, built again from the
     * values this part holds and the rows written: what a write of services changes, without
     * reading the database. Only this part is built again; territories, categories and actors
     * are shared.
     *
     * @param marked the written services marked confidential
     * @throws UnknownEntity when a service written names a provider, category or territory not given
     */
    Services with(List<Row> written, Set<String> marked, Collection<String> deleted) {
        Map<String, Row> byId = new HashMap<>();
        written.forEach(r -> byId.put(r.id(), r));
        Set<String> gone = new HashSet<>(deleted);
        Set<String> confidentialIds = new HashSet<>(marked);
        List<Row> rows = new ArrayList<>(id.length + written.size());
        for (int s = 0; s < id.length; s++) {
            if (byId.containsKey(id[s]) || gone.contains(id[s])) {
                continue;
            }
            rows.add(row(s));
            // Marked itself or through its provider: with the same actors, marking it gives the same.
            if (confidential[s]) {
                confidentialIds.add(id[s]);
            }
        }
        rows.addAll(byId.values());
        return new Services(rows, territories, categories, actors, confidentialIds);
    }

    /** Service {@code s} as the row it was built from (a capacity not known is null). */
    private Row row(int s) {
        List<String> codes = new ArrayList<>(catStart[s + 1] - catStart[s]);
        for (int k = catStart[s]; k < catStart[s + 1]; k++) {
            codes.add(categories.code(cat[k]));
        }
        List<String> ids = new ArrayList<>(terStart[s + 1] - terStart[s]);
        for (int k = terStart[s]; k < terStart[s + 1]; k++) {
            ids.add(territories.id(ter[k]));
        }
        return new Row(
                id[s], name[s], actors.id(provider[s]), capacity[s] < 0 ? null : capacity[s], occupied[s], codes, ids);
    }

    public int count() {
        return id.length;
    }

    /** The index of a service, or {@link UnknownEntity}. */
    public int index(String serviceId) {
        return Rows.index(index, "service", serviceId);
    }

    public boolean has(String serviceId) {
        return index.containsKey(serviceId);
    }

    public String id(int s) {
        return id[s];
    }

    public String name(int s) {
        return name[s];
    }

    /** The actor that runs the service: a cooperative or a partner. */
    public int provider(int s) {
        return provider[s];
    }

    /** The service's places, or {@link #UNKNOWN} (negative) when not known. */
    public int capacity(int s) {
        return capacity[s];
    }

    /** The places taken; none given counts as 0. */
    public int occupied(int s) {
        return occupied[s];
    }

    /** Free places (capacity − occupied), or null when the capacity is unknown. */
    public Integer freePlaces(int s) {
        return capacity[s] < 0 ? null : capacity[s] - occupied[s];
    }

    /** True when the capacity is known and no place is free. */
    public boolean isFull(int s) {
        return capacity[s] >= 0 && capacity[s] - occupied[s] <= 0;
    }

    /** How many categories the service addresses. */
    public int categoryCountOf(int s) {
        return catStart[s + 1] - catStart[s];
    }

    /** The {@code i}-th category the service addresses, ascending in i. */
    public int categoryOf(int s, int i) {
        return cat[catStart[s] + i];
    }

    /** True when service {@code s} covers category {@code c}: addresses {@code c} or a descendant of it. */
    public boolean coversCategory(int s, int c) {
        for (int k = catStart[s]; k < catStart[s + 1]; k++) {
            if (categories.isWithin(cat[k], c)) {
                return true;
            }
        }
        return false;
    }

    /** How many territories the service is available in (its own list). */
    public int territoryCountOf(int s) {
        return terStart[s + 1] - terStart[s];
    }

    /** The {@code i}-th territory the service is available in, ascending in i. */
    public int territoryOf(int s, int i) {
        return ter[terStart[s] + i];
    }

    /** How many services are available directly in territory {@code t} (not through a territory above it). */
    public int availableCountIn(int t) {
        return availStart[t + 1] - availStart[t];
    }

    /** The {@code i}-th service available directly in territory {@code t}, ascending in i. */
    public int availableIn(int t, int i) {
        return avail[availStart[t] + i];
    }

    /** How many services cover municipality {@code m}: available in it or in a territory it is part of. */
    public int coveringCount(int m) {
        return coverStart[m + 1] - coverStart[m];
    }

    /** The {@code i}-th service that covers municipality {@code m}, ascending in i. */
    public int covering(int m, int i) {
        return cover[coverStart[m] + i];
    }

    /**
     * The services within {@code maxKm} of municipality {@code m}, each with its distance
     * (docs/design.md, "Definitions"): 0 when it covers m, else the distance to the nearest
     * municipality it covers; ascending by service. The municipalities in reach come from
     * {@link Territories#within}, each bringing the services that cover it. A new map, the
     * caller's to change.
     */
    public SortedMap<Integer, Double> within(int m, double maxKm) {
        TreeMap<Integer, Double> within = new TreeMap<>();
        territories.within(m, maxKm, (mun, d) -> {
            for (int j = coverStart[mun]; j < coverStart[mun + 1]; j++) {
                within.merge(cover[j], d, Math::min);
            }
        });
        return within;
    }

    /** True when the service is confidential, or its provider is: where it is is not shown to everyone. */
    public boolean isConfidential(int s) {
        return confidential[s];
    }

    /** The services that are confidential or whose provider is ({@link #isConfidential}), ascending. */
    public int[] confidential() {
        return hidden.clone();
    }

    /** The bytes of the arrays (ids and names counted as references), for {@link Network#arrayBytes()}. */
    long arrayBytes() {
        long ints = (long) provider.length
                + capacity.length
                + occupied.length
                + catStart.length
                + cat.length
                + terStart.length
                + ter.length
                + availStart.length
                + avail.length
                + coverStart.length
                + cover.length;
        return 4 * ints + 4L * 2 * id.length;
    }
}
