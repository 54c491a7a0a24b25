package it.snodo.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The needs of a snapshot, each an aggregate (docs/design.md, "The model"): its category, the
 * municipality it is located in, its people and urgency; and the needs located in each territory. Needs are
 * numbered 0..n-1 in the order of their ids. The only part a write of needs alone changes:
 * {@link #with} gives the needs after such a write, and {@link Network#withNeeds} a snapshot that
 * shares every other part. Get it with {@link Network#needs()}.
 */
public final class Needs {

    /** The urgencies a need may have, least first; index 0 is none. */
    private static final List<String> URGENCIES = Arrays.asList(null, "LOW", "MEDIUM", "HIGH");

    private final Territories territories;
    private final Categories categories;
    private final String[] id;
    private final int[] category;
    private final int[] territory;
    private final int[] people;
    /** Each need's urgency, as an index of {@link #URGENCIES}: 0 when it has none. */
    private final byte[] urgency;
    /** For each territory, the needs located in it, ascending (compressed sparse rows; municipalities only). */
    private final int[] inStart;

    private final int[] in;

    /**
     * The needs given, in any order.
     *
     * @throws UnknownEntity when a need names a category or territory not given
     * @throws IllegalArgumentException when an id is given twice
     */
    static Needs of(List<Network.NeedValues> rows, Territories territories, Categories categories) {
        List<Network.NeedValues> sorted = Rows.sorted(rows, Network.NeedValues::id);
        int nn = sorted.size();
        String[] id = new String[nn];
        int[] category = new int[nn];
        int[] territory = new int[nn];
        int[] people = new int[nn];
        byte[] urgency = new byte[nn];
        for (int i = 0; i < nn; i++) {
            Network.NeedValues n = sorted.get(i);
            id[i] = n.id();
            category[i] = categories.index(n.category());
            territory[i] = territories.index(n.territory());
            people[i] = n.people();
            urgency[i] = urgencyCode(n.urgency());
        }
        return new Needs(territories, categories, id, category, territory, people, urgency);
    }

    /** The code of an urgency: its index in {@link #URGENCIES}. */
    private static byte urgencyCode(String urgency) {
        int code = URGENCIES.indexOf(urgency);
        if (code < 0) {
            throw new IllegalArgumentException("unknown urgency '" + urgency + "'");
        }
        return (byte) code;
    }

    /**
     * The needs of these ids (ascending), categories, territories, people and urgencies: the index
     * by territory is built here.
     */
    private Needs(
            Territories territories,
            Categories categories,
            String[] id,
            int[] category,
            int[] territory,
            int[] people,
            byte[] urgency) {
        this.territories = territories;
        this.categories = categories;
        this.id = id;
        this.category = category;
        this.territory = territory;
        this.people = people;
        this.urgency = urgency;
        int nt = territories.count();
        int[] count = new int[nt + 1];
        for (int t : territory) {
            count[t]++;
        }
        inStart = Rows.offsets(count, nt);
        in = new int[id.length];
        int[] fill = Arrays.copyOf(inStart, nt);
        for (int i = 0; i < id.length; i++) {
            in[fill[territory[i]]++] = i;
        }
    }

    /**
     * These needs with some written (added or replaced) and some deleted, in time proportional to
     * the needs; a need both written and deleted is written.
     *
     * @throws UnknownEntity when a need written names a category or territory not in the snapshot
     */
    Needs with(List<Network.NeedValues> written, Collection<String> deleted) {
        Map<String, Network.NeedValues> byId = new HashMap<>();
        for (Network.NeedValues n : written) {
            categories.index(n.category());
            territories.index(n.territory());
            urgencyCode(n.urgency());
            byId.put(n.id(), n);
        }
        Set<String> gone = new HashSet<>(deleted);
        gone.removeAll(byId.keySet());
        List<String> added = new ArrayList<>();
        for (String n : byId.keySet()) {
            if (Arrays.binarySearch(id, n) < 0) {
                added.add(n);
            }
        }
        added.sort(null);
        int size = id.length + added.size();
        String[] ids = new String[size];
        int[] categoryOf = new int[size];
        int[] territoryOf = new int[size];
        int[] peopleOf = new int[size];
        byte[] urgencyOf = new byte[size];
        int w = 0;
        int next = 0;
        for (int i = 0; i <= id.length; i++) {
            // Merge the new ids, in order, before the existing id they precede.
            while (next < added.size() && (i == id.length || added.get(next).compareTo(id[i]) < 0)) {
                Network.NeedValues n = byId.get(added.get(next++));
                ids[w] = n.id();
                categoryOf[w] = categories.index(n.category());
                territoryOf[w] = territories.index(n.territory());
                urgencyOf[w] = urgencyCode(n.urgency());
                peopleOf[w++] = n.people();
            }
            if (i == id.length || gone.contains(id[i])) {
                continue;
            }
            Network.NeedValues n = byId.get(id[i]);
            ids[w] = id[i];
            categoryOf[w] = n == null ? category[i] : categories.index(n.category());
            territoryOf[w] = n == null ? territory[i] : territories.index(n.territory());
            urgencyOf[w] = n == null ? urgency[i] : urgencyCode(n.urgency());
            peopleOf[w++] = n == null ? people[i] : n.people();
        }
        return new Needs(
                territories,
                categories,
                Arrays.copyOf(ids, w),
                Arrays.copyOf(categoryOf, w),
                Arrays.copyOf(territoryOf, w),
                Arrays.copyOf(peopleOf, w),
                Arrays.copyOf(urgencyOf, w));
    }

    public int count() {
        return id.length;
    }

    public String id(int need) {
        return id[need];
    }

    /** The category of the need. */
    public int category(int need) {
        return category[need];
    }

    /** The territory the need is located in: a municipality. */
    public int territory(int need) {
        return territory[need];
    }

    /** The people of the need, more than 0. */
    public int people(int need) {
        return people[need];
    }

    /** The urgency of the need (LOW, MEDIUM or HIGH), or null when it has none. */
    public String urgency(int need) {
        return URGENCIES.get(urgency[need]);
    }

    /** How many needs are located in territory {@code t} (none but in a municipality). */
    public int countIn(int t) {
        return inStart[t + 1] - inStart[t];
    }

    /** The {@code i}-th need located in territory {@code t}, ascending in i. */
    public int in(int t, int i) {
        return in[inStart[t] + i];
    }

    /** The bytes of the arrays (ids counted as references), for {@link Network#arrayBytes()}. */
    long arrayBytes() {
        return 4L * (category.length + territory.length + people.length + inStart.length + in.length)
                + urgency.length
                + 4L * id.length;
    }
}
