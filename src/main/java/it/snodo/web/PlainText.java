package it.snodo.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every text of a record (its strings, and the strings of its lists) is plain text that names no
 * person: no control characters (C0, DEL, C1: NUL included), no bidirectional controls (the
 * embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, and the marks U+200E,
 * U+200F and U+061C, which make a text read otherwise than it is stored), and no token shaped like
 * an Italian personal fiscal code (16 characters, omocodia letters included, in any case). Each
 * bad text is named by its field ({@code name}, {@code territories}); the value is never
 * repeated. A cooperative's own fiscal code is 11 digits, so it never looks like a person's.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "must be plain text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, Object> {

        /**
         * Six letters (surname, name), two for the year, the month's letter, two for the day, the
         * place's letter and three digits, the check letter; any digit may be an omocodia letter.
         * A token: no letter or digit right before or after it.
         */
        static final Pattern PERSONAL_FISCAL_CODE = Pattern.compile(
                "(?<![\\p{L}\\p{N}])[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]"
                        + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE);

        private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();

        /** What is wrong with a text, or null when nothing is. */
        public static String problem(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                    return "must not hold control characters";
                }
                if ((c >= 0x202a && c <= 0x202e)
                        || (c >= 0x2066 && c <= 0x2069)
                        || c == 0x200e
                        || c == 0x200f
                        || c == 0x061c) {
                    return "must not hold bidirectional text controls";
                }
            }
            if (text.length() >= 16 && PERSONAL_FISCAL_CODE.matcher(text).find()) {
                return "must not hold a personal fiscal code: the network records no person";
            }
            return null;
        }

        @Override
        public boolean isValid(Object bean, ConstraintValidatorContext context) {
            if (!(bean instanceof Record value)) {
                return true;
            }
            boolean valid = true;
            for (RecordComponent component : COMPONENTS.computeIfAbsent(value.getClass(), Validator::components)) {
                Object field = read(component.getAccessor(), value);
                String problem = field instanceof String text ? problem(text) : firstProblem(field);
                if (problem != null) {
                    context.disableDefaultConstraintViolation();
                    context.buildConstraintViolationWithTemplate(problem)
                            .addPropertyNode(component.getName())
                            .addConstraintViolation();
                    valid = false;
                }
            }
            return valid;
        }

        /**
         * The first problem of the texts of a list (or of a list of lists), or null. A list is named
         * as a whole: its order may not be the request's (a service sorts its lists).
         */
        private static String firstProblem(Object field) {
            if (field instanceof Iterable<?> items) {
                for (Object item : items) {
                    String problem = item instanceof String text ? problem(text) : firstProblem(item);
                    if (problem != null) {
                        return problem;
                    }
                }
            }
            return null;
        }

        private static RecordComponent[] components(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            for (RecordComponent c : components) {
                c.getAccessor().setAccessible(true);
            }
            return components;
        }

        private static Object read(Method accessor, Record value) {
            try {
                return accessor.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + accessor.getName(), e);
            }
        }
    }
}
