package it.snodo.network;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A tie between two actors; unique per (from, to, kind).
 *
 * @param since the year (or date) it started: {@code 2021}, {@code 2021-03} or {@code 2021-03-15}
 * @param strength how strong it is, 0 to 1
 */
public record Tie(
        @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String from,
        @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String to,
        @NotNull TieKind kind,
        @Pattern(regexp = "\\d{4}(-\\d{2}(-\\d{2})?)?", message = "must be a year: YYYY, YYYY-MM or YYYY-MM-DD") String since,
        @DecimalMin("0") @DecimalMax("1") Double strength) implements Row {

    /** The tie's key as one string: from, kind and to (':' never occurs in an id). */
    @Override
    public String key() {
        return from + ":" + kind + ":" + to;
    }
}
