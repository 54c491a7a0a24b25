package it.snodo.hsds;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code /hsds/profile/} operations in the service's OpenAPI document: public files of the
 * profile, a JSON listing or a JSON, Markdown or plain text file, and 404 for a version or file
 * that does not exist. ({@link HsdsDocumentation} describes the rest of {@code /hsds}.)
 */
@Configuration
class HsdsProfileDocumentation {

    static final String PROFILE = "/hsds/profile/";

    @Bean
    OpenApiCustomizer hsdsProfileFiles() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith(PROFILE) && item.getGet() != null) {
                describe(path, item.getGet());
            }
        });
    }

    private static void describe(String path, Operation operation) {
        boolean listing = path.endsWith("/");
        Content content = new Content()
                .addMediaType(
                        "application/json",
                        new MediaType()
                                .schema(new ObjectSchema()
                                        .description(
                                                listing
                                                        ? "The profile's versions, or the files of one version"
                                                        : "A JSON Merge Patch, a JSON Schema or an OpenAPI patch")));
        if (path.endsWith("{folder}/{file}")) {
            content.addMediaType(
                    "text/plain", new MediaType().schema(new StringSchema().description("The schemas' NOTICE")));
        } else if (path.endsWith("{file}")) {
            content.addMediaType(
                    HsdsProfileController.MARKDOWN,
                    new MediaType().schema(new StringSchema().description("The profile's README")));
        }
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse("200", new ApiResponse().description("OK").content(content));
        problem(responses, "400", "Bad Request: a query parameter, which these files take none of");
        if (path.contains("{version}")) {
            problem(responses, "404", "Not Found: no such version of the profile, or no such file in it");
        }
        problem(responses, "406", "Not Acceptable: none of the Accept media types can be answered");
        problem(responses, "500", "Internal Server Error: the service failed; the failure is logged");
        operation.setResponses(responses);
        operation.setSecurity(java.util.List.of());
    }

    private static void problem(ApiResponses responses, String status, String description) {
        responses.addApiResponse(
                status,
                new ApiResponse()
                        .description(description)
                        .content(new Content()
                                .addMediaType(
                                        "application/problem+json",
                                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
    }
}
