package it.snodo.network;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A partner of the network: a municipality's social services, a health agency, an association... */
public record Partner(
        @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE)
        String id,

        @NotBlank @Size(max = 200) String name,
        @NotNull PartnerKind kind,
        @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String basedIn,
        Boolean confidential)
        implements Row {

    @Override
    public String key() {
        return id;
    }

    @Override
    public EntityKind entityKind() {
        return EntityKind.PARTNER;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("name", name);
        p.put("kind", kind.name());
        p.put("basedIn", basedIn);
        p.put("confidential", Boolean.TRUE.equals(confidential) ? Boolean.TRUE : null);
        return p;
    }

    @Override
    public List<Reference> references() {
        return basedIn == null ? List.of() : List.of(Reference.to(Reference.Target.TERRITORY, "basedIn", basedIn));
    }
}
