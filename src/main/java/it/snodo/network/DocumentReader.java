package it.snodo.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import it.snodo.web.JsonValues;
import it.snodo.web.PlainText;
import it.snodo.web.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads a network document row by row, so that every bad row is named, not only the first:
 * unknown sections and fields, values of the wrong type and Bean Validation constraints.
 */
@Component
class DocumentReader {

    private final ObjectMapper mapper;
    private final Validator validator;

    DocumentReader(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    record Result(NetworkDocument document, List<Violation> violations) {}

    Result read(JsonNode root) {
        List<Violation> violations = new ArrayList<>();
        if (root == null || !root.isObject()) {
            violations.add(Violation.of("body", "must be a JSON object with the sections of the network document"));
            return new Result(NetworkDocument.empty(), violations);
        }
        Map<Section, List<Row>> rows = new EnumMap<>(Section.class);
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Section section = Section.of(field.getKey());
            if (section == null) {
                violations.add(Violation.of(field.getKey(), "is not a section of the network document"));
                continue;
            }
            JsonNode array = field.getValue();
            if (array.isNull()) {
                continue;
            }
            if (!array.isArray()) {
                violations.add(Violation.of(section.json, "must be an array"));
                continue;
            }
            List<Row> parsed = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                Row row = readRow(section, i, array.get(i), violations);
                if (row != null) {
                    parsed.add(row);
                }
            }
            rows.put(section, parsed);
        }
        NetworkDocument document = NetworkDocument.of(rows);
        return new Result(document, violations);
    }

    /** Checks one entity given on its own (CRUD): its Bean Validation constraints. */
    List<Violation> validate(Row row) {
        return constraintViolations(row, "", shown(row.key()));
    }

    /** A row's key as errors may repeat it: not at all when it is itself what is refused. */
    private static String shown(String key) {
        return key == null || PlainText.Validator.problem(key) != null ? null : key;
    }

    private Row readRow(Section section, int index, JsonNode node, List<Violation> violations) {
        String prefix = section.json + "[" + index + "]";
        if (node == null || !node.isObject()) {
            violations.add(Violation.of(prefix, "must be an object"));
            return null;
        }
        String key = shown(section.keyOf(node));
        boolean ok = true;
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!section.fields.contains(name)) {
                violations.add(new Violation(prefix + "." + name, key, "is not a field of " + section.json));
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        Row row;
        try {
            row = mapper.treeToValue(node, section.type);
        } catch (JsonProcessingException e) {
            violations.add(new Violation(prefix + fieldOf(e), key, typeMessage(e)));
            return null;
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(prefix, key, "is not a valid row"));
            return null;
        }
        List<Violation> constraints = constraintViolations(row, prefix + ".", key);
        violations.addAll(constraints);
        return constraints.isEmpty() ? row : null;
    }

    private List<Violation> constraintViolations(Row row, String prefix, String key) {
        List<Violation> out = new ArrayList<>();
        for (ConstraintViolation<Row> v : validator.validate(row)) {
            out.add(new Violation(prefix + v.getPropertyPath(), key, v.getMessage()));
        }
        out.sort(java.util.Comparator.comparing(Violation::field));
        return out;
    }

    private static String fieldOf(JsonProcessingException e) {
        String path = e instanceof JsonMappingException m ? JsonValues.path(m) : "";
        return path.isEmpty() ? "" : "." + path;
    }

    private static String typeMessage(JsonProcessingException e) {
        Class<?> target = e instanceof InvalidFormatException f
                ? f.getTargetType()
                : e instanceof MismatchedInputException m ? m.getTargetType() : null;
        return target == null ? "has a value of the wrong type" : "must be " + JsonValues.describe(target);
    }
}
