package it.snodo.web;

import java.util.ArrayList;
import java.util.List;

/** The page of a list a caller may ask for: the one rule of every paged {@code /api/v1} list. */
public final class Paging {

    /** The largest page size. */
    public static final int MAX_SIZE = 1000;

    /** The largest page number. */
    public static final int MAX_PAGE = 10_000_000;

    private Paging() {}

    /** What is wrong with a page and size (0-based page, 1 to {@link #MAX_SIZE} rows); empty when nothing. */
    public static List<Violation> violations(int page, int size) {
        List<Violation> errors = new ArrayList<>();
        if (page < 0 || page > MAX_PAGE) {
            errors.add(Violation.of("page", "must be between 0 and " + MAX_PAGE));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(Violation.of("size", "must be between 1 and " + MAX_SIZE));
        }
        return errors;
    }
}
