package it.snodo.network;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A service run by exactly one provider (a cooperative or a partner), addressing some categories
 * and available in some territories. Free places are capacity minus occupied. A confidential
 * service (a shelter for women at risk of violence) never shows where it is available to anyone
 * but planners and its provider.
 */
public record Service(
        @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE)
        String id,

        @NotBlank @Size(max = 200) String name,

        @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE)
        String provider,

        @NotEmpty @Size(max = 100) List<@NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String> categories,

        @NotEmpty @Size(max = 10_000)
        List<@NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String> territories,

        @PositiveOrZero @Max(1_000_000) Integer capacity,
        @PositiveOrZero @Max(1_000_000) Integer occupied,
        Boolean confidential)
        implements Row {

    public Service {
        // Order carries no meaning: keep one, so that export and comparisons are stable.
        categories = categories == null
                ? null
                : categories.stream().sorted().distinct().toList();
        territories = territories == null
                ? null
                : territories.stream().sorted().distinct().toList();
    }

    @Override
    public String key() {
        return id;
    }

    @Override
    public EntityKind entityKind() {
        return EntityKind.SERVICE;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("name", name);
        p.put("provider", provider);
        p.put("categories", categories);
        p.put("territories", territories);
        p.put("capacity", capacity);
        p.put("occupied", occupied);
        p.put("confidential", Boolean.TRUE.equals(confidential) ? Boolean.TRUE : null);
        return p;
    }

    @Override
    public List<Reference> references() {
        List<Reference> references = new ArrayList<>();
        references.add(Reference.to(Reference.Target.ACTOR, "provider", provider));
        for (int i = 0; i < categories.size(); i++) {
            references.add(Reference.to(Reference.Target.CATEGORY, "categories[" + i + "]", categories.get(i)));
        }
        for (int i = 0; i < territories.size(); i++) {
            references.add(Reference.to(Reference.Target.TERRITORY, "territories[" + i + "]", territories.get(i)));
        }
        return references;
    }
}
