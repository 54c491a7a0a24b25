package it.snodo.hsds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Snodo's Italian welfare profile of HSDS: its files under {@code /hsds/profile/} (README, JSON
 * Merge Patches, merged and new schemas, the patch onto HSDS's openapi.json), public as a
 * profile's files should be, and the profile's own read-only lists ({@code /hsds/territories},
 * {@code /hsds/need_aggregates}, {@code /hsds/organization_ties}) with the keys and roles of the
 * API: need aggregates and ties only to the roles that may read needs and ties.
 */
@RestController
@RequestMapping("/hsds")
@Tag(name = "open referral (HSDS 3.0)")
class HsdsProfileController {

    /** The profile's versions (SemVer), the last the current one. */
    static final List<String> VERSIONS = List.of("1.0.0");

    /** The files of each version, relative to its folder. */
    static final List<String> FILES = List.of(
            "README.md",
            "openapi.json",
            "patch/service.json",
            "patch/organization.json",
            "patch/taxonomy_term.json",
            "schema/service.json",
            "schema/organization.json",
            "schema/taxonomy_term.json",
            "schema/territory.json",
            "schema/need_aggregate.json",
            "schema/organization_tie.json",
            "schema/NOTICE");

    static final String MARKDOWN = "text/markdown";
    private static final String NAME = "Snodo's Italian welfare profile of HSDS";

    private final HsdsDirectory directory;
    private final ObjectMapper mapper;

    HsdsProfileController(HsdsDirectory directory, ObjectMapper mapper) {
        this.directory = directory;
        this.mapper = mapper;
    }

    // The profile's files.

    @GetMapping("/profile/")
    @Operation(operationId = "getHsdsProfiles", summary = "The versions of the HSDS profile this API follows")
    ResponseEntity<String> profiles() {
        ObjectNode o = mapper.createObjectNode();
        o.put("name", NAME);
        o.put("hsds_version", "3.0");
        o.put("current", VERSIONS.get(VERSIONS.size() - 1));
        VERSIONS.forEach(v ->
                o.withArray("versions").addObject().put("version", v).put("url", base() + "/hsds/profile/" + v + "/"));
        return json(o);
    }

    @GetMapping("/profile/{version}/")
    @Operation(
            operationId = "getHsdsProfile",
            summary = "One version of the HSDS profile: its README, patches, schemas and OpenAPI patch")
    ResponseEntity<String> profile(@PathVariable String version) {
        String at = base() + "/hsds/profile/" + known(version) + "/";
        ObjectNode o = mapper.createObjectNode();
        o.put("name", NAME);
        o.put("version", version);
        o.put("hsds_version", "3.0");
        o.put("readme", at + "README.md");
        o.put("openapi", at + "openapi.json");
        for (String file : FILES) {
            if (file.startsWith("patch/")) {
                o.withArray("patches").add(at + file);
            } else if (file.startsWith("schema/") && file.endsWith(".json")) {
                o.withArray("schemas").add(at + file);
            }
        }
        o.put("notice", at + "schema/NOTICE");
        return json(o);
    }

    @GetMapping("/profile/{version}/{file}")
    @Operation(operationId = "getHsdsProfileFile", summary = "A file of the HSDS profile: README.md or openapi.json")
    ResponseEntity<String> file(@PathVariable String version, @PathVariable String file) {
        return served(version, file);
    }

    @GetMapping("/profile/{version}/{folder}/{file}")
    @Operation(
            operationId = "getHsdsProfileSchema",
            summary = "A patch (patch/) or a schema (schema/) of the HSDS profile, or the schemas' NOTICE")
    ResponseEntity<String> file(@PathVariable String version, @PathVariable String folder, @PathVariable String file) {
        return served(version, folder + "/" + file);
    }

    private ResponseEntity<String> served(String version, String file) {
        known(version);
        if (!FILES.contains(file)) {
            throw new ApiException.NotFound("The profile " + version + " has no file " + file);
        }
        String text = text("/hsds/profile/" + version + "/" + file);
        MediaType type = file.endsWith(".json")
                ? MediaType.APPLICATION_JSON
                : new MediaType(
                        MediaType.parseMediaType(file.endsWith(".md") ? MARKDOWN : "text/plain"),
                        StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(type).body(text);
    }

    private static String known(String version) {
        if (!VERSIONS.contains(version)) {
            throw new ApiException.NotFound("No version " + version + " of the profile; there is " + VERSIONS);
        }
        return version;
    }

    /** A file of the profile, from the classpath. */
    static String text(String path) {
        try (InputStream in = HsdsProfileController.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The profile's file " + path + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The profile's objects.

    @GetMapping("/territories")
    @Operation(
            operationId = "getHsdsTerritories",
            summary = "A page of the territory tree (profile): regions, provinces, districts, municipalities")
    ResponseEntity<String> territories(
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage) {
        return page(mapping().territories(), page, perPage);
    }

    @GetMapping("/need_aggregates")
    @Operation(
            operationId = "getHsdsNeedAggregates",
            summary = "A page of need aggregates (profile): how many people need what, where",
            description = "Only to the roles that may read needs (planner, cooperative).")
    ResponseEntity<String> needAggregates(
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage) {
        return page(mapping().needAggregates(), page, perPage);
    }

    @GetMapping("/organization_ties")
    @Operation(
            operationId = "getHsdsOrganizationTies",
            summary = "A page of the ties between organizations (profile)",
            description = "Only to the roles that may read ties (planner, cooperative).")
    ResponseEntity<String> organizationTies(
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage) {
        return page(mapping().organizationTies(), page, perPage);
    }

    private HsdsProfileMapping mapping() {
        return new HsdsProfileMapping(directory.read().document());
    }

    /** An HSDS page, as {@link HsdsController} makes them: numbered from 1; a page past the last is empty. */
    private ResponseEntity<String> page(List<ObjectNode> all, Integer page, Integer perPage) {
        return json(HsdsPage.of(mapper, all, HsdsController.page(page), HsdsController.perPage(perPage), row -> row));
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }

    private ResponseEntity<String> json(JsonNode body) {
        try {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
