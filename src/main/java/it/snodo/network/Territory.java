package it.snodo.network;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A municipality (ISTAT code as id), a district ("ambito"), a province or a region. */
@Schema(description = "A territory: municipalities need lat and lon")
public record Territory(
        @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull TerritoryLevel level,
        @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String partOf,
        @PositiveOrZero @Max(2_000_000_000L) Long population,
        @DecimalMin("-90") @DecimalMax("90") Double lat,
        @DecimalMin("-180") @DecimalMax("180") Double lon) implements Row {

    @Override
    public String key() {
        return id;
    }
}
