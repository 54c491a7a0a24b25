package it.snodo.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.snodo.web.ProblemType;
import it.snodo.web.Violation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * HSDS's tabular form, a Frictionless Tabular Data Package: one CSV per table and {@code
 * datapackage.json}, whose resources and schemas are HSDS 3.0's (with HSDS 3.1's service_capacity
 * and unit, and the profile's fields), kept in {@code hsds/tabular/} with their NOTICE. The export
 * flattens the nested objects {@link HsdsMapping} makes for the caller, so the keys, the ids and
 * the confidential-places rule are the JSON API's; the import rebuilds nested organizations (with
 * their services) from the CSVs, for {@link HsdsImport} to check and map as a JSON document, every
 * record remembered by its file and line.
 */
@Component
class HsdsTabular {

    static final String DATAPACKAGE = "datapackage.json";
    /** At most this many files in an imported zip. */
    static final int MAX_ENTRIES = 100;
    /** Every entry of the export carries this time, so that two exports are the same bytes. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * One table of the package.
     *
     * @param resource its resource name ({@code service})
     * @param path its file ({@code services.csv})
     * @param types each field's Table Schema type, by name, in the package's order
     */
    record Table(String resource, String path, LinkedHashMap<String, String> types) {}

    private final byte[] datapackage;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final long maxUnpacked;

    HsdsTabular(ObjectMapper mapper, @Value("${snodo.limits.max-import-body:64MB}") DataSize maxUnpacked) {
        this.maxUnpacked = maxUnpacked.toBytes();
        try (InputStream in = HsdsTabular.class.getResourceAsStream("/hsds/tabular/" + DATAPACKAGE)) {
            datapackage = in.readAllBytes();
            for (JsonNode r : mapper.readTree(datapackage).get("resources")) {
                LinkedHashMap<String, String> types = new LinkedHashMap<>();
                r.get("schema")
                        .get("fields")
                        .forEach(f ->
                                types.put(f.get("name").asText(), f.get("type").asText()));
                tables.put(
                        r.get("name").asText(),
                        new Table(r.get("name").asText(), r.get("path").asText(), types));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Export.

    /** The package of what {@code m} shows its caller: datapackage.json, then each table, in the package's order. */
    byte[] export(HsdsMapping m) {
        Map<String, List<JsonNode>> rows = new LinkedHashMap<>();
        tables.keySet().forEach(t -> rows.put(t, new ArrayList<>()));
        Set<String> units = new HashSet<>();
        for (ObjectNode o : m.organizations()) {
            rows.get("organization").add(o);
            o.path("organization_identifiers").forEach(rows.get("organization_identifier")::add);
            o.path("locations").forEach(rows.get("location")::add);
            o.path("attributes").forEach(rows.get("attribute")::add);
        }
        for (var service : m.services()) {
            ObjectNode s = m.service(service);
            rows.get("service").add(s);
            s.path("service_areas").forEach(rows.get("service_area")::add);
            s.path("attributes").forEach(rows.get("attribute")::add);
            for (JsonNode c : s.path("capacities")) {
                JsonNode unit = c.path("unit");
                ObjectNode capacity = c.deepCopy();
                capacity.put("unit_id", unit.path("id").asText());
                rows.get("service_capacity").add(capacity);
                if (units.add(unit.path("id").asText())) {
                    rows.get("unit").add(unit);
                }
            }
        }
        rows.get("taxonomy").addAll(m.taxonomies());
        rows.get("taxonomy_term").addAll(m.taxonomyTerms());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            entry(zip, DATAPACKAGE, datapackage);
            for (Table t : tables.values()) {
                List<String> fields = List.copyOf(t.types().keySet());
                StringBuilder csv = new StringBuilder(HsdsCsv.row(fields));
                for (JsonNode row : rows.get(t.resource())) {
                    csv.append(HsdsCsv.row(fields.stream()
                            .map(f -> row.path(f).isValueNode() ? row.get(f).asText() : null)
                            .toList()));
                }
                entry(zip, t.path(), csv.toString().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(e);
        zip.write(content);
        zip.closeEntry();
    }

    // Import.

    /**
     * A package rebuilt as an HSDS JSON document.
     *
     * @param organizations the nested organizations, each with its {@code services}
     * @param places each record's JSON path in {@code organizations}, with the file and line it came from
     * @param ignored the files of the zip that no table of Snodo's reads (never opened), and the
     *     locations of no organization
     */
    record Rebuilt(ArrayNode organizations, Map<String, String> places, List<String> ignored) {

        /** A JSON path of the rebuilt document as the file, line and column it came from ({@code services.csv:3:name}). */
        String where(String path) {
            if (path == null) {
                return null;
            }
            String best = null;
            for (String p : places.keySet()) {
                if ((path.equals(p) || path.startsWith(p + ".") || path.startsWith(p + "["))
                        && (best == null || p.length() > best.length())) {
                    best = p;
                }
            }
            if (best == null) {
                return path;
            }
            String rest = path.substring(best.length());
            return places.get(best) + (rest.isEmpty() ? "" : ":" + (rest.startsWith(".") ? rest.substring(1) : rest));
        }
    }

    /** One record of a table: its fields as JSON, and where it is. */
    private record Row(ObjectNode node, String resource, String file, int line) {
        String at() {
            return file + ":" + line;
        }

        String at(String column) {
            return at() + ":" + column;
        }

        String id() {
            JsonNode id = node.get("id");
            return id == null ? null : id.asText();
        }

        String text(String field) {
            JsonNode v = node.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }
    }

    /**
     * The zip's tables rebuilt as nested organizations with their services.
     *
     * @throws HsdsImportRefused 413 for a zip that unpacks to more than the import limit; 400 for
     *     a zip or a CSV that cannot be read, a missing table or column, an id given twice; 422
     *     for references to rows the package does not hold, each named by file, line and column
     */
    Rebuilt rebuild(byte[] zip) {
        Map<String, byte[]> files = unzip(zip);
        List<Violation> invalid = new ArrayList<>();
        Map<String, String> paths = new LinkedHashMap<>();
        tables.values().forEach(t -> paths.put(t.resource(), t.path()));
        if (files.containsKey(DATAPACKAGE)) {
            readPaths(files.get(DATAPACKAGE), paths, invalid);
        }
        Set<String> read = new HashSet<>(paths.values());
        read.add(DATAPACKAGE);
        List<String> ignored = new ArrayList<>(
                files.keySet().stream().filter(f -> !read.contains(f)).sorted().toList());
        if (!files.containsKey(paths.get("organization"))) {
            invalid.add(Violation.of(
                    paths.get("organization"),
                    "is missing: a Tabular Data Package of HSDS holds its organizations (the zip holds "
                            + String.join(", ", files.keySet().stream().sorted().toList()) + ")"));
        }
        Map<String, List<Row>> rows = new HashMap<>();
        for (Table t : tables.values()) {
            String file = paths.get(t.resource());
            rows.put(t.resource(), files.containsKey(file) ? table(t, file, files.get(file), invalid) : List.of());
        }
        Map<String, Map<String, Row>> byId = new HashMap<>();
        for (Table t : tables.values()) {
            Map<String, Row> ids = new LinkedHashMap<>();
            for (Row r : rows.get(t.resource())) {
                if (r.id() == null) {
                    continue; // the schemas name a missing id
                }
                Row before = ids.putIfAbsent(r.id(), r);
                if (before != null) {
                    invalid.add(new Violation(r.at("id"), r.id(), "is the id of line " + before.line() + " too"));
                }
            }
            byId.put(t.resource(), ids);
        }
        if (!invalid.isEmpty()) {
            throw refused(ProblemType.INVALID_INPUT, invalid);
        }

        Map<String, Row> organizations = byId.get("organization");
        Map<String, Row> services = byId.get("service");
        List<Violation> broken = new ArrayList<>();
        Map<Row, List<Row>> children = new HashMap<>();
        child(rows.get("organization_identifier"), "organization_id", organizations, children, broken, invalid);
        child(rows.get("location"), "organization_id", organizations, children, broken, null);
        rows.get("location").stream()
                .filter(l -> l.text("organization_id") == null)
                .forEach(l -> ignored.add(l.at()));
        child(rows.get("service"), "organization_id", organizations, children, broken, invalid);
        child(rows.get("service_area"), "service_id", services, children, broken, invalid);
        child(rows.get("service_capacity"), "service_id", services, children, broken, invalid);
        Map<String, Row> orgsAndServices = new HashMap<>(organizations);
        orgsAndServices.putAll(services);
        child(rows.get("attribute"), "link_id", orgsAndServices, children, broken, invalid);
        for (Row a : rows.get("attribute")) {
            reference(a, "taxonomy_term_id", byId.get("taxonomy_term"), broken, invalid);
        }
        for (Row t : rows.get("taxonomy_term")) {
            reference(t, "taxonomy_id", byId.get("taxonomy"), broken, null);
        }
        for (Row c : rows.get("service_capacity")) {
            reference(c, "unit_id", byId.get("unit"), broken, invalid);
        }
        if (!invalid.isEmpty()) {
            throw refused(ProblemType.INVALID_INPUT, invalid);
        }
        if (!broken.isEmpty()) {
            throw refused(ProblemType.BROKEN_GRAPH, broken);
        }

        ArrayNode document = JSON.arrayNode();
        Map<String, String> places = new LinkedHashMap<>();
        for (Row o : rows.get("organization")) {
            String path = "[" + document.size() + "]";
            ObjectNode org = nest(o, path, places);
            List<Row> under = children.getOrDefault(o, List.of());
            nestAll(org, "organization_identifiers", path, under, "organization_identifier", places, byId);
            nestAll(org, "attributes", path, under, "attribute", places, byId);
            nestAll(org, "locations", path, under, "location", places, byId);
            nestAll(org, "services", path, under, "service", places, byId);
            for (int k = 0; k < org.path("services").size(); k++) {
                Row s = services.get(org.get("services").get(k).get("id").asText());
                String at = path + ".services[" + k + "]";
                ObjectNode service = (ObjectNode) org.get("services").get(k);
                List<Row> of = children.getOrDefault(s, List.of());
                nestAll(service, "service_areas", at, of, "service_area", places, byId);
                nestAll(service, "attributes", at, of, "attribute", places, byId);
                nestAll(service, "capacities", at, of, "service_capacity", places, byId);
            }
            document.add(org);
        }
        return new Rebuilt(document, places, ignored);
    }

    /** {@code row} as a JSON object at {@code path}, its references to single rows nested as HSDS nests them. */
    private ObjectNode nest(Row row, String path, Map<String, String> places) {
        places.put(path, row.at());
        return row.node().deepCopy();
    }

    private void nestAll(
            ObjectNode parent,
            String field,
            String path,
            List<Row> children,
            String resource,
            Map<String, String> places,
            Map<String, Map<String, Row>> byId) {
        List<Row> of =
                children.stream().filter(r -> r.resource().equals(resource)).toList();
        if (of.isEmpty()) {
            return;
        }
        ArrayNode array = parent.putArray(field);
        for (Row r : of) {
            String at = path + "." + field + "[" + array.size() + "]";
            ObjectNode node = nest(r, at, places);
            if (resource.equals("attribute")) {
                Row term = byId.get("taxonomy_term").get(r.text("taxonomy_term_id"));
                ObjectNode t = nest(term, at + ".taxonomy_term", places);
                Row taxonomy = byId.get("taxonomy").get(term.text("taxonomy_id"));
                if (taxonomy != null) {
                    t.set("taxonomy_detail", nest(taxonomy, at + ".taxonomy_term.taxonomy_detail", places));
                }
                node.set("taxonomy_term", t);
            } else if (resource.equals("service_capacity")) {
                node.set("unit", nest(byId.get("unit").get(r.text("unit_id")), at + ".unit", places));
                node.remove("unit_id");
            }
            array.add(node);
        }
    }

    private static void child(
            List<Row> rows,
            String field,
            Map<String, Row> parents,
            Map<Row, List<Row>> children,
            List<Violation> broken,
            List<Violation> invalid) {
        for (Row r : rows) {
            reference(r, field, parents, broken, invalid)
                    .ifPresent(p ->
                            children.computeIfAbsent(p, k -> new ArrayList<>()).add(r));
        }
    }

    /**
     * The row {@code field} of {@code r} names; a missing reference is bad on its own when {@code
     * invalid} is given (a required one), one to nothing of the package a broken reference.
     */
    private static java.util.Optional<Row> reference(
            Row r, String field, Map<String, Row> targets, List<Violation> broken, List<Violation> invalid) {
        String value = r.text(field);
        if (value == null) {
            if (invalid != null) {
                invalid.add(new Violation(r.at(field), r.id(), "is required"));
            }
            return java.util.Optional.empty();
        }
        Row target = targets.get(value);
        if (target == null) {
            broken.add(new Violation(r.at(field), r.id(), "names no row of the package"));
        }
        return java.util.Optional.ofNullable(target);
    }

    private void readPaths(byte[] json, Map<String, String> paths, List<Violation> invalid) {
        try {
            JsonNode resources = new ObjectMapper().readTree(json).path("resources");
            for (JsonNode r : resources) {
                String name = r.path("name").asText(null);
                String path = r.path("path").asText(null);
                if (name != null && path != null && paths.containsKey(name)) {
                    paths.put(name, path);
                }
            }
        } catch (IOException e) {
            invalid.add(Violation.of(DATAPACKAGE, "is not JSON"));
        }
    }

    /** A table's records as JSON objects, each cell read by its field's type; an empty cell is no field. */
    private List<Row> table(Table t, String file, byte[] bytes, List<Violation> invalid) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            invalid.add(Violation.of(file, "is not UTF-8 text"));
            return List.of();
        }
        List<HsdsCsv.Record> records;
        try {
            records = HsdsCsv.parse(text);
        } catch (HsdsCsv.Malformed e) {
            invalid.add(Violation.of(file + ":" + e.line(), e.getMessage()));
            return List.of();
        }
        if (records.isEmpty()) {
            invalid.add(Violation.of(file + ":1", "must be the header, the names of the columns"));
            return List.of();
        }
        List<String> header = records.get(0).fields();
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (column.isBlank() || !seen.add(column)) {
                invalid.add(Violation.of(
                        file + ":1:" + column, column.isBlank() ? "a column has no name" : "names two columns"));
            }
        }
        if (!seen.contains("id")) {
            invalid.add(Violation.of(file + ":1:id", "is missing: every table of HSDS has an id column"));
        }
        if (seen.size() != header.size() || !seen.contains("id")) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (HsdsCsv.Record record : records.subList(1, records.size())) {
            List<String> cells = record.fields();
            if (cells.stream().allMatch(String::isEmpty)) {
                continue;
            }
            if (cells.size() != header.size()) {
                invalid.add(Violation.of(
                        file + ":" + record.line(), "has " + cells.size() + " fields, the header " + header.size()));
                continue;
            }
            ObjectNode node = JSON.objectNode();
            for (int i = 0; i < header.size(); i++) {
                if (!cells.get(i).isEmpty()) {
                    node.set(header.get(i), value(t.types().getOrDefault(header.get(i), "string"), cells.get(i)));
                }
            }
            rows.add(new Row(node, t.resource(), file, record.line()));
        }
        return rows;
    }

    /** A cell as JSON of its field's type; a cell that is not of the type stays text, for the schemas to name. */
    private static JsonNode value(String type, String cell) {
        switch (type) {
            case "number", "integer" -> {
                try {
                    BigDecimal n = new BigDecimal(cell.trim());
                    try {
                        return JSON.numberNode(n.longValueExact());
                    } catch (ArithmeticException notWhole) {
                        return JSON.numberNode(n.doubleValue());
                    }
                } catch (NumberFormatException notANumber) {
                    return JSON.textNode(cell);
                }
            }
            case "boolean" -> {
                return cell.equals("true") || cell.equals("false")
                        ? JSON.booleanNode(cell.equals("true"))
                        : JSON.textNode(cell);
            }
            default -> {
                return JSON.textNode(cell);
            }
        }
    }

    /** The zip's files by name, each read with the import's limit on what it unpacks to. */
    private Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String name = e.getName();
                if (e.isDirectory() || name.startsWith("__MACOSX/")) {
                    continue;
                }
                String file = name.substring(name.lastIndexOf('/') + 1);
                if (files.size() >= MAX_ENTRIES) {
                    throw refused(
                            ProblemType.INVALID_INPUT,
                            List.of(Violation.of("$", "holds more than " + MAX_ENTRIES + " files")));
                }
                if (files.containsKey(file)) {
                    throw refused(ProblemType.INVALID_INPUT, List.of(Violation.of(file, "is in the zip twice")));
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    total += n;
                    if (total > maxUnpacked) {
                        throw new HsdsImportRefused(
                                ProblemType.PAYLOAD_TOO_LARGE,
                                "The zip unpacks to more than "
                                        + DataSize.ofBytes(maxUnpacked).toMegabytes()
                                        + " MB, the most an import takes; nothing was written",
                                List.of(Violation.of(file, "unpacks past the limit")));
                    }
                    out.write(buffer, 0, n);
                }
                files.put(file, out.toByteArray());
            }
        } catch (ZipException e) {
            throw refused(ProblemType.INVALID_INPUT, List.of(Violation.of("$", "is not a readable zip")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw refused(
                    ProblemType.INVALID_INPUT,
                    List.of(Violation.of("$", "must be a zip of HSDS CSVs and datapackage.json; it holds no file")));
        }
        return files;
    }

    private static HsdsImportRefused refused(ProblemType type, List<Violation> errors) {
        return new HsdsImportRefused(
                type,
                "The Tabular Data Package "
                        + (type == ProblemType.BROKEN_GRAPH
                                ? "names rows it does not hold"
                                : "cannot be read as HSDS tables")
                        + "; nothing was written",
                errors);
    }
}
