package it.snodo.hsds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/** HSDS's Page wrapper, the one way every /hsds list is paged: numbered from 1; a page past the last is empty. */
final class HsdsPage {

    private HsdsPage() {}

    /** Page {@code number} (from 1) of {@code size} rows of {@code all}, each shown by {@code shown}. */
    static <T> ObjectNode of(ObjectMapper mapper, List<T> all, int number, int size, Function<T, ObjectNode> shown) {
        int totalPages = (all.size() + size - 1) / size;
        long from = (long) (number - 1) * size;
        List<T> rows =
                from >= all.size() ? List.of() : all.subList((int) from, (int) Math.min(all.size(), from + size));
        ObjectNode o = mapper.createObjectNode();
        o.put("total_items", all.size());
        o.put("total_pages", totalPages);
        o.put("page_number", number);
        o.put("size", rows.size());
        o.put("first_page", number == 1);
        o.put("last_page", number >= totalPages);
        o.put("empty", rows.isEmpty());
        var contents = o.putArray("contents");
        rows.forEach(r -> contents.add(shown.apply(r)));
        return o;
    }
}
