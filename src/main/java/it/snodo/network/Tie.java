package it.snodo.network;

import it.snodo.web.Violation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tie between two actors; unique per (from, to, kind).
 *
 * @param since the year (or date) it started: {@code 2021}, {@code 2021-03} or {@code 2021-03-15}
 * @param strength how strong it is, 0 to 1
 */
public record Tie(
        @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE)
        String from,

        @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE)
        String to,

        @NotNull TieKind kind,

        @Pattern(regexp = "\\d{4}(-\\d{2}(-\\d{2})?)?", message = "must be a year: YYYY, YYYY-MM or YYYY-MM-DD")
        String since,

        @DecimalMin("0") @DecimalMax("1") Double strength)
        implements Row {

    /** The tie's key as one string: from, kind and to (':' never occurs in an id). */
    @Override
    public String key() {
        return from + ":" + kind + ":" + to;
    }

    @Override
    public Object storedKey() {
        return Map.of("from", from, "to", to, "kind", kind.name());
    }

    @Override
    public EntityKind entityKind() {
        return EntityKind.TIE;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("from", from);
        p.put("to", to);
        p.put("kind", kind.name());
        p.put("since", since);
        p.put("strength", strength);
        return p;
    }

    @Override
    public List<Reference> references() {
        return List.of(
                Reference.to(Reference.Target.ACTOR, "from", from), Reference.to(Reference.Target.ACTOR, "to", to));
    }

    @Override
    public List<Violation> violations() {
        return from.equals(to) ? List.of(new Violation("to", key(), "cannot be the same actor as from")) : List.of();
    }
}
