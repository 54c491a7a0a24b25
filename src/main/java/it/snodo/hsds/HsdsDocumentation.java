package it.snodo.hsds;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code /hsds} operations in the service's OpenAPI document: HSDS's own operation names, an
 * HSDS page or object as each answer (their full schemas are HSDS's, linked, not copied), the
 * bounds of {@code page} and {@code per_page}, and the problem details each can answer.
 */
@Configuration
class HsdsDocumentation {

    private static final String HSDS = "/hsds/";
    private static final String SCHEMAS = "https://github.com/openreferral/specification/tree/3.0/schema";

    static final String DATAPACKAGE = "/hsds/datapackage.zip";

    /** HSDS's operation names (its openapi.json), by path. */
    private static final Map<String, String> NAMES = Map.of(
            "/hsds/",
            "getHsdsMetaInformation",
            "/hsds/services",
            "getHsdsServices",
            "/hsds/services/{id}",
            "getHsdsService",
            "/hsds/organizations",
            "getHsdsOrganizations",
            "/hsds/organizations/{id}",
            "getHsdsOrganization",
            "/hsds/taxonomies",
            "getHsdsTaxonomies",
            "/hsds/taxonomies/{id}",
            "getHsdsTaxonomy",
            "/hsds/taxonomy_terms",
            "getHsdsTaxonomyTerms",
            "/hsds/taxonomy_terms/{id}",
            "getHsdsTaxonomyTerm",
            DATAPACKAGE,
            "getHsdsDataPackage");

    @Bean
    OpenApiCustomizer hsdsAnswers() {
        return openApi -> {
            openApi.getComponents().addSchemas("HsdsObject", object());
            openApi.getComponents().addSchemas("HsdsPage", page());
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith(HSDS)
                        && !path.startsWith(HsdsProfileDocumentation.PROFILE)
                        && item.getGet() != null) {
                    describe(path, item.getGet());
                }
                if (path.startsWith(HSDS)) {
                    item.readOperationsMap().keySet().stream()
                            .filter(m -> m != PathItem.HttpMethod.GET)
                            .toList()
                            .forEach(m -> item.operation(m, null));
                }
            });
        };
    }

    private static void describe(String path, Operation operation) {
        operation.setOperationId(NAMES.getOrDefault(path, operation.getOperationId()));
        boolean one = path.endsWith("}");
        boolean zip = path.equals(DATAPACKAGE);
        boolean list = !one && !zip && !path.equals(HSDS);
        if (operation.getParameters() != null) {
            for (Parameter p : operation.getParameters()) {
                if (p.getName().equals("page")) {
                    p.getSchema().setMinimum(BigDecimal.ONE);
                    p.getSchema().setMaximum(BigDecimal.valueOf(10_000_000));
                } else if (p.getName().equals("per_page")) {
                    p.getSchema().setMinimum(BigDecimal.ONE);
                    p.getSchema().setMaximum(BigDecimal.valueOf(HsdsController.MAX_PER_PAGE));
                } else if (p.getName().equals("format")) {
                    p.setSchema(new StringSchema()._enum(List.of("json", "ndjson")));
                }
            }
        }
        ApiResponses responses = new ApiResponses();
        Content content = zip
                ? new Content()
                        .addMediaType(
                                HsdsController.ZIP,
                                new MediaType()
                                        .schema(new StringSchema()
                                                .format("binary")
                                                .description("datapackage.json and one CSV per table")))
                : new Content()
                        .addMediaType(
                                "application/json",
                                new MediaType()
                                        .schema(new Schema<>()
                                                .$ref("#/components/schemas/" + (list ? "HsdsPage" : "HsdsObject"))));
        if (path.equals("/hsds/services")) {
            content.addMediaType(
                    HsdsController.NDJSON,
                    new MediaType().schema(new StringSchema().description("One HSDS service a line")));
        }
        responses.addApiResponse("200", new ApiResponse().description("OK").content(content));
        problem(responses, "400", "Bad Request: a parameter is not valid");
        problem(responses, "401", "Unauthorized: no key, or a key that is unknown or deleted");
        problem(responses, "403", "Forbidden: the key's role does not allow this");
        if (one || path.equals("/hsds/services") || path.equals("/hsds/taxonomy_terms")) {
            problem(responses, "404", "Not Found: something the request names does not exist");
        }
        problem(responses, "406", "Not Acceptable: none of the Accept media types can be answered");
        retry(problem(responses, "429", "Too Many Requests: the key sent too many requests"));
        problem(responses, "500", "Internal Server Error: the service failed; the failure is logged");
        retry(problem(responses, "503", "Service Unavailable: the database cannot be reached"));
        operation.setResponses(responses);
    }

    private static ApiResponse problem(ApiResponses responses, String status, String description) {
        ApiResponse r = new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
        responses.addApiResponse(status, r);
        return r;
    }

    private static void retry(ApiResponse response) {
        response.addHeaderObject(
                "Retry-After",
                new Header().description("Seconds to wait").required(true).schema(new StringSchema()));
    }

    private static Schema<?> object() {
        return new ObjectSchema()
                .description("An HSDS 3.0 object (service, organization, taxonomy or taxonomy term), as the HSDS"
                        + " JSON Schemas at " + SCHEMAS + " define it; or, for /hsds/, the API's version, profile"
                        + " and OpenAPI document");
    }

    private static Schema<?> page() {
        Schema<?> s = new ObjectSchema().description("An HSDS page of a list; page_number counts from 1");
        s.addProperty("total_items", new IntegerSchema().minimum(BigDecimal.ZERO));
        s.addProperty("total_pages", new IntegerSchema().minimum(BigDecimal.ZERO));
        s.addProperty("page_number", new IntegerSchema().minimum(BigDecimal.ONE));
        s.addProperty("size", new IntegerSchema().minimum(BigDecimal.ZERO));
        s.addProperty("first_page", new BooleanSchema());
        s.addProperty("last_page", new BooleanSchema());
        s.addProperty("empty", new BooleanSchema());
        s.addProperty("contents", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/HsdsObject")));
        s.setRequired(List.of(
                "total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"));
        return s;
    }
}
