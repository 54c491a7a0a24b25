package it.snodo.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.snodo.OpenApiTraffic;
import it.snodo.SnodoApplication;
import it.snodo.TestKeys;
import it.snodo.network.NetworkStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Thousands of random and hostile requests against the real service (real HTTP stack, real
 * embedded Neo4j holding the worked example): unknown and traversing paths, every method, absurd
 * query parameters, bodies of the wrong type, nested thousands deep, with duplicate keys, huge
 * strings, garbage bytes or cut short, sent with the planner key, a reader key, a bad key or none.
 *
 * <p>Proves that no request gets a 5xx; that every 4xx is an RFC 9457 problem detail whose
 * {@code status} is the HTTP status; that no write the generators make (each one invalid by
 * construction: a wrong type, an unknown reference, a key that may not write) succeeds or moves the
 * network version; and that after each property the export is still the example's, byte for byte.
 */
class FuzzIT {

    /**
     * The same requests on every run, so that CI is reproducible; to fuzz further, change the
     * seed (or remove it for a random one) and run {@code mvn -B test -Dtest=FuzzIT}.
     */
    static final String SEED = "20261122";

    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");
    /** POSTs that only read: they may answer 200, and must not move the version either. */
    private static final Set<String> READ_POSTS = Set.of("/api/v1/what-if", "/api/v1/integrated-answers");

    private static final List<String> KINDS =
            List.of("territories", "categories", "cooperatives", "partners", "services", "needs");

    private static ConfigurableApplicationContext context;
    private static NetworkStore store;
    private static HttpClient client;
    private static ObjectMapper mapper;
    private static String base;
    private static JsonNode example;
    private static String baselineExport;
    private static long baselineVersion;
    private static String readerKey;
    private static int requests;

    @BeforeContainer
    static void start() throws Exception {
        Path home = Path.of("target", "it-neo4j", "fuzz-" + UUID.randomUUID()).toAbsolutePath();
        context = new SpringApplicationBuilder(SnodoApplication.class)
                .run(
                        "--server.port=0",
                        "--snodo.neo4j.home=" + home,
                        "--snodo.neo4j.bolt-port=0",
                        "--snodo.neo4j.page-cache=16MB",
                        "--snodo.demo.load=false",
                        "--snodo.security.bootstrap-planner-key=" + TestKeys.PLANNER,
                        "--snodo.limits.requests-per-second=0");
        store = context.getBean(NetworkStore.class);
        mapper = context.getBean(ObjectMapper.class);
        base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        try (InputStream in = FuzzIT.class.getResourceAsStream("/examples/example-network.json")) {
            example = mapper.readTree(in);
        }
        HttpResponse<String> imported = raw(
                "POST",
                "/api/v1/import",
                "Bearer " + TestKeys.PLANNER,
                "application/json",
                mapper.writeValueAsBytes(example));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        HttpResponse<String> key = raw(
                "POST",
                "/api/v1/keys",
                "Bearer " + TestKeys.PLANNER,
                "application/json",
                "{\"role\": \"READER\", \"label\": \"fuzz\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        readerKey = mapper.readTree(key.body()).get("key").asText();
        baselineExport = export();
        baselineVersion = store.version();
    }

    @AfterContainer
    static void stop() {
        System.out.println("FuzzIT sent " + requests + " requests");
        if (context != null) {
            context.close();
        }
    }

    /** Whatever a property sent, the network is the example's, as it was. */
    @AfterProperty
    void networkIsUnchanged() throws Exception {
        assertThat(store.version()).as("network version").isEqualTo(baselineVersion);
        assertThat(export()).as("export after the property").isEqualTo(baselineExport);
    }

    // ---------------------------------------------------------------- properties

    @Property(tries = 700, shrinking = ShrinkingMode.OFF, seed = SEED)
    void readsWithHostileParametersNeverFail(
            @ForAll("reads") String pathAndQuery, @ForAll("auth") String auth, @ForAll("accept") String accept)
            throws Exception {
        check("GET", pathAndQuery, auth, accept, null, null);
    }

    @Property(tries = 700, shrinking = ShrinkingMode.OFF, seed = SEED)
    void hostilePathsAndMethodsNeverFail(
            @ForAll("methods") String method,
            @ForAll("paths") String path,
            @ForAll("auth") String auth,
            @ForAll("smallBodies") byte[] body)
            throws Exception {
        check(
                method,
                path,
                auth,
                "application/json",
                method.equals("GET") || method.equals("DELETE") ? null : "application/json",
                method.equals("GET") || method.equals("DELETE") ? null : body);
    }

    @Property(tries = 600, shrinking = ShrinkingMode.OFF, seed = SEED)
    void invalidWritesAreRefusedAndChangeNothing(@ForAll("writes") Write write, @ForAll("writeAuth") String auth)
            throws Exception {
        check(write.method(), write.path(), auth, "application/json", write.contentType(), write.body());
    }

    /** What the fuzzing found once (each a 5xx, Tomcat's HTML or Spring Boot's error JSON), kept as fixed cases. */
    @Example
    void theCasesFuzzingFoundAreProblemDetails() throws Exception {
        String planner = "Bearer " + TestKeys.PLANNER;
        // A multipart Content-Type without a boundary: was a 500 (MultipartException).
        check("POST", "/api/v1/needs", planner, "application/json", "multipart/form-data", utf8("[[[1]]]"));
        // A form body whose parameter name the firewall refuses: was a 500 (RequestRejectedException).
        check(
                "POST",
                "/api/v1/integrated-answers",
                planner,
                "application/json",
                "application/x-www-form-urlencoded",
                new byte[] {' ', '=', 1, '&', (byte) 0xff});
        // A form body on a PUT, parsed by Spring's form filter before MVC: was a 500.
        check("PUT", "/api/v1/needs", planner, "application/json", "application/x-www-form-urlencoded", new byte[] {
            'a', '\t', '^', (byte) 0xff, '=', '%', 'z', '&', (byte) 0x80
        });
        // URLs the firewall refuses: were Spring Boot's error JSON, not a problem detail.
        check("GET", "/api/v1/territories/%2E/x", planner, "application/json", null, null);
        check("GET", "/api/v1//needs", planner, "application/json", null, null);
        check("GET", "/api/v1/needs/a;b", planner, "application/json", null, null);
        // URLs Tomcat refuses itself (an encoded slash, bytes not UTF-8, a request line over 8 KB): were HTML.
        check(
                "DELETE",
                "/api/v1/services/fuzz-%24%7Bjndi%3Aldap%3A%2F%2Fx%7D",
                planner,
                "application/json",
                null,
                null);
        check("GET", "/api/v1/ties/ex015154/%ff/x", planner, "application/json", null, null);
        check("GET", "/api/v1/ties?category=" + "a".repeat(10_000), planner, "application/json", null, null);
    }

    // ---------------------------------------------------------------- the checks

    private void check(String method, String pathAndQuery, String auth, String accept, String contentType, byte[] body)
            throws Exception {
        String what = method + " " + abbreviate(pathAndQuery) + " auth=" + abbreviate(auth) + " body="
                + (body == null ? "none" : abbreviate(new String(body, StandardCharsets.UTF_8)));
        HttpResponse<String> response = send(method, pathAndQuery, auth, accept, contentType, body);
        int status = response.statusCode();
        assertThat(status)
                .as("no 5xx: %s -> %s", what, abbreviate(response.body()))
                .isLessThan(500);
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            assertThat(type)
                    .as("a problem detail: %s -> %s", what, abbreviate(response.body()))
                    .startsWith("application/problem+json");
            JsonNode problem = mapper.readTree(response.body());
            assertThat(problem.path("type").isTextual())
                    .as("type: %s -> %s", what, problem)
                    .isTrue();
            assertThat(problem.path("title").isTextual())
                    .as("title: %s -> %s", what, problem)
                    .isTrue();
            assertThat(problem.path("status").asInt())
                    .as("status: %s -> %s", what, problem)
                    .isEqualTo(status);
        }
        if (WRITES.contains(method)) {
            String path = pathAndQuery.split("\\?", 2)[0];
            boolean readOnly = method.equals("POST") && READ_POSTS.contains(path);
            assertThat(status < 200 || status >= 300 || readOnly)
                    .as(
                            "a write the generators make invalid succeeded: %s -> %d %s",
                            what, status, abbreviate(response.body()))
                    .isTrue();
            assertThat(store.version())
                    .as("the version after %s -> %d", what, status)
                    .isEqualTo(baselineVersion);
        }
    }

    private static HttpResponse<String> send(
            String method, String pathAndQuery, String auth, String accept, String contentType, byte[] body)
            throws IOException, InterruptedException {
        requests++;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (!auth.isEmpty()) {
            request.header("Authorization", auth);
        }
        if (!accept.isEmpty()) {
            request.header("Accept", accept);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpRequest sent = request.build();
        HttpResponse<String> response = client.send(sent, HttpResponse.BodyHandlers.ofString());
        OpenApiTraffic.check(
                method,
                sent.uri(),
                sent.headers().map(),
                body,
                response.statusCode(),
                response.headers().map(),
                response.body().getBytes(StandardCharsets.UTF_8));
        return response;
    }

    private static HttpResponse<String> raw(String method, String path, String auth, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return send(method, path, auth, "application/json", contentType, body);
    }

    private static String export() throws IOException, InterruptedException {
        HttpResponse<String> response = raw("GET", "/api/v1/export", "Bearer " + TestKeys.PLANNER, null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...(" + s.length() + " chars)";
    }

    // ---------------------------------------------------------------- generators

    /** Values no parameter expects: huge, negative, not numbers, unicode, Cypher, empty. */
    static Arbitrary<String> hostileValues() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        " ",
                        "0",
                        "-1",
                        "-2147483649",
                        "2147483648",
                        "9223372036854775808",
                        "-9223372036854775809",
                        "1e308",
                        "-1e308",
                        "1e-400",
                        "NaN",
                        "Infinity",
                        "-Infinity",
                        "0x10",
                        "1.5",
                        "true",
                        "null",
                        "undefined",
                        "[]",
                        "{}",
                        "' OR 1=1 //",
                        "\" OR \"\"=\"",
                        "}) MATCH (n) DETACH DELETE n //",
                        "x'}) DETACH DELETE n RETURN 1 //",
                        "$param",
                        "$id",
                        "`a`",
                        "``",
                        "`) MATCH (n) DELETE n //",
                        "\\u0000",
                        "\u0000",
                        "%00",
                        "../../etc/passwd",
                        "ex015154",
                        "ex-coop-000",
                        "ex-anziani",
                        "ex-anziani.sportello",
                        "MUNICIPALITY",
                        "DISTRICT",
                        "HIGH",
                        "CONTRACT",
                        "CONSORTIUM",
                        "2026-11-22T08:00:00Z",
                        "9999-99-99T99:99:99Z",
                        "+999999999-12-31T23:59:59Z",
                        "ex-need-0000",
                        "ex-svc-0000",
                        "TIE",
                        "KEY",
                        "\uD83D\uDE00\u202E\u0301",
                        "é",
                        "\uFEFF",
                        "<script>alert(1)</script>",
                        "${jndi:ldap://x}",
                        "%s%s%s%n",
                        "a,b",
                        "a;b",
                        "\r\nX-Injected: 1"),
                Arbitraries.strings().ofMinLength(0).ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(20),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.strings().withChars("a9.-_").ofMinLength(1000).ofMaxLength(3000));
    }

    /**
     * Under Tomcat's 8 KB limit on the request line and headers: beyond it Tomcat itself answers
     * 400 with its own page, before the request reaches the service.
     */
    static boolean fitsTomcat(String pathAndQuery) {
        return pathAndQuery.length() < 7000;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Known read endpoints with their own parameters and random ones, each given a hostile value. */
    @Provide
    Arbitrary<String> reads() {
        List<String> endpoints = List.of(
                "/api/v1/territories",
                "/api/v1/categories",
                "/api/v1/cooperatives",
                "/api/v1/partners",
                "/api/v1/services",
                "/api/v1/needs",
                "/api/v1/ties",
                "/api/v1/export",
                "/api/v1/referrals",
                "/api/v1/paths",
                "/api/v1/gaps",
                "/api/v1/gaps/matrix",
                "/api/v1/fragility",
                "/api/v1/network/measures",
                "/api/v1/synergies",
                "/api/v1/synergies/top",
                "/api/v1/audit",
                "/api/v1/keys",
                "/api/v1/territories/ex015154",
                "/api/v1/needs/ex-need-0000",
                "/api/v1/ties/ex-partner-003/ex-partner-001/CONTRACT");
        List<String> names = List.of(
                "page",
                "size",
                "limit",
                "k",
                "maxKm",
                "includeFull",
                "territory",
                "category",
                "cooperative",
                "from",
                "to",
                "kind",
                "actor",
                "level",
                "partOf",
                "type",
                "memberOf",
                "provider",
                "urgency",
                "since",
                "entity",
                "page",
                "size");
        Arbitrary<String> name =
                Arbitraries.oneOf(Arbitraries.of(names), Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> param = Combinators.combine(name, hostileValues()).as((n, v) -> encode(n) + "=" + encode(v));
        return Combinators.combine(
                        Arbitraries.of(endpoints), param.list().ofMinSize(0).ofMaxSize(5))
                .as((e, ps) -> ps.isEmpty() ? e : e + "?" + String.join("&", ps))
                .filter(FuzzIT::fitsTomcat);
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                hostileValues().map(FuzzIT::encode),
                Arbitraries.of(
                        "..",
                        ".",
                        "%2e%2e",
                        "%2E",
                        "%2F",
                        "%5C",
                        "%00",
                        "%25",
                        "%ff",
                        "%c3%28",
                        ";jsessionid=1",
                        "%3B",
                        "",
                        "~",
                        "*",
                        "*%2A",
                        "ex015154",
                        "ex-coop-000",
                        "CONTRACT",
                        "%20"),
                Arbitraries.strings()
                        .withChars("abcXYZ019-_.")
                        .ofMinLength(1000)
                        .ofMaxLength(3000));
        Arbitrary<String> prefix = Arbitraries.of(
                "/api/v1",
                "/api/v1/territories",
                "/api/v1/categories",
                "/api/v1/cooperatives",
                "/api/v1/partners",
                "/api/v1/services",
                "/api/v1/needs",
                "/api/v1/ties",
                "/api/v1/keys",
                "/api/v1/import",
                "/api/v1/export",
                "/api/v1/audit",
                "/api/v1/what-if",
                "/api/v1/gaps",
                "/api/v1/gaps/matrix",
                "/api/v1/synergies",
                "/api/v1/referrals",
                "/api/v2",
                "/api",
                "/api/v1/",
                "/api//v1",
                "/api/v1/../v1",
                "/api/v1/./needs");
        return Combinators.combine(
                        prefix,
                        segment.list().ofMinSize(0).ofMaxSize(4),
                        Arbitraries.of("", "", "?page=-1", "?size=1e308", "?limit=NaN", "?a=%25&a=%00"))
                .as((p, segments, query) -> p + (segments.isEmpty() ? "" : "/" + String.join("/", segments)) + query)
                .filter(FuzzIT::fitsTomcat);
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH");
    }

    @Provide
    Arbitrary<String> auth() {
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, Arbitraries.just("Bearer " + TestKeys.PLANNER)),
                        net.jqwik.api.Tuple.of(2, Arbitraries.just("READER")),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just("")),
                        net.jqwik.api.Tuple.of(2, badKeys()))
                .map(a -> a.equals("READER") ? "Bearer " + readerKey : a);
    }

    /** Mostly the planner, whose writes get furthest; the others must be refused before anything. */
    @Provide
    Arbitrary<String> writeAuth() {
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(12, Arbitraries.just("Bearer " + TestKeys.PLANNER)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just("READER")),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just("")),
                        net.jqwik.api.Tuple.of(1, badKeys()))
                .map(a -> a.equals("READER") ? "Bearer " + readerKey : a);
    }

    static Arbitrary<String> badKeys() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "Bearer",
                        "Bearer ",
                        "Bearer x",
                        "bearer " + TestKeys.PLANNER + "x",
                        "Basic dXNlcjpwYXNz",
                        "Bearer ' OR 1=1 //",
                        "Bearer $param",
                        "Token abc",
                        "Bearer " + "k".repeat(5000)),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(80).map(s -> "Bearer " + s));
    }

    @Provide
    Arbitrary<String> accept() {
        return Arbitraries.of(
                "application/json",
                "application/json",
                "*/*",
                "",
                "application/problem+json",
                "text/csv",
                "application/xml",
                "text/html",
                "application/json;q=0.1, text/csv");
    }

    @Provide
    Arbitrary<byte[]> smallBodies() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "{}", "[]", "null", "\"x\"", "{\"id\":", "{\"role\":\"ADMIN\"}")
                        .map(FuzzIT::utf8),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200));
    }

    /** A write, invalid by construction. */
    record Write(String method, String path, String contentType, byte[] body) {}

    @Provide
    Arbitrary<Write> writes() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, entityWrites()),
                net.jqwik.api.Tuple.of(2, importWrites()),
                net.jqwik.api.Tuple.of(1, keyWrites()),
                net.jqwik.api.Tuple.of(1, analysisPosts()),
                net.jqwik.api.Tuple.of(2, malformedBodies()),
                net.jqwik.api.Tuple.of(1, deletesOfNothing()));
    }

    /**
     * A create or replace of one entity whose reference is to nothing (so it must be refused), with
     * one of its other fields replaced by a hostile value.
     */
    Arbitrary<Write> entityWrites() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, KINDS.size()),
                        Arbitraries.of(true, false),
                        hostileJsonValues(),
                        Arbitraries.integers().between(0, 9),
                        Arbitraries.of(true, false))
                .as((kindIndex, create, value, fieldIndex, contentTypeRight) -> {
                    String kind = kindIndex == KINDS.size() ? "ties" : KINDS.get(kindIndex);
                    ObjectNode row = (ObjectNode) example.get(kind).get(0).deepCopy();
                    String reference = switch (kind) {
                        case "territories", "categories" -> "partOf";
                        case "cooperatives", "partners" -> "basedIn";
                        case "services" -> "provider";
                        case "needs" -> "category";
                        default -> "to";
                    };
                    List<String> names = new ArrayList<>();
                    row.fieldNames().forEachRemaining(names::add);
                    names.remove(reference);
                    names.add("phone");
                    String field = names.get(fieldIndex % names.size());
                    row.set(field, value);
                    row.put(reference, "fuzz-nowhere");
                    String path = "/api/v1/" + kind;
                    String method = "POST";
                    if (!create) {
                        method = "PUT";
                        path += kind.equals("ties")
                                ? "/ex-partner-003/fuzz-nowhere/CONTRACT"
                                : "/"
                                        + example.get(kind)
                                                .get(0)
                                                .get(kind.equals("categories") ? "code" : "id")
                                                .asText();
                    }
                    return new Write(method, path, contentTypeRight ? "application/json" : "text/plain", json(row));
                });
    }

    /**
     * The example, some rows changed (in ways valid on their own) and one row bad: all or nothing
     * means none of the changes may land.
     */
    Arbitrary<Write> importWrites() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 29),
                        Arbitraries.integers().between(1, 1000),
                        Arbitraries.of("section", "unknown-reference", "wrong-type", "unknown-field", "bad-row"),
                        hostileJsonValues())
                .as((needIndex, people, how, value) -> {
                    ObjectNode document = example.deepCopy();
                    ((ObjectNode) document.get("needs").get(needIndex)).put("people", people);
                    ((ObjectNode) document.get("cooperatives").get(1)).put("name", "Nome cambiato dal fuzz");
                    ObjectNode bad = document.get("needs").get(0).deepCopy();
                    bad.put("id", "fuzz-need-bad");
                    switch (how) {
                        case "section" -> document.set("fuzz", value);
                        case "unknown-reference" -> {
                            bad.put("category", "fuzz-nowhere");
                            ((ArrayNode) document.get("needs")).add(bad);
                        }
                        case "wrong-type" ->
                            document.set(
                                    "needs",
                                    value.isArray()
                                            ? mapper.createArrayNode()
                                                    .add(value)
                                                    .add(value)
                                            : value.isNull()
                                                    ? mapper.getNodeFactory().textNode("x")
                                                    : value);
                        case "unknown-field" -> {
                            bad.set("name", value);
                            ((ArrayNode) document.get("needs")).add(bad);
                        }
                        default ->
                            ((ArrayNode) document.get("needs"))
                                    .add(
                                            value.isObject() && value.size() > 0
                                                    ? value
                                                    : mapper.getNodeFactory().textNode("not a row"));
                    }
                    return new Write("POST", "/api/v1/import", "application/json", json(document));
                });
    }

    Arbitrary<Write> keyWrites() {
        return Combinators.combine(
                        Arbitraries.of("ADMIN", "", "reader ", "ROOT")
                                .map(s -> (JsonNode) mapper.getNodeFactory().textNode(s))
                                .injectNull(0.1),
                        hostileJsonValues())
                .as((role, label) -> {
                    ObjectNode key = mapper.createObjectNode();
                    key.set("role", role == null ? mapper.getNodeFactory().nullNode() : role);
                    key.set("label", label);
                    return new Write("POST", "/api/v1/keys", "application/json", json(key));
                });
    }

    /** The two POSTs that only read, with hostile fields: they may answer, never write. */
    Arbitrary<Write> analysisPosts() {
        return Combinators.combine(
                        Arbitraries.of("/api/v1/what-if", "/api/v1/integrated-answers"),
                        Arbitraries.of("remove", "removeTies", "territory", "categories", "maxKm", "extra"),
                        hostileJsonValues())
                .as((path, field, value) -> {
                    ObjectNode body = mapper.createObjectNode();
                    if (path.endsWith("integrated-answers")) {
                        body.put("territory", "ex015154");
                        body.set("categories", mapper.createArrayNode().add("ex-anziani.sportello"));
                    }
                    body.set(field, value);
                    return new Write("POST", path, "application/json", json(body));
                });
    }

    /** Bytes that are not the JSON a write expects: garbage, cut short, nested deep, duplicate keys. */
    Arbitrary<Write> malformedBodies() {
        Arbitrary<String> path = Arbitraries.of(
                "/api/v1/import",
                "/api/v1/needs",
                "/api/v1/territories",
                "/api/v1/cooperatives",
                "/api/v1/ties",
                "/api/v1/keys",
                "/api/v1/what-if",
                "/api/v1/integrated-answers",
                "/api/v1/needs/ex-need-0000",
                "/api/v1/services/ex-svc-0000");
        Arbitrary<byte[]> garbage =
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(3000);
        Arbitrary<byte[]> invalidUtf8 = Arbitraries.of("{\"id\": \"\u00c3(\"}", "{\"id\": \"x\uFFFF\"}")
                .map(s -> {
                    byte[] b = utf8(s);
                    b[9] = (byte) 0xC3;
                    b[10] = (byte) 0x28;
                    return b;
                });
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(1, 400).map(cut -> {
            byte[] whole = json(example.get("needs").get(0));
            return Arrays.copyOf(whole, Math.min(cut, whole.length - 1));
        });
        Arbitrary<byte[]> deep = Combinators.combine(
                        Arbitraries.integers().between(900, 5000),
                        Arbitraries.of("[", "{\"a\":", "{\"needs\":", "{\"remove\":["))
                .as((depth, open) -> {
                    String close = switch (open) {
                        case "[" -> "]";
                        case "{\"remove\":[" -> "]}";
                        default -> "}";
                    };
                    return utf8(open.repeat(depth) + "1" + close.repeat(depth));
                });
        Arbitrary<byte[]> duplicateKeys = Arbitraries.of(
                        "{\"id\":\"fuzz-need-1\",\"id\":\"ex-need-0000\",\"category\":\"fuzz-nowhere\",\"territory\":\"ex015154\",\"people\":1}",
                        "{\"needs\":[],\"needs\":[{\"id\":\"fuzz-need-2\"}]}",
                        "{\"role\":\"READER\",\"role\":\"PLANNER\",\"label\":\"fuzz\"}",
                        "{\"remove\":[],\"remove\":[\"ex-coop-000\"]}")
                .map(FuzzIT::utf8);
        Arbitrary<byte[]> huge = Arbitraries.integers()
                .between(50_000, 150_000)
                .map(n -> utf8("{\"id\":\"" + "x".repeat(n) + "\",\"category\":\"fuzz-nowhere\"}"));
        Arbitrary<byte[]> nonJson = Arbitraries.of(
                        "NaN",
                        "Infinity",
                        "{'id': 'x'}",
                        "{id: 1}",
                        "[1,]",
                        "{\"a\":1,}",
                        "\u0000",
                        "{\"a\":1} {\"b\":2}",
                        "{} trailing",
                        "\uFEFF{}",
                        "{\"a\":\"\\ud800\"}",
                        "1e99999",
                        "-",
                        "\"unterminated")
                .map(FuzzIT::utf8);
        return Combinators.combine(
                        Arbitraries.of("POST", "PUT", "PATCH"),
                        path,
                        Arbitraries.oneOf(garbage, invalidUtf8, truncated, deep, duplicateKeys, huge, nonJson),
                        Arbitraries.of(
                                "application/json",
                                "application/json; charset=UTF-16",
                                "application/json;charset=bogus",
                                "text/plain",
                                "application/x-www-form-urlencoded",
                                "multipart/form-data"))
                .as((method, p, body, contentType) -> new Write(method, p, contentType, body));
    }

    Arbitrary<Write> deletesOfNothing() {
        return Combinators.combine(
                        Arbitraries.of(
                                "territories", "categories", "cooperatives", "partners", "services", "needs", "keys"),
                        hostileValues().filter(v -> !v.startsWith("ex") && !v.isEmpty()))
                .as((kind, id) -> new Write("DELETE", "/api/v1/" + kind + "/" + encode("fuzz-" + id), null, null));
    }

    /** JSON values of every wrong shape and size. */
    Arbitrary<JsonNode> hostileJsonValues() {
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        return Arbitraries.oneOf(
                Arbitraries.of(
                        (JsonNode) f.nullNode(),
                        f.textNode(""),
                        f.textNode("' OR 1=1 //"),
                        f.textNode("}) MATCH (n) DETACH DELETE n //"),
                        f.textNode("$param"),
                        f.textNode("`x`"),
                        f.numberNode(-1),
                        f.numberNode(0),
                        f.numberNode(1e308),
                        f.numberNode(-1e308),
                        f.numberNode(new java.math.BigInteger("9223372036854775808")),
                        f.numberNode(new java.math.BigInteger("-99999999999999999999999999")),
                        f.numberNode(new java.math.BigDecimal("1e-400")),
                        f.numberNode(Long.MAX_VALUE),
                        f.numberNode(Integer.MIN_VALUE),
                        f.numberNode(0.5),
                        f.booleanNode(true),
                        f.arrayNode(),
                        f.objectNode(),
                        f.arrayNode().add(f.nullNode()),
                        f.objectNode().put("id", "x"),
                        f.textNode("\u0000\uFFFF\uD83D\uDE00"),
                        f.textNode("9999-99-99"),
                        f.textNode("MUNICIPALITY ")),
                Arbitraries.strings().ofMaxLength(30).map(s -> (JsonNode) f.textNode(s)),
                Arbitraries.doubles().map(d -> (JsonNode) f.numberNode(d)),
                Arbitraries.integers().between(50_000, 110_000).map(n -> (JsonNode) f.textNode("y".repeat(n))),
                Arbitraries.integers().between(1, 300).map(n -> {
                    ArrayNode a = f.arrayNode();
                    for (int i = 0; i < n; i++) {
                        a.add("fuzz-" + i);
                    }
                    return (JsonNode) a;
                }));
    }

    private static byte[] json(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
