package it.snodo.network;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A room, kitchen or workshop an actor (a cooperative or a partner) offers to share:
 * {@code (Actor)-[:OFFERS_SPACE]->(Space)-[:LOCATED_IN]->(Territory)}, always a municipality.
 *
 * @param capacity how many people it holds
 * @param accessible step-free
 */
public record Space(
        @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE)
        String id,

        @NotBlank @Size(max = 200) String name,
        @NotNull SpaceKind kind,
        @PositiveOrZero @Max(100_000) Integer capacity,
        Boolean accessible,

        @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE)
        String owner,

        @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE)
        String territory)
        implements Row {

    @Override
    public String key() {
        return id;
    }

    @Override
    public EntityKind entityKind() {
        return EntityKind.SPACE;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("name", name);
        p.put("kind", kind.name());
        p.put("capacity", capacity);
        p.put("accessible", accessible);
        p.put("owner", owner);
        p.put("territory", territory);
        return p;
    }

    @Override
    public List<Reference> references() {
        return List.of(
                Reference.to(Reference.Target.ACTOR, "owner", owner),
                Reference.to(Reference.Target.MUNICIPALITY, "territory", territory));
    }
}
