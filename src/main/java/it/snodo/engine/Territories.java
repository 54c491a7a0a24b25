package it.snodo.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The territories of a snapshot: the tree municipality → district → province → region, each
 * territory's name, level and point, the municipalities under each, and the municipalities within
 * a distance of each ({@link #within}). Territories are numbered 0..n-1 in the order of their ids.
 * Built once per snapshot, immutable, and shared by the snapshots that differ only in needs; get
 * it with {@link Network#territories()}.
 *
 * <p>A new property of a territory goes here: a {@link Row} field, its array, built in the
 * constructor, and a method to read it.
 */
public final class Territories {

    /** A territory as given; a municipality has a point. */
    record Row(String id, String name, String level, String parent, Double lat, Double lon) {}

    private final String[] id;
    private final String[] name;
    private final String[] level;
    /** The territory each is part of, -1 for a root. */
    private final int[] parent;
    /** The point of each, NaN where none is given (above a municipality). */
    private final double[] lat;

    private final double[] lon;
    private final Map<String, Integer> index;
    /** For each territory, the municipalities it is or contains, ascending (compressed sparse rows). */
    private final int[] munOfStart;

    private final int[] munOf;
    /** The municipalities, ascending. */
    private final int[] municipalities;
    /** The municipalities within a distance of each. */
    private final MunicipalityGrid grid;

    /**
     * @throws UnknownEntity when a territory is part of one not given
     * @throws IllegalArgumentException when an id is given twice, or the tree has a cycle
     */
    Territories(List<Row> rows) {
        List<Row> ts = Rows.sorted(rows, Row::id);
        int nt = ts.size();
        id = new String[nt];
        name = new String[nt];
        level = new String[nt];
        parent = new int[nt];
        lat = new double[nt];
        lon = new double[nt];
        index = new HashMap<>(nt * 2);
        for (int i = 0; i < nt; i++) {
            Row t = ts.get(i);
            id[i] = t.id();
            name[i] = t.name();
            level[i] = t.level();
            lat[i] = t.lat() == null ? Double.NaN : t.lat();
            lon[i] = t.lon() == null ? Double.NaN : t.lon();
            index.put(t.id(), i);
        }
        for (int i = 0; i < nt; i++) {
            String p = ts.get(i).parent();
            parent[i] = p == null ? -1 : Rows.index(index, "territory", p);
        }
        int[] munCount = new int[nt + 1];
        int nMun = 0;
        for (int i = 0; i < nt; i++) {
            if (isMunicipality(i)) {
                nMun++;
                int steps = 0;
                for (int t = i; t >= 0; t = parent[t]) {
                    munCount[t]++;
                    if (++steps > nt) {
                        throw new IllegalArgumentException("the territory tree has a cycle at " + id[i]);
                    }
                }
            }
        }
        munOfStart = Rows.offsets(munCount, nt);
        munOf = new int[munOfStart[nt]];
        municipalities = new int[nMun];
        int[] fill = Arrays.copyOf(munOfStart, nt);
        for (int i = 0, j = 0; i < nt; i++) {
            if (isMunicipality(i)) {
                municipalities[j++] = i;
                for (int t = i; t >= 0; t = parent[t]) {
                    munOf[fill[t]++] = i;
                }
            }
        }
        grid = new MunicipalityGrid(municipalities, lat, lon);
    }

    public int count() {
        return id.length;
    }

    /** The index of a territory, or {@link UnknownEntity}. */
    public int index(String territoryId) {
        return Rows.index(index, "territory", territoryId);
    }

    public boolean has(String territoryId) {
        return index.containsKey(territoryId);
    }

    public String id(int t) {
        return id[t];
    }

    public String name(int t) {
        return name[t];
    }

    /** MUNICIPALITY, DISTRICT, PROVINCE or REGION. */
    public String level(int t) {
        return level[t];
    }

    public boolean isMunicipality(int t) {
        return Network.MUNICIPALITY.equals(level[t]);
    }

    /** The territory {@code t} is directly part of, or -1 when none. */
    public int parent(int t) {
        return parent[t];
    }

    /** True when territory {@code t} is {@code ancestor} or part of it, at any depth. */
    public boolean isPartOf(int t, int ancestor) {
        for (int x = t; x >= 0; x = parent[x]) {
            if (x == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The latitude of a territory's point in degrees; NaN when it has none. */
    public double lat(int t) {
        return lat[t];
    }

    /** The longitude of a territory's point in degrees; NaN when it has none. */
    public double lon(int t) {
        return lon[t];
    }

    /** The territories of a level, ascending by id. */
    public int[] ofLevel(String ofLevel) {
        return IntStream.range(0, id.length)
                .filter(t -> ofLevel.equals(level[t]))
                .toArray();
    }

    /** The municipalities, ascending. */
    public int[] municipalities() {
        return municipalities.clone();
    }

    /** How many municipalities territory {@code t} is or contains: 1 for a municipality. */
    public int municipalityCountOf(int t) {
        return munOfStart[t + 1] - munOfStart[t];
    }

    /** The {@code i}-th municipality territory {@code t} is or contains, ascending in i. */
    public int municipalityOf(int t, int i) {
        return munOf[munOfStart[t] + i];
    }

    /**
     * Gives the visitor every municipality within {@code maxKm} of municipality {@code m} (m
     * itself at 0 km), each once, with its distance: "within maxKm", answered in one place
     * ({@link MunicipalityGrid}). In no particular order.
     */
    public void within(int m, double maxKm, MunicipalityGrid.Visitor visitor) {
        grid.within(m, maxKm, visitor);
    }

    /** The bytes of the arrays (ids, names and levels counted as references), for {@link Network#arrayBytes()}. */
    long arrayBytes() {
        long ints = (long) parent.length + munOfStart.length + munOf.length + municipalities.length;
        long doubles = (long) lat.length + lon.length;
        return 4 * ints + 8 * doubles + 4L * 3 * id.length;
    }
}
