package it.snodo.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.snodo.SnodoIT;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** A query parameter an endpoint does not take, or an empty one, is a 400 that names it. */
class QueryParametersIT extends SnodoIT {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void aMisspeltFilterIsRefusedInsteadOfIgnored() {
        importOk(example());
        assertThat(get("/api/v1/territories?level=DISTRICT")
                        .getBody()
                        .get("totalElements")
                        .asLong())
                .isEqualTo(4);

        ResponseEntity<JsonNode> misspelt = get("/api/v1/territories?levle=DISTRICT");
        assertThat(misspelt.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(misspelt.getBody().get("type").asText()).isEqualTo("/problems/invalid-input");
        assertThat(fields(misspelt.getBody().get("errors"))).containsExactly("levle");
        assertThat(misspelt.getBody().get("errors").get(0).get("message").asText())
                .isEqualTo("is not a parameter of this endpoint, which takes level, partOf, page, size");

        ResponseEntity<JsonNode> two = get("/api/v1/needs?territory=ex015154&urgncy=HIGH&categry=ex-anziani");
        assertThat(fields(two.getBody().get("errors"))).containsExactly("urgncy", "categry");
    }

    @Test
    void anEmptyOrRepeatedParameterIsRefused() {
        for (String query : new String[] {"level=", "level", "level=%20", "partOf=&level=DISTRICT", "page="}) {
            ResponseEntity<JsonNode> empty = get("/api/v1/territories?" + query);
            assertThat(empty.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(fields(empty.getBody().get("errors")))
                    .as(query)
                    .containsExactly(
                            query.startsWith("page") ? "page" : query.startsWith("partOf") ? "partOf" : "level");
        }
        ResponseEntity<JsonNode> twice = get("/api/v1/territories?level=DISTRICT&level=REGION");
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(twice.getBody().get("errors"))).containsExactly("level");
        assertThat(get("/api/v1/territories?level=DISTRICT&page=0&size=2").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void everyEndpointRefusesAParameterItDoesNotTake() {
        long version = store.version();
        Set<String> checked = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    String path = pattern.replaceAll("\\{[^}]+}", "x");
                    if (!checked.add(method + " " + path)) {
                        continue;
                    }
                    ResponseEntity<JsonNode> response = send(
                            HttpMethod.valueOf(method.name()),
                            path + "?levle=DISTRICT",
                            method == RequestMethod.GET || method == RequestMethod.DELETE ? null : "{}");
                    assertThat(response.getStatusCode()).as(method + " " + path).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(fields(response.getBody().get("errors")))
                            .as(method + " " + path)
                            .containsExactly("levle");
                }
            }
        });
        // Every resource's list, get, create, replace and delete, the analyses, import, export, keys, audit.
        assertThat(checked)
                .hasSizeGreaterThan(40)
                .contains(
                        "GET /api/v1/territories",
                        "POST /api/v1/import",
                        "POST /api/v1/what-if",
                        "DELETE /api/v1/ties/x/x/x",
                        "GET /api/v1/gaps/matrix");
        assertThat(store.version()).isEqualTo(version);
    }
}
