package it.snodo.security;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The API document says every call takes a bearer key, so Swagger UI offers "Authorize". */
@Configuration
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Snodo",
                        version = "v1",
                        description =
                                "The welfare network of the Alto Milanese: referrals, gaps, synergies. Every /api/v1 call"
                                        + " needs 'Authorization: Bearer <key>'; the role of the key (PLANNER, COOPERATIVE, HELP_DESK, READER) decides"
                                        + " what it may do.",
                        license = @License(name = "GPL-3.0-or-later")),
        security = @SecurityRequirement(name = "key"))
@SecurityScheme(
        name = "key",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "An API key made by a planner (POST /api/v1/keys); the first one is in the key file")
class OpenApiSecurity {}
