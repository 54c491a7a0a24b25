package it.snodo.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The OpenAPI document says exactly what the API answers, for every operation at once: names a
 * generated client can use ({@code listServices}, {@code getReferrals}), every status an operation
 * can give with the problem-detail schema of the {@link ProblemType} catalogue, the headers
 * ({@code ETag}, {@code Location}, {@code Network-Version}, {@code Retry-After}), which fields may
 * be null, and the bounds of ids, names, lists and parameters. The tests check every answer
 * against it, so it cannot drift from the code.
 */
@Configuration
class ApiDocumentation {

    static final String API = "/api/v1/";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    /** The resources with list, get, create, replace and delete, and the singular of each. */
    private static final Map<String, String> RESOURCES = Map.ofEntries(
            Map.entry("territories", "Territory"),
            Map.entry("categories", "Category"),
            Map.entry("cooperatives", "Cooperative"),
            Map.entry("partners", "Partner"),
            Map.entry("services", "Service"),
            Map.entry("needs", "Need"),
            Map.entry("ties", "Tie"),
            Map.entry("skills", "Skill"),
            Map.entry("skill-offers", "SkillOffer"),
            Map.entry("skill-requests", "SkillRequest"),
            Map.entry("spaces", "Space"),
            Map.entry("keys", "Key"));

    /** The operations that are not a resource's CRUD. */
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("GET /api/v1/referrals", "getReferrals"),
            Map.entry("GET /api/v1/paths", "getPaths"),
            Map.entry("GET /api/v1/skills/matches", "getSkillMatches"),
            Map.entry("GET /api/v1/skill-requests/lendable", "getLendableSkillRequests"),
            Map.entry("POST /api/v1/skills/exchange", "exchangeSkills"),
            Map.entry("GET /api/v1/gaps", "getGaps"),
            Map.entry("GET /api/v1/gaps/matrix", "getGapMatrix"),
            Map.entry("GET /api/v1/fragility", "getFragility"),
            Map.entry("GET /api/v1/network/measures", "getNetworkMeasures"),
            Map.entry("POST /api/v1/what-if", "whatIf"),
            Map.entry("GET /api/v1/synergies", "getSynergies"),
            Map.entry("GET /api/v1/synergies/top", "getTopSynergies"),
            Map.entry("POST /api/v1/integrated-answers", "getIntegratedAnswer"),
            Map.entry("POST /api/v1/allocations", "allocate"),
            Map.entry("POST /api/v1/import", "importNetwork"),
            Map.entry("POST /api/v1/import/hsds", "importHsds"),
            Map.entry("GET /api/v1/export", "exportNetwork"),
            Map.entry("GET /api/v1/audit", "listAuditEntries"),
            Map.entry("POST /api/v1/sent-referrals", "sendReferral"),
            Map.entry("GET /api/v1/sent-referrals", "listSentReferrals"),
            Map.entry("GET /api/v1/sent-referrals/{id}", "getSentReferral"),
            Map.entry("GET /api/v1/sent-referrals/{id}/history", "getSentReferralHistory"),
            Map.entry("GET /api/v1/sent-referrals/outcomes", "getReferralOutcomes"),
            Map.entry("POST /api/v1/sent-referrals/{id}/accept", "acceptSentReferral"),
            Map.entry("POST /api/v1/sent-referrals/{id}/decline", "declineSentReferral"),
            Map.entry("POST /api/v1/sent-referrals/{id}/complete", "completeSentReferral"),
            Map.entry("POST /api/v1/sent-referrals/{id}/drop", "dropSentReferral"),
            Map.entry("POST /api/v1/sent-referrals/{id}/cancel", "cancelSentReferral"));

    /** Analyses that name entities: an unknown one is a 404. */
    private static final Set<String> NAMING = Set.of(
            "getReferrals",
            "getPaths",
            "getSkillMatches",
            "getLendableSkillRequests",
            "exchangeSkills",
            "listSpaces",
            "getGaps",
            "getNetworkMeasures",
            "whatIf",
            "getSynergies",
            "getIntegratedAnswer",
            "allocate",
            "listSentReferrals",
            "getReferralOutcomes");

    /** The moves of a sent referral: 404, 403, or 409 from the wrong status; never a network write. */
    private static final Set<String> MOVES = Set.of(
            "acceptSentReferral",
            "declineSentReferral",
            "completeSentReferral",
            "dropSentReferral",
            "cancelSentReferral");

    /** Bounds of query parameters, by operation and name (the controllers refuse anything outside). */
    private static final Map<String, Number[]> BOUNDS = Map.ofEntries(
            Map.entry("page", new Number[] {0, 10_000_000}),
            Map.entry("size", new Number[] {1, 1000}),
            Map.entry("getReferrals.k", new Number[] {1, 100}),
            Map.entry("getReferrals.maxKm", new Number[] {0, 500}),
            Map.entry("getPaths.k", new Number[] {1, 20}),
            Map.entry("getSkillMatches.k", new Number[] {1, 100}),
            Map.entry("getSkillMatches.maxKm", new Number[] {0, 500}),
            Map.entry("getLendableSkillRequests.maxKm", new Number[] {0, 500}),
            Map.entry("listSpaces.maxKm", new Number[] {0, 500}),
            Map.entry("listSpaces.minCapacity", new Number[] {0, 100_000}),
            Map.entry("getSynergies.limit", new Number[] {1, 100}),
            Map.entry("getTopSynergies.limit", new Number[] {1, 100}),
            Map.entry("listAuditEntries.limit", new Number[] {1, 1000}));

    /**
     * Record components as the validation annotations say: a value that is not required may be
     * null; {@code @Positive} and {@code @PositiveOrZero} are minimums. (A required text or list
     * is at least one character or item: see {@link #atLeastOne}.)
     */
    @Bean
    PropertyCustomizer validationProperties() {
        return (property, type) -> {
            if (property == null || property.get$ref() != null) {
                return property;
            }
            Set<Class<? extends Annotation>> given = annotations(type);
            boolean required =
                    given.contains(NotNull.class) || given.contains(NotBlank.class) || given.contains(NotEmpty.class);
            if (given.contains(Positive.class)) {
                property.setMinimum(BigDecimal.ONE);
            } else if (given.contains(PositiveOrZero.class)) {
                property.setMinimum(BigDecimal.ZERO);
            }
            boolean primitive = type.getType() instanceof Class<?> c && c.isPrimitive()
                    || type.getType() instanceof com.fasterxml.jackson.databind.JavaType j && j.isPrimitive();
            // Only the record's own components: an item of a list is never null (@NotNull on a type
            // use does not reach here).
            if (!required && !primitive && type.getPropertyName() != null) {
                nullable(property);
            }
            return property;
        };
    }

    @Bean
    OpenApiCustomizer exactAnswers() {
        return openApi -> {
            if (openApi.getInfo() != null && openApi.getInfo().getLicense() != null) {
                openApi.getInfo().getLicense().identifier("GPL-3.0-or-later");
            }
            openApi.getComponents().addSchemas("Violation", violation());
            openApi.getComponents().addSchemas(PROBLEM, problem());
            openApi.getComponents().getSchemas().values().forEach(ApiDocumentation::anchorPatterns);
            openApi.getComponents().getSchemas().values().forEach(ApiDocumentation::atLeastOne);
            Schema<?> matrix = openApi.getComponents().getSchemas().get("GapMatrix");
            if (matrix != null
                    && matrix.getProperties().get("cells") instanceof Schema<?> cells
                    && cells.getItems() != null
                    && cells.getItems().getItems() != null) {
                nullable(cells.getItems().getItems());
            }
            Schema<?> match = openApi.getComponents().getSchemas().get("SkillMatch");
            if (match != null && match.getProperties().get("path") instanceof Schema<?> path) {
                // An object that may be absent: the object or null.
                path.setAnyOf(List.of(new Schema<>().$ref(path.get$ref()), new Schema<>().types(Set.of("null"))));
                path.set$ref(null);
            }
            Schema<?> service = openApi.getComponents().getSchemas().get("Service");
            if (service != null && service.getProperties().get("territories") instanceof Schema<?> territories) {
                territories.setMinItems(null);
                territories.setDescription("At least one when written; none when a confidential service is shown to"
                        + " a key that may not know where it is");
            }
            openApi.getPaths()
                    .forEach((path, item) ->
                            item.readOperationsMap().forEach((method, operation) -> describe(path, method, operation)));
        };
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        // Other paths (Open Referral's /hsds) are described by their own modules.
        if (!path.startsWith(API)) {
            return;
        }
        String id = operationId(path, method);
        operation.setOperationId(id);
        if (operation.getParameters() != null) {
            for (Parameter p : operation.getParameters()) {
                anchorPatterns(p.getSchema());
                Number[] bounds = BOUNDS.getOrDefault(id + "." + p.getName(), BOUNDS.get(p.getName()));
                if (bounds != null && p.getSchema() != null && "query".equals(p.getIn())) {
                    p.getSchema().setMinimum(new BigDecimal(bounds[0].toString()));
                    p.getSchema().setMaximum(new BigDecimal(bounds[1].toString()));
                }
            }
        }
        ApiResponses responses = operation.getResponses();
        // Every answer is JSON (or CSV where asked for), never "*/*".
        responses.values().forEach(r -> {
            if (r.getContent() != null && r.getContent().containsKey("*/*")) {
                r.getContent().addMediaType("application/json", r.getContent().remove("*/*"));
            }
        });
        ApiResponse ok = responses.remove("200");
        String resource = resource(path);
        boolean one = path.endsWith("}");
        boolean keys = "keys".equals(resource);
        // Sent referrals are not the network: their writes have no network version and no ETag.
        boolean loop = "sent-referrals".equals(resource);
        boolean write = method != PathItem.HttpMethod.GET
                && !id.equals("whatIf")
                && !id.equals("getIntegratedAnswer")
                && !id.equals("allocate")
                && !id.equals("exchangeSkills");
        boolean body = operation.getRequestBody() != null;
        // An analysis posted under a resource (the skills exchange) creates nothing.
        if (method == PathItem.HttpMethod.POST
                && write
                && (RESOURCES.containsKey(resource) || loop)
                && !one
                && !MOVES.contains(id)) {
            ok.setDescription("Created");
            header(ok, "Location", "Where the new one is", true);
            responses.addApiResponse("201", ok);
        } else if (method == PathItem.HttpMethod.DELETE) {
            ApiResponse deleted = new ApiResponse().description("Deleted");
            responses.addApiResponse("204", deleted);
            ok = deleted;
        } else {
            responses.addApiResponse("200", ok);
        }
        if (write && !keys && !loop) {
            header(ok, "Network-Version", "The version of the network that holds the write", true);
        }
        if (one
                && RESOURCES.containsKey(resource)
                && !keys
                && (method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.PUT)) {
            header(ok, "ETag", "The entity's revision, for If-Match", true);
        }
        if ("getGaps".equals(id) && ok.getContent() != null && ok.getContent().get("text/csv") != null) {
            header(ok, "Network-Version", "The version of the network the report was computed on", false);
        }
        problem(responses, ProblemType.INVALID_INPUT, "A parameter or the body is not valid");
        problem(responses, ProblemType.UNAUTHORIZED, "No key, or a key that is unknown or deleted");
        problem(responses, ProblemType.FORBIDDEN, "The key's role or cooperative does not allow this");
        if (one
                || NAMING.contains(id)
                || MOVES.contains(id)
                || id.equals("getSentReferralHistory")
                || method == PathItem.HttpMethod.PUT) {
            problem(responses, ProblemType.NOT_FOUND, "Something the request names does not exist");
        }
        problem(responses, ProblemType.NOT_ACCEPTABLE, "None of the Accept media types can be answered");
        if (MOVES.contains(id)) {
            problem(responses, ProblemType.WRONG_STATUS, "The referral's current status does not allow the move");
        } else if (write && !loop) {
            problem(responses, ProblemType.CONFLICT, "The write collides with what exists");
        }
        if (method == PathItem.HttpMethod.PUT && !keys) {
            problem(responses, ProblemType.PRECONDITION_FAILED, "If-Match names a revision the entity is no longer at");
        }
        if (body) {
            problem(responses, ProblemType.PAYLOAD_TOO_LARGE, "The body is larger than the endpoint takes");
            problem(responses, ProblemType.UNSUPPORTED_MEDIA_TYPE, "The body is not JSON");
        }
        if (write && method != PathItem.HttpMethod.DELETE && !MOVES.contains(id)) {
            problem(responses, ProblemType.BROKEN_GRAPH, "The write would break the network graph");
        }
        ApiResponse limited = problem(responses, ProblemType.TOO_MANY_REQUESTS, "The key sent too many requests");
        header(limited, "Retry-After", "Seconds to wait", true);
        problem(responses, ProblemType.INTERNAL_ERROR, "The service failed; the failure is logged");
        ApiResponse away = problem(
                responses, ProblemType.DATABASE_UNAVAILABLE, "The database cannot be reached; nothing was written");
        header(away, "Retry-After", "Seconds to wait", true);
    }

    /** The operation's name: list, get, create, replace and delete of a resource, or its own. */
    static String operationId(String path, PathItem.HttpMethod method) {
        String named = NAMED.get(method + " " + path);
        if (named != null) {
            return named;
        }
        String resource = resource(path);
        String singular = RESOURCES.get(resource);
        if (singular != null) {
            boolean one = path.endsWith("}");
            return switch (method) {
                case GET -> one ? "get" + singular : "list" + plural(resource);
                case POST -> "create" + singular;
                case PUT -> "replace" + singular;
                case DELETE -> "delete" + singular;
                default -> method.name().toLowerCase() + singular;
            };
        }
        StringBuilder name = new StringBuilder(method.name().toLowerCase());
        for (String part : path.split("[/{}-]")) {
            if (!part.isEmpty() && !part.equals("api") && !part.equals("v1")) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }

    /** A resource's name as an operation's: {@code skill-offers} is {@code SkillOffers}. */
    private static String plural(String resource) {
        StringBuilder name = new StringBuilder();
        for (String part : resource.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }

    private static String resource(String path) {
        String[] parts = path.split("/");
        return parts.length > 3 ? parts[3] : "";
    }

    private static ApiResponse problem(ApiResponses responses, ProblemType type, String description) {
        String status = Integer.toString(type.status().value());
        ApiResponse response = responses.get(status);
        if (response == null) {
            response = new ApiResponse()
                    .description(HttpStatus.valueOf(type.status().value()).getReasonPhrase() + ": " + description);
            responses.addApiResponse(status, response);
        }
        response.setContent(new Content()
                .addMediaType(
                        PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        return response;
    }

    private static void header(ApiResponse response, String name, String description, boolean required) {
        response.addHeaderObject(
                name, new Header().description(description).required(required).schema(new StringSchema()));
    }

    /** One bad field of a request. */
    private static Schema<?> violation() {
        Schema<?> s = new ObjectSchema().description("One bad field of a request");
        s.addProperty("field", new StringSchema().description("The field's path or the parameter's name"));
        s.addProperty("id", new StringSchema().description("The id of the row it belongs to, where there is one"));
        s.addProperty("message", new StringSchema().description("What is wrong with it"));
        s.setRequired(List.of("field", "message"));
        return s;
    }

    /** RFC 9457 problem details, with a type of the catalogue. */
    private static Schema<?> problem() {
        Schema<?> s = new ObjectSchema().description("An RFC 9457 problem detail");
        StringSchema type = new StringSchema();
        Arrays.stream(ProblemType.values())
                .forEach(t -> type.addEnumItem(t.type().toString()));
        s.addProperty("type", type.description("The problem type, one of the catalogue"));
        StringSchema title = new StringSchema();
        new LinkedHashSet<>(Arrays.stream(ProblemType.values())
                        .map(ProblemType::title)
                        .toList())
                .forEach(title::addEnumItem);
        s.addProperty("title", title.description("The type's fixed title"));
        IntegerSchema status = new IntegerSchema();
        status.setMinimum(BigDecimal.valueOf(400));
        status.setMaximum(BigDecimal.valueOf(599));
        s.addProperty("status", status.format("int32"));
        s.addProperty("detail", new StringSchema().description("What is wrong in this case"));
        s.addProperty("instance", new StringSchema().description("The path of the request it answers"));
        s.addProperty(
                "errors",
                new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/Violation"))
                        .description("Each bad field, for bad input"));
        s.setRequired(List.of("type", "title", "status", "detail", "instance"));
        return s;
    }

    /**
     * A required text or list is never empty: every one is {@code @NotBlank} or {@code @NotEmpty},
     * which springdoc lets a {@code @Size(max)} beside it document as a minimum of 0.
     */
    private static void atLeastOne(Schema<?> schema) {
        if (schema.getRequired() == null || schema.getProperties() == null) {
            return;
        }
        for (String name : schema.getRequired()) {
            Schema<?> p = schema.getProperties().get(name);
            if (p != null && Integer.valueOf(0).equals(p.getMinLength())) {
                p.setMinLength(1);
            }
            if (p != null && Integer.valueOf(0).equals(p.getMinItems())) {
                p.setMinItems(1);
            }
        }
    }

    /** Patterns match the whole value, as Bean Validation's do: anchored, for a client's regex engine. */
    private static void anchorPatterns(Schema<?> schema) {
        if (schema == null) {
            return;
        }
        if (schema.getPattern() != null && !schema.getPattern().startsWith("^")) {
            schema.setPattern("^" + schema.getPattern() + "$");
        }
        anchorPatterns(schema.getItems());
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ApiDocumentation::anchorPatterns);
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> more) {
            anchorPatterns(more);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void nullable(Schema property) {
        String type = typeOf(property);
        if (type == null) {
            return;
        }
        Set<String> types = new LinkedHashSet<>(property.getTypes() == null ? Set.of(type) : property.getTypes());
        types.add("null");
        property.setTypes(types);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List values = new ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
    }

    private static String typeOf(Schema<?> schema) {
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().iterator().next();
        }
        return schema.getType();
    }

    private static Set<Class<? extends Annotation>> annotations(AnnotatedType type) {
        Set<Class<? extends Annotation>> found = new LinkedHashSet<>();
        if (type.getCtxAnnotations() != null) {
            for (Annotation a : type.getCtxAnnotations()) {
                found.add(a.annotationType());
            }
        }
        return found;
    }
}
