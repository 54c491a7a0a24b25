package it.snodo.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import it.snodo.web.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * HSDS 3.0's JSON Schemas (branch 3.0, kept under {@code hsds/schema/} with their NOTICE, CC BY-SA
 * 4.0), with formats asserted so that every id must be a UUID.
 */
@Component
class HsdsSchemas {

    static final String UPSTREAM = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(UPSTREAM, "classpath:hsds/schema/")));
    private static final SchemaValidatorsConfig FORMATS =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final Map<String, JsonSchema> loaded = new ConcurrentHashMap<>();

    /**
     * What is wrong with {@code value} against HSDS's {@code schema} ({@code service.json}), each
     * field named by its path below {@code path}; a contact's message never repeats its value.
     */
    List<Violation> check(String schema, JsonNode value, String path, String id) {
        JsonSchema s = loaded.computeIfAbsent(schema, n -> SCHEMAS.getSchema(SchemaLocation.of(UPSTREAM + n), FORMATS));
        List<Violation> out = new ArrayList<>();
        for (ValidationMessage m : s.validate(value)) {
            String field = path + path(m.getInstanceLocation());
            if ("required".equals(m.getType()) && m.getProperty() != null) {
                field = field + "." + m.getProperty();
            }
            String message = field.contains(".contacts") ? "is not a valid HSDS contact" : m.getError();
            out.add(new Violation(field, id, message));
        }
        out.sort(java.util.Comparator.comparing(Violation::field).thenComparing(Violation::message));
        return out;
    }

    private static String path(JsonNodePath location) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                out.append('.').append(element);
            }
        }
        return out.toString();
    }
}
