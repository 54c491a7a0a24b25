package it.snodo.network;

import it.snodo.web.PlainText;
import it.snodo.web.Violation;
import java.util.List;
import java.util.Map;

/**
 * A row of the network document: an entity with a key that names it in errors. Its texts are
 * plain and name no person, in CRUD and import alike.
 *
 * <p>Each row knows what it is, how its Cypher write takes it, what it names and what it must
 * satisfy on its own: a new property of a kind goes in its record and in the Cypher of its kind
 * ({@code Writes}, {@code RowQuery}), nowhere else.
 */
@PlainText
public sealed interface Row
        permits Territory, Category, Cooperative, Partner, Service, Need, Tie, Skill, SkillOffer, SkillRequest, Space {

    /** The id (the code of a category; from:kind:to of a tie). */
    String key();

    /** What the row is. */
    EntityKind entityKind();

    /** The row as the parameters its Cypher statements take: plain values, enums by name. */
    Map<String, Object> parameters();

    /**
     * The key as the Cypher that reads the stored row takes it ({@code $key}): the key, or a tie's
     * {@code from}, {@code to} and {@code kind}.
     */
    default Object storedKey() {
        return key();
    }

    /** The keys the row names, in the order of its fields, and what each must name once written. */
    default List<Reference> references() {
        return List.of();
    }

    /**
     * What is wrong with the row on its own, whatever else exists (a municipality without a point,
     * a category part of itself); fields are named as in the row's own body.
     */
    default List<Violation> violations() {
        return List.of();
    }
}
