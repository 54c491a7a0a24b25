package it.snodo.network;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A category of need and of service, in one tree shared by both. */
public record Category(
        @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String nameEn,
        @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String partOf) implements Row {

    @Override
    public String key() {
        return code;
    }
}
