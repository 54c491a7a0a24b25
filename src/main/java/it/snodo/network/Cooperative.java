package it.snodo.network;

import it.snodo.web.Violation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A social cooperative or a consortium of them. */
public record Cooperative(
        @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE)
        String id,

        @NotBlank @Size(max = 200) String name,
        @NotNull CooperativeType type,
        @FiscalCode String fiscalCode,
        @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String basedIn,
        @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String memberOf)
        implements Row {

    @Override
    public String key() {
        return id;
    }

    @Override
    public EntityKind entityKind() {
        return EntityKind.COOPERATIVE;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("name", name);
        p.put("type", type.name());
        p.put("fiscalCode", fiscalCode);
        p.put("basedIn", basedIn);
        p.put("memberOf", memberOf);
        return p;
    }

    @Override
    public List<Reference> references() {
        List<Reference> references = new ArrayList<>();
        if (basedIn != null) {
            references.add(Reference.to(Reference.Target.TERRITORY, "basedIn", basedIn));
        }
        if (memberOf != null) {
            references.add(Reference.to(Reference.Target.CONSORTIUM, "memberOf", memberOf));
        }
        return references;
    }

    @Override
    public List<Violation> violations() {
        return id.equals(memberOf)
                ? List.of(new Violation("memberOf", id, "cannot be the cooperative itself"))
                : List.of();
    }
}
