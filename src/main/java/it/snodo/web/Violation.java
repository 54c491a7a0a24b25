package it.snodo.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One bad field of a request, as listed in a problem detail's {@code errors}.
 *
 * @param field the field's path in the request body or the parameter's name ({@code needs[3].people})
 * @param id the id of the row it belongs to, where there is one, so an import names every bad row
 * @param message what is wrong with it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String field, String id, String message) {

    public static Violation of(String field, String message) {
        return new Violation(field, null, message);
    }
}
