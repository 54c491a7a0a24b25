package it.snodo.network;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A partner of the network: a municipality's social services, a health agency, an association... */
public record Partner(
        @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull PartnerKind kind,
        @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String basedIn,
        Boolean confidential) implements Row {

    @Override
    public String key() {
        return id;
    }
}
