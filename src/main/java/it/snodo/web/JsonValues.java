package it.snodo.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayList;
import java.util.List;

/** How problem details name a JSON value's place and the type it should have had. */
public final class JsonValues {

    private JsonValues() {}

    /** What a value of this type must be, for a message: "one of [A, B]", "a whole number"... */
    public static String describe(Class<?> type) {
        if (type == null) {
            return "of the right type";
        }
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : type.getEnumConstants()) {
                names.add(((Enum<?>) c).name());
            }
            return "one of " + names;
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == java.time.LocalDate.class) {
            return "a date, YYYY-MM-DD";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a valid " + type.getSimpleName();
    }

    /** The path of the value Jackson could not read ({@code needs[3].people}), or "" at the top. */
    public static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
