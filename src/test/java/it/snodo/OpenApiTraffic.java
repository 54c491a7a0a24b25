package it.snodo;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Checks the tests' HTTP traffic against the service's own OpenAPI document ({@code /v3/api-docs}):
 * every answer must be one the document describes (its status, content type, body and required
 * headers), and a request the document calls invalid must not succeed. A check that fails throws
 * an {@link AssertionError} naming the request and what is wrong.
 *
 * <p>The validator (Atlassian's swagger-request-validator) reads OpenAPI 3.0 only: given 3.1 it
 * drops every {@code type} and {@code additionalProperties}. So it reads a 3.0 translation of the
 * served 3.1 document, made here and refusing any 3.1 keyword it cannot translate exactly
 * ({@code type: [T, "null"]} becomes {@code type: T, nullable: true}). The document itself is
 * checked as 3.1 by {@code OpenApiDocumentIT}.
 */
public final class OpenApiTraffic implements ClientHttpRequestInterceptor {

    /** Answers to requests that name no operation of the document are checked against this one. */
    static final String UNMATCHED = "/__no-operation__";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final Set<String> UNDOCUMENTED = Set.of("/v3/api-docs", "/swagger-ui", "/actuator");

    /** Makes {@code http} check every request and answer, once; after the interceptors that add keys. */
    public static TestRestTemplate install(TestRestTemplate http) {
        var interceptors = http.getRestTemplate().getInterceptors();
        interceptors.removeIf(OpenApiTraffic.class::isInstance);
        interceptors.add(new OpenApiTraffic());
        return http;
    }

    @Override
    public ClientHttpResponse intercept(
            org.springframework.http.HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        ClientHttpResponse response = execution.execute(request, body);
        byte[] answer;
        try (InputStream in = response.getBody()) {
            answer = in.readAllBytes();
        }
        check(
                request.getMethod().name(),
                request.getURI(),
                request.getHeaders(),
                body,
                response.getStatusCode().value(),
                response.getHeaders(),
                answer);
        return new Buffered(response, answer);
    }

    /**
     * Checks one exchange, for the tests that send requests with a client of their own.
     *
     * @param uri the absolute URI the request went to
     */
    public static void check(
            String method,
            URI uri,
            Map<String, List<String>> requestHeaders,
            byte[] requestBody,
            int status,
            Map<String, List<String>> responseHeaders,
            byte[] responseBody) {
        String path = uri.getRawPath();
        if (UNDOCUMENTED.stream().anyMatch(path::startsWith)) {
            return;
        }
        OpenApiInteractionValidator validator = validator(uri);
        Request.Method m;
        try {
            m = Request.Method.valueOf(method);
        } catch (IllegalArgumentException unknownToTheValidator) {
            m = null;
        }
        String what = method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + " -> " + status;
        ValidationReport requestReport =
                m == null ? null : validator.validateRequest(request(m, uri, requestHeaders, requestBody));
        boolean noOperation = m == null
                || requestReport.getMessages().stream()
                        .anyMatch(msg -> msg.getKey().equals("validation.request.path.missing")
                                || msg.getKey().equals("validation.request.operation.notAllowed"));
        if (noOperation) {
            if (status >= 200 && status < 300 && !"OPTIONS".equals(method) && !"HEAD".equals(method)) {
                throw new AssertionError(what + ": succeeded, but the document has no such operation");
            }
            if (status >= 400) {
                ValidationReport report = validator.validateResponse(
                        UNMATCHED, Request.Method.GET, response(status, responseHeaders, responseBody));
                fail(
                        what + ": the answer to a request the document has no operation for is not a problem detail",
                        report,
                        responseBody);
            }
            return;
        }
        if (status >= 200
                && status < 300
                && requestReport.getMessages().stream()
                        .anyMatch(msg -> msg.getLevel() == ValidationReport.Level.ERROR)) {
            fail(what + ": succeeded, but the document says the request is not valid", requestReport, responseBody);
        }
        if ("HEAD".equals(method)) {
            return;
        }
        ValidationReport report = validator.validateResponse(path, m, response(status, responseHeaders, responseBody));
        fail(what + ": the answer is not one the OpenAPI document describes", report, responseBody);
    }

    private static void fail(String what, ValidationReport report, byte[] body) {
        String messages = report.getMessages().stream()
                .filter(msg -> msg.getLevel() == ValidationReport.Level.ERROR)
                .map(msg -> "  - " + msg.getMessage())
                .collect(Collectors.joining("\n"));
        if (!messages.isEmpty()) {
            String shown = new String(body, StandardCharsets.UTF_8);
            throw new AssertionError(what + "\n" + messages + "\n  body: "
                    + (shown.length() > 600 ? shown.substring(0, 600) + "..." : shown));
        }
    }

    private static Request request(Request.Method method, URI uri, Map<String, List<String>> headers, byte[] body) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(method, uri.getRawPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                b.withQueryParam(decode(eq < 0 ? pair : pair.substring(0, eq)), value);
            }
        }
        headers.forEach((name, values) -> b.withHeader(name, values));
        if (body != null && body.length > 0) {
            b.withBody(body);
        }
        return b.build();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }

    private static SimpleResponse response(int status, Map<String, List<String>> headers, byte[] body) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(status);
        headers.forEach((name, values) -> b.withHeader(name, values));
        if (body != null && body.length > 0) {
            b.withBody(body);
        }
        return b.build();
    }

    /** The validator of the service at {@code uri}'s host and port, made once from its document. */
    static OpenApiInteractionValidator validator(URI uri) {
        String base = uri.getScheme() + "://" + uri.getAuthority();
        return VALIDATORS.computeIfAbsent(base, b -> forDocument(served(b)));
    }

    /** A validator for a 3.1 document, as its 3.0 translation. */
    public static OpenApiInteractionValidator forDocument(JsonNode document31) {
        return OpenApiInteractionValidator.createForInlineApiSpecification(
                        asOpenApi30(document31).toString())
                .build();
    }

    static JsonNode served(String base) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/v3/api-docs"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("/v3/api-docs answered " + r.statusCode());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The 3.0 translation the validator can read, with the operation for answers to no operation. */
    static ObjectNode asOpenApi30(JsonNode document31) {
        ObjectNode doc = document31.deepCopy();
        doc.put("openapi", "3.0.3");
        if (doc.path("info").path("license") instanceof ObjectNode license) {
            license.remove("identifier");
        }
        translate(doc);
        ObjectNode unmatched = doc.with("paths").putObject(UNMATCHED).putObject("get");
        ObjectNode problem = unmatched.putObject("responses").putObject("default");
        problem.put("description", "Any problem");
        problem.putObject("content")
                .putObject("application/problem+json")
                .putObject("schema")
                .put("$ref", "#/components/schemas/Problem");
        return doc;
    }

    private static final Set<String> UNTRANSLATABLE = Set.of(
            "prefixItems",
            "$defs",
            "if",
            "then",
            "else",
            "dependentSchemas",
            "dependentRequired",
            "unevaluatedProperties",
            "unevaluatedItems",
            "contentMediaType",
            "contentEncoding",
            "$dynamicRef",
            "patternProperties",
            "propertyNames",
            "contains");

    private static void translate(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(OpenApiTraffic::translate);
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        if (object.get("type") instanceof ArrayNode types) {
            List<String> named = new java.util.ArrayList<>();
            boolean nullable = false;
            for (JsonNode t : types) {
                if (t.asText().equals("null")) {
                    nullable = true;
                } else {
                    named.add(t.asText());
                }
            }
            if (named.size() != 1) {
                throw new IllegalStateException("no OpenAPI 3.0 type for " + types + " in " + object);
            }
            object.put("type", named.get(0));
            if (nullable) {
                object.put("nullable", true);
            }
        }
        if (object.has("const") && object.has("type")) {
            object.putArray("enum").add(object.remove("const"));
        }
        for (String bound : List.of("exclusiveMinimum", "exclusiveMaximum")) {
            if (object.get(bound) != null && object.get(bound).isNumber() && object.has("type")) {
                object.set(bound.equals("exclusiveMinimum") ? "minimum" : "maximum", object.get(bound));
                object.put(bound, true);
            }
        }
        if (object.get("examples") instanceof ArrayNode && object.has("type")) {
            object.remove("examples");
        }
        if (object.has("type") || object.has("$ref") || object.has("properties")) {
            for (String keyword : UNTRANSLATABLE) {
                if (object.has(keyword) && !(object.get(keyword).isObject() && "properties".equals(keyword))) {
                    throw new IllegalStateException("no OpenAPI 3.0 translation of '" + keyword + "' in " + object);
                }
            }
        }
        object.forEach(OpenApiTraffic::translate);
    }

    /** A response whose body was read to check it, readable again by the test. */
    private record Buffered(ClientHttpResponse response, byte[] body) implements ClientHttpResponse {
        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public void close() {
            response.close();
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }
    }
}
