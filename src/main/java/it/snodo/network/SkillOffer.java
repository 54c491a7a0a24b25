package it.snodo.network;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hours a week a cooperative can lend of a skill: {@code (Cooperative)-[:OFFERS_SKILL]->(Skill)}. One per pair: its key is
 * {@code cooperative:skill} (':' never occurs in an id).
 */
public record SkillOffer(
        @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE)
        String cooperative,

        @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE)
        String skill,

        @NotNull @Positive @Max(168) Integer hoursPerWeek)
        implements Row {

    @Override
    public String key() {
        return cooperative + ":" + skill;
    }

    @Override
    public Object storedKey() {
        return Map.of("cooperative", cooperative, "skill", skill);
    }

    @Override
    public EntityKind entityKind() {
        return EntityKind.SKILL_OFFER;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("cooperative", cooperative);
        p.put("skill", skill);
        p.put("hoursPerWeek", hoursPerWeek);
        return p;
    }

    @Override
    public List<Reference> references() {
        return List.of(
                Reference.to(Reference.Target.COOPERATIVE, "cooperative", cooperative),
                Reference.to(Reference.Target.SKILL, "skill", skill));
    }
}
