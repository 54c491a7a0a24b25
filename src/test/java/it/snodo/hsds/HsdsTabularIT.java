package it.snodo.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.snodo.SnodoIT;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /hsds/datapackage.zip} and a Tabular Data Package into {@code POST /api/v1/import/hsds}:
 * the package is the JSON API's rows as HSDS's tables, with a datapackage.json whose schemas and
 * foreign keys the CSVs keep; the same bytes twice; confidential places left out as in the JSON;
 * a package imported into an empty database gives back the network; bad rows and broken
 * references are named by file, line and column, and write nothing; a zip bomb is a 413 problem.
 */
class HsdsTabularIT extends SnodoIT {

    private static final String PACKAGE = "/hsds/datapackage.zip";
    private static final String IMPORT = "/api/v1/import/hsds";
    private static final List<String> FILES = List.of(
            "datapackage.json",
            "organizations.csv",
            "organization_identifiers.csv",
            "locations.csv",
            "services.csv",
            "service_areas.csv",
            "service_capacity.csv",
            "units.csv",
            "taxonomies.csv",
            "taxonomy_terms.csv",
            "attributes.csv");

    private byte[] download(String key) {
        HttpHeaders headers = new HttpHeaders();
        if (key != null) {
            headers.setBearerAuth(key);
        }
        ResponseEntity<byte[]> r = http.exchange(PACKAGE, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getHeaders().getContentType().toString()).isEqualTo("application/zip");
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(r.getBody()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo(LocalDateTime.of(1980, 1, 1, 0, 0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return r.getBody();
    }

    private static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var f : files.entrySet()) {
                out.putNextEntry(new ZipEntry(f.getKey()));
                out.write(f.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A table as rows of column → value, in file order. */
    private static List<Map<String, String>> table(byte[] csv) {
        List<HsdsCsv.Record> records = HsdsCsv.parse(new String(csv, StandardCharsets.UTF_8));
        List<String> header = records.get(0).fields();
        List<Map<String, String>> rows = new ArrayList<>();
        for (HsdsCsv.Record r : records.subList(1, records.size())) {
            assertThat(r.line()).as("one line a record").isEqualTo(rows.size() + 2);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), r.fields().get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static byte[] csv(List<Map<String, String>> rows, List<String> header) {
        StringBuilder out = new StringBuilder(HsdsCsv.row(header));
        rows.forEach(r -> out.append(
                HsdsCsv.row(header.stream().map(h -> r.getOrDefault(h, "")).toList())));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The package with one table changed; the line of a row is its index + 2. */
    private static byte[] changed(byte[] zip, String file, UnaryOperator<List<Map<String, String>>> change) {
        Map<String, byte[]> files = unzip(zip);
        List<String> header = HsdsCsv.parse(new String(files.get(file), StandardCharsets.UTF_8))
                .get(0)
                .fields();
        files.put(file, csv(change.apply(table(files.get(file))), header));
        return zip(files);
    }

    private ResponseEntity<JsonNode> upload(byte[] zip) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/zip"));
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange(IMPORT, HttpMethod.POST, new HttpEntity<>(zip, headers), JsonNode.class);
    }

    private static String uuid(String label, String id) {
        return HsdsMapping.uuid(label, id);
    }

    @Test
    void thePackageIsTheJsonApiAsTables() throws IOException {
        importOk(example());
        byte[] zip = download(null);
        assertThat(download(null)).as("the same bytes twice").isEqualTo(zip);
        Map<String, byte[]> files = unzip(zip);
        assertThat(files.keySet()).containsExactlyElementsOf(FILES);

        JsonNode datapackage = mapper.readTree(files.get("datapackage.json"));
        assertThat(datapackage.get("profile").asText()).isEqualTo("tabular-data-package");
        Map<String, List<Map<String, String>>> tables = new HashMap<>();
        Map<String, String> pathOf = new HashMap<>();
        for (JsonNode r : datapackage.get("resources")) {
            String path = r.get("path").asText();
            pathOf.put(r.get("name").asText(), path);
            List<String> fields = new ArrayList<>();
            r.get("schema").get("fields").forEach(f -> fields.add(f.get("name").asText()));
            assertThat(HsdsCsv.parse(new String(files.get(path), StandardCharsets.UTF_8))
                            .get(0)
                            .fields())
                    .as("the header of %s", path)
                    .isEqualTo(fields);
            tables.put(r.get("name").asText(), table(files.get(path)));
        }
        // Every foreign key of the package resolves, every required field is there, every id is unique.
        int references = 0;
        for (JsonNode r : datapackage.get("resources")) {
            List<Map<String, String>> rows = tables.get(r.get("name").asText());
            assertThat(rows.stream().map(row -> row.get("id")).distinct().count())
                    .as("unique ids of %s", r.get("name"))
                    .isEqualTo(rows.size());
            for (JsonNode f : r.get("schema").get("fields")) {
                if (f.path("constraints").path("required").asBoolean()) {
                    assertThat(rows)
                            .as("%s.%s", r.get("name"), f.get("name"))
                            .allMatch(row -> !row.get(f.get("name").asText()).isEmpty());
                }
            }
            for (JsonNode fk : r.get("schema").path("foreignKeys")) {
                String target = fk.get("reference").get("resource").asText();
                assertThat(pathOf).as("the resource of a foreign key").containsKey(target);
                Set<String> ids = new HashSet<>();
                tables.get(target).forEach(row -> ids.add(row.get("id")));
                for (Map<String, String> row : rows) {
                    String value = row.get(fk.get("fields").asText());
                    if (!value.isEmpty()) {
                        assertThat(ids)
                                .as("%s.%s", r.get("name"), fk.get("fields"))
                                .contains(value);
                        references++;
                    }
                }
            }
        }
        assertThat(references).isGreaterThan(100);

        assertThat(tables.get("service")).hasSize(32);
        assertThat(tables.get("organization")).hasSize(17);
        assertThat(tables.get("taxonomy_term")).hasSize(20 + 13);
        assertThat(tables.get("taxonomy")).hasSize(2);
        assertThat(tables.get("unit")).hasSize(1);
        // The rows are the JSON API's.
        JsonNode first = get("/hsds/services/" + uuid("service", "ex-svc-0000")).getBody();
        Map<String, String> row = tables.get("service").get(0);
        for (String field : List.of("id", "organization_id", "name", "status", "last_modified", "snodo_id")) {
            assertThat(row.get(field)).as(field).isEqualTo(first.get(field).asText());
        }
        assertThat(row.get("description")).isEmpty();
        JsonNode capacity = first.get("capacities").get(0);
        Map<String, String> c = tables.get("service_capacity").stream()
                .filter(r -> r.get("service_id").equals(first.get("id").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(c.get("maximum")).isEqualTo("7");
        assertThat(c.get("available"))
                .isEqualTo(capacity.get("available").asText())
                .isEqualTo("2");
        assertThat(c.get("unit_id")).isEqualTo(capacity.get("unit").get("id").asText());
        assertThat(tables.get("service_area").stream()
                        .filter(a -> a.get("service_id").equals(first.get("id").asText()))
                        .map(a -> a.get("uri"))
                        .toList())
                .containsExactly(first.get("service_areas").get(0).get("uri").asText());
        assertThat(tables.get("attribute").stream()
                        .filter(a -> a.get("link_id").equals(first.get("id").asText()))
                        .map(a -> a.get("taxonomy_term_id"))
                        .toList())
                .containsExactly(uuid("category", "ex-anziani.sportello"));
    }

    @Test
    void confidentialPlacesAreLeftOutAsInTheJson() {
        ObjectNode document = (ObjectNode) example().deepCopy();
        ((ObjectNode) document.get("services").get(0)).put("confidential", true);
        ((ObjectNode) document.get("partners").get(0)).put("confidential", true);
        importOk(document);
        String service = uuid("service", "ex-svc-0000");
        String partner =
                uuid("organization", document.get("partners").get(0).get("id").asText());

        Map<String, byte[]> asReader = unzip(download(newKey("READER", null, "reader")));
        assertThat(table(asReader.get("service_areas.csv")))
                .noneMatch(a -> a.get("service_id").equals(service));
        assertThat(table(asReader.get("locations.csv")))
                .noneMatch(l -> l.get("organization_id").equals(partner));
        assertThat(table(asReader.get("services.csv")))
                .anyMatch(s -> s.get("id").equals(service));

        Map<String, byte[]> asPlanner = unzip(download(null));
        assertThat(table(asPlanner.get("service_areas.csv")))
                .anyMatch(a -> a.get("service_id").equals(service));
        assertThat(table(asPlanner.get("locations.csv")))
                .anyMatch(l -> l.get("organization_id").equals(partner));
    }

    @Test
    void aPackageImportsBackTheSameNetwork() {
        JsonNode example = example();
        importOk(example);
        JsonNode before = get("/api/v1/export").getBody();
        byte[] zip = download(null);

        store.clear();
        ObjectNode tree = mapper.createObjectNode();
        tree.set("territories", example.get("territories"));
        tree.set("categories", example.get("categories"));
        importOk(tree);
        ResponseEntity<JsonNode> r = upload(zip);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        JsonNode report = r.getBody();
        assertThat(r.getHeaders().getFirst("Network-Version"))
                .isEqualTo(report.get("networkVersion").asText());
        assertThat(report.get("rows").get("services").asInt()).isEqualTo(32);
        assertThat(report.get("rows").get("cooperatives").asInt()).isEqualTo(11);
        assertThat(report.get("rows").get("partners").asInt()).isEqualTo(6);
        assertThat(report.get("skipped")).isEmpty();

        JsonNode after = get("/api/v1/export").getBody();
        for (String section : List.of("territories", "categories", "cooperatives", "partners")) {
            assertThat(after.get(section)).as(section).isEqualTo(before.get(section));
        }
        assertThat(occupiedZeroAsNone(after.get("services"))).isEqualTo(occupiedZeroAsNone(before.get("services")));

        Map<String, byte[]> again = unzip(download(null));
        Map<String, byte[]> first = unzip(zip);
        for (String file : List.of("organizations.csv", "service_areas.csv", "attributes.csv", "taxonomy_terms.csv")) {
            assertThat(new String(again.get(file), StandardCharsets.UTF_8))
                    .as(file)
                    .isEqualTo(new String(first.get(file), StandardCharsets.UTF_8));
        }
        long version = report.get("networkVersion").asLong();
        assertThat(upload(zip).getBody().get("networkVersion").asLong())
                .as("twice is once")
                .isEqualTo(version);
    }

    /** HSDS cannot tell no occupied places from none recorded. */
    private static JsonNode occupiedZeroAsNone(JsonNode services) {
        JsonNode copy = services.deepCopy();
        copy.forEach(s -> {
            if (s.path("occupied").asInt(-1) == 0) {
                ((ObjectNode) s).putNull("occupied");
            }
        });
        return copy;
    }

    private void refused(byte[] zip, int status, String... fields) {
        JsonNode before = get("/api/v1/export").getBody();
        ResponseEntity<JsonNode> r = upload(zip);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(status);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(fields(r.getBody().get("errors"))).as("%s", r.getBody()).contains(fields);
        assertThat(get("/api/v1/export").getBody()).as("nothing written").isEqualTo(before);
    }

    @Test
    void badRowsAreNamedByFileLineAndColumn() {
        importOk(example());
        byte[] zip = download(null);
        byte[] twoBad = changed(zip, "services.csv", rows -> {
            rows.get(3).put("status", "closed for good");
            rows.get(5).put("name", "");
            return rows;
        });
        refused(twoBad, 400, "services.csv:5:status", "services.csv:7:name");
        refused(
                changed(zip, "service_capacity.csv", rows -> {
                    rows.get(0).put("available", "99");
                    return rows;
                }),
                400,
                "service_capacity.csv:2:available");

        byte[] brokenTwice = changed(
                changed(zip, "service_areas.csv", rows -> {
                    rows.get(1).put("service_id", UUID.randomUUID().toString());
                    return rows;
                }),
                "attributes.csv",
                rows -> {
                    rows.get(rows.size() - 1)
                            .put("taxonomy_term_id", UUID.randomUUID().toString());
                    return rows;
                });
        int lastAttribute = table(unzip(zip).get("attributes.csv")).size() + 1;
        refused(
                brokenTwice,
                422,
                "service_areas.csv:3:service_id",
                "attributes.csv:" + lastAttribute + ":taxonomy_term_id");

        refused(
                changed(zip, "service_areas.csv", rows -> {
                    rows.get(0).put("uri", "urn:istat:099999");
                    return rows;
                }),
                422,
                "service_areas.csv:2:uri");
        refused(
                changed(zip, "services.csv", rows -> {
                    rows.get(0).put("id", rows.get(1).get("id"));
                    return rows;
                }),
                400,
                "services.csv:3:id");
    }

    @Test
    void whatIsNotAPackageIsAProblem() {
        refused("not a zip".getBytes(StandardCharsets.UTF_8), 400, "$");
        refused(zip(Map.of("services.csv", "id,name\r\n".getBytes(StandardCharsets.UTF_8))), 400, "organizations.csv");
        refused(
                zip(Map.of("organizations.csv", "id,name\r\n\"x,y\r\n".getBytes(StandardCharsets.UTF_8))),
                400,
                "organizations.csv:2");
        // 80 MB of zeros deflate to some 80 KB: more than an import may unpack to.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("organizations.csv"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 80; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(bytes.size()).isLessThan(1 << 20);
        ResponseEntity<JsonNode> r = upload(bytes.toByteArray());
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(413);
        assertThat(r.getBody().get("type").asText()).endsWith("/problems/payload-too-large");
        assertThat(fields(r.getBody().get("errors"))).containsExactly("organizations.csv");
    }

    @Test
    void onlyPlannersImportAPackage() {
        importOk(example());
        byte[] zip = download(null);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/zip"));
        headers.setBearerAuth(newKey("READER", null, "reader"));
        assertThat(http.exchange(IMPORT, HttpMethod.POST, new HttpEntity<>(zip, headers), JsonNode.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }
}
