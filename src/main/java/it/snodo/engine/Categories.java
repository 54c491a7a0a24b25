package it.snodo.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The categories of a snapshot: the tree shared by needs and services, each category's code and
 * name, and "d is c or one of its descendants" as one interval test ({@link #isWithin}) on an
 * Euler tour of the tree: a depth-first search numbers each category on entry ({@link #tin}) and
 * gives each the number after its last descendant ({@link #tout}), so the descendants of c are the
 * categories entered in [tin(c), tout(c)). Categories are numbered 0..n-1 in the order of their
 * codes. Built once per snapshot, immutable, and shared by the snapshots that differ only in
 * needs; get it with {@link Network#categories()}.
 */
public final class Categories {

    /** A category as given. */
    record Row(String code, String name, String parent) {}

    private final String[] code;
    private final String[] name;
    /** The category each is part of, -1 for a root. */
    private final int[] parent;
    /** Euler tour: d is c or a descendant of c iff tin[c] <= tin[d] < tout[c]. */
    private final int[] tin;

    private final int[] tout;
    private final Map<String, Integer> index;

    /**
     * @throws UnknownEntity when a category is part of one not given
     * @throws IllegalArgumentException when a code is given twice, or the tree has a cycle
     */
    Categories(List<Row> rows) {
        List<Row> cs = Rows.sorted(rows, Row::code);
        int nc = cs.size();
        code = new String[nc];
        name = new String[nc];
        parent = new int[nc];
        index = new HashMap<>(nc * 2);
        for (int i = 0; i < nc; i++) {
            code[i] = cs.get(i).code();
            name[i] = cs.get(i).name();
            index.put(cs.get(i).code(), i);
        }
        int[] childCount = new int[nc + 1];
        for (int i = 0; i < nc; i++) {
            String p = cs.get(i).parent();
            parent[i] = p == null ? -1 : Rows.index(index, "category", p);
            if (parent[i] >= 0) {
                childCount[parent[i]]++;
            }
        }
        int[] childStart = Rows.offsets(childCount, nc);
        int[] children = new int[childStart[nc]];
        int[] cfill = Arrays.copyOf(childStart, nc);
        for (int i = 0; i < nc; i++) {
            if (parent[i] >= 0) {
                children[cfill[parent[i]]++] = i;
            }
        }
        tin = new int[nc];
        tout = new int[nc];
        int clock = 0;
        int[] stack = new int[nc + 1];
        int[] next = new int[nc];
        boolean[] visited = new boolean[nc];
        for (int root = 0; root < nc; root++) {
            if (parent[root] >= 0) {
                continue;
            }
            int top = 0;
            stack[top++] = root;
            tin[root] = clock++;
            visited[root] = true;
            next[root] = childStart[root];
            while (top > 0) {
                int c = stack[top - 1];
                if (next[c] < childStart[c + 1]) {
                    int child = children[next[c]++];
                    visited[child] = true;
                    tin[child] = clock++;
                    next[child] = childStart[child];
                    stack[top++] = child;
                } else {
                    tout[c] = clock;
                    top--;
                }
            }
        }
        for (int i = 0; i < nc; i++) {
            if (!visited[i]) {
                throw new IllegalArgumentException("the category tree has a cycle at " + code[i]);
            }
        }
    }

    public int count() {
        return code.length;
    }

    /** The index of a category, or {@link UnknownEntity}. */
    public int index(String categoryCode) {
        return Rows.index(index, "category", categoryCode);
    }

    public boolean has(String categoryCode) {
        return index.containsKey(categoryCode);
    }

    public String code(int c) {
        return code[c];
    }

    public String name(int c) {
        return name[c];
    }

    /** The category {@code c} is directly part of, or -1 when none. */
    public int parent(int c) {
        return parent[c];
    }

    /** True when category {@code d} is {@code c} or one of its descendants. */
    public boolean isWithin(int d, int c) {
        return tin[c] <= tin[d] && tin[d] < tout[c];
    }

    /** The place of {@code c} in the Euler tour: its descendants d are those with tin(c) ≤ tin(d) &lt; tout(c). */
    public int tin(int c) {
        return tin[c];
    }

    /** One past the place in the Euler tour of the last descendant of {@code c}. */
    public int tout(int c) {
        return tout[c];
    }

    /** The bytes of the arrays (codes and names counted as references), for {@link Network#arrayBytes()}. */
    long arrayBytes() {
        return 4L * (parent.length + tin.length + tout.length) + 4L * 2 * code.length;
    }
}
