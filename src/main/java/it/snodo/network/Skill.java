package it.snodo.network;

import it.snodo.web.Violation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A professional skill that cooperatives lend and look for (a cultural mediator, a payroll clerk),
 * in one tree like the categories. Skills name professions, never a person. Their codes have a
 * namespace of their own.
 */
public record Skill(
        @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE)
        String code,

        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String partOf)
        implements Row {

    @Override
    public String key() {
        return code;
    }

    @Override
    public EntityKind entityKind() {
        return EntityKind.SKILL;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("code", code);
        p.put("name", name);
        p.put("partOf", partOf);
        return p;
    }

    @Override
    public List<Reference> references() {
        return partOf == null ? List.of() : List.of(Reference.to(Reference.Target.SKILL, "partOf", partOf));
    }

    @Override
    public List<Violation> violations() {
        return code.equals(partOf) ? List.of(new Violation("partOf", code, "cannot be the skill itself")) : List.of();
    }
}
