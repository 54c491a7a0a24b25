package it.snodo.network;

import io.swagger.v3.oas.annotations.media.Schema;
import it.snodo.web.Violation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A municipality (ISTAT code as id), a district ("ambito"), a province or a region. */
@Schema(description = "A territory: municipalities need lat and lon")
public record Territory(
        @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE)
        String id,

        @NotBlank @Size(max = 200) String name,
        @NotNull TerritoryLevel level,
        @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String partOf,
        @PositiveOrZero @Max(2_000_000_000L) Long population,
        @DecimalMin("-90") @DecimalMax("90") Double lat,
        @DecimalMin("-180") @DecimalMax("180") Double lon)
        implements Row {

    @Override
    public String key() {
        return id;
    }

    @Override
    public EntityKind entityKind() {
        return EntityKind.TERRITORY;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("name", name);
        p.put("level", level.name());
        p.put("partOf", partOf);
        p.put("population", population);
        p.put("lat", lat);
        p.put("lon", lon);
        return p;
    }

    @Override
    public List<Reference> references() {
        return partOf == null
                ? List.of()
                : List.of(new Reference("partOf", partOf, Reference.Target.LARGER_TERRITORY, level));
    }

    @Override
    public List<Violation> violations() {
        List<Violation> out = new ArrayList<>();
        if (level == TerritoryLevel.MUNICIPALITY) {
            if (lat == null) {
                out.add(new Violation("lat", id, "is required for a municipality"));
            }
            if (lon == null) {
                out.add(new Violation("lon", id, "is required for a municipality"));
            }
        } else if ((lat == null) != (lon == null)) {
            out.add(new Violation(
                    lat == null ? "lat" : "lon", id, "must be given together with " + (lat == null ? "lon" : "lat")));
        }
        if (id.equals(partOf)) {
            out.add(new Violation("partOf", id, "cannot be the territory itself"));
        }
        if (level == TerritoryLevel.REGION && partOf != null) {
            out.add(new Violation("partOf", id, "must be empty: a region is part of nothing"));
        }
        return out;
    }
}
