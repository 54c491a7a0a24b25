package it.snodo.network;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A social cooperative or a consortium of them. */
public record Cooperative(
        @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull CooperativeType type,
        @FiscalCode String fiscalCode,
        @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String basedIn,
        @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String memberOf) implements Row {

    @Override
    public String key() {
        return id;
    }
}
