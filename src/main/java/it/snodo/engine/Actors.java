package it.snodo.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The actors of a snapshot, cooperatives and partners alike: each one's id, name, whether it is a
 * cooperative, its type or kind, where it is based and whether that is confidential; and the entry
 * points of a referral's route in each municipality ({@link #entryPoints}). Actors are numbered
 * 0..n-1 in the order of their ids. Built once per snapshot, immutable, and shared by the
 * snapshots that differ only in needs; get it with {@link Network#actors()}.
 */
public final class Actors {

    /** A cooperative (with its type) or a partner (with its kind) as given; basedIn may be null. */
    record Row(String id, String name, boolean cooperative, String type, String basedIn) {}

    private final String[] id;
    private final String[] name;
    private final boolean[] cooperative;
    /** A cooperative's type (A, B, MIXED, CONSORTIUM) or a partner's kind (MUNICIPALITY, ...). */
    private final String[] type;
    /** The territory each is based in, -1 when none. */
    private final int[] basedIn;
    /** Where a confidential actor (a partner) is based is not shown to everyone. */
    private final boolean[] confidential;

    private final Map<String, Integer> index;
    /** The consortia: entry points of every referral's route. */
    private final int[] consortia;
    /** The municipalities' social services (partners of kind MUNICIPALITY), by where they are based. */
    private final Map<Integer, int[]> socialServices;

    /**
     * @param confidentialIds ids marked confidential; those of actors mark them, the others are
     *     not this part's to check
     * @throws UnknownEntity when an actor is based in a territory not given
     * @throws IllegalArgumentException when an id is given twice
     */
    Actors(List<Row> rows, Territories territories, Set<String> confidentialIds) {
        List<Row> as = Rows.sorted(rows, Row::id);
        int na = as.size();
        id = new String[na];
        name = new String[na];
        cooperative = new boolean[na];
        type = new String[na];
        basedIn = new int[na];
        confidential = new boolean[na];
        index = new HashMap<>(na * 2);
        for (int i = 0; i < na; i++) {
            Row a = as.get(i);
            id[i] = a.id();
            name[i] = a.name();
            cooperative[i] = a.cooperative();
            type[i] = a.type();
            confidential[i] = confidentialIds.contains(a.id());
            index.put(a.id(), i);
        }
        List<Integer> consortiumList = new ArrayList<>();
        Map<Integer, List<Integer>> social = new HashMap<>();
        for (int i = 0; i < na; i++) {
            String base = as.get(i).basedIn();
            basedIn[i] = base == null ? -1 : territories.index(base);
            if (cooperative[i] && Network.CONSORTIUM.equals(type[i])) {
                consortiumList.add(i);
            } else if (!cooperative[i] && Network.MUNICIPALITY.equals(type[i]) && basedIn[i] >= 0) {
                social.computeIfAbsent(basedIn[i], k -> new ArrayList<>()).add(i);
            }
        }
        consortia = consortiumList.stream().mapToInt(Integer::intValue).toArray();
        socialServices = new HashMap<>();
        social.forEach((t, list) ->
                socialServices.put(t, list.stream().mapToInt(Integer::intValue).toArray()));
    }

    public int count() {
        return id.length;
    }

    /** The index of an actor, or {@link UnknownEntity}. */
    public int index(String actorId) {
        return Rows.index(index, "actor", actorId);
    }

    public boolean has(String actorId) {
        return index.containsKey(actorId);
    }

    public String id(int a) {
        return id[a];
    }

    public String name(int a) {
        return name[a];
    }

    /** True for a cooperative, false for a partner. */
    public boolean isCooperative(int a) {
        return cooperative[a];
    }

    /** A cooperative's type (A, B, MIXED, CONSORTIUM) or a partner's kind (MUNICIPALITY, ...). */
    public String type(int a) {
        return type[a];
    }

    /** The territory the actor is based in, or -1 when none is given. */
    public int basedIn(int a) {
        return basedIn[a];
    }

    /** True when the actor is confidential (a partner): where it is based is not shown to everyone. */
    public boolean isConfidential(int a) {
        return confidential[a];
    }

    /**
     * The entry points of the network for a need in a municipality: the consortia, and the
     * social services (partners of kind MUNICIPALITY) based in that municipality, ascending.
     */
    public int[] entryPoints(int municipality) {
        int[] local = socialServices.getOrDefault(municipality, new int[0]);
        int[] all = Arrays.copyOf(consortia, consortia.length + local.length);
        System.arraycopy(local, 0, all, consortia.length, local.length);
        Arrays.sort(all);
        return all;
    }

    /** The bytes of the arrays (ids, names and types counted as references), for {@link Network#arrayBytes()}. */
    long arrayBytes() {
        return 4L * basedIn.length + 4L * 3 * id.length + cooperative.length;
    }
}
