package it.snodo.network;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An aggregated need: how many people need what, where. Never a person: there is no field for a
 * name, a fiscal code, a phone, an address or free text, and a request carrying one is refused.
 *
 * @param source where it was recorded, as an id (a help desk, a survey), never free text
 */
public record Need(
        @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE)
        String id,

        @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE)
        String category,

        @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE)
        String territory,

        @NotNull @Positive @Max(10_000_000) Integer people,
        Urgency urgency,
        LocalDate recordedAt,
        @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String source)
        implements Row {

    @Override
    public String key() {
        return id;
    }

    @Override
    public EntityKind entityKind() {
        return EntityKind.NEED;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("category", category);
        p.put("territory", territory);
        p.put("people", people);
        p.put("urgency", urgency == null ? null : urgency.name());
        p.put("recordedAt", recordedAt);
        p.put("source", source);
        return p;
    }

    @Override
    public List<Reference> references() {
        return List.of(
                Reference.to(Reference.Target.CATEGORY, "category", category),
                Reference.to(Reference.Target.MUNICIPALITY, "territory", territory));
    }
}
