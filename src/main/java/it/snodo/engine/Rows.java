package it.snodo.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What every part of a snapshot does to build itself from rows given by id. */
final class Rows {

    private Rows() {}

    /** The rows sorted by their key, which numbers them 0..n-1 in id order; a key given twice is refused. */
    static <T> List<T> sorted(List<T> rows, Function<T, String> key) {
        List<T> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(key));
        for (int i = 1; i < copy.size(); i++) {
            if (key.apply(copy.get(i)).equals(key.apply(copy.get(i - 1)))) {
                throw new IllegalArgumentException("'" + key.apply(copy.get(i)) + "' is given twice");
            }
        }
        return copy;
    }

    /**
     * The offsets of compressed sparse rows with these counts: row i is data[start[i] .. start[i + 1]).
     * {@code counts} has at least n entries.
     */
    static int[] offsets(int[] counts, int n) {
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + counts[i];
        }
        return start;
    }

    /** The index of an id, or {@link UnknownEntity} naming the kind looked for. */
    static int index(Map<String, Integer> index, String kind, String id) {
        Integer i = index.get(id);
        if (i == null) {
            throw new UnknownEntity(kind, id);
        }
        return i;
    }
}
