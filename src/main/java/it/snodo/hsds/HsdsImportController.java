package it.snodo.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An Open Referral HSDS 3.0 document into the network: planners only, all or nothing. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "import and export")
class HsdsImportController {

    static final String ZIP = "application/zip";

    private final HsdsImport hsdsImport;

    HsdsImportController(HsdsImport hsdsImport) {
        this.hsdsImport = hsdsImport;
    }

    @PostMapping(path = "/import/hsds", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "importHsds",
            summary = "Import an Open Referral HSDS 3.0 document",
            description = "A JSON array of nested HSDS services, or of nested HSDS organizations (with their"
                    + " services), or (as application/zip) a Tabular Data Package: HSDS's CSVs and"
                    + " datapackage.json, as GET /hsds/datapackage.zip gives them. Every record is checked against HSDS 3.0's JSON Schemas, then mapped to the"
                    + " network's rows and written all or nothing: 400 for records bad on their own, 422 for"
                    + " references that resolve to nothing or to several municipalities, each bad record named"
                    + " by its JSON path (in a package: its file, line and column, services.csv:3:status); a"
                    + " zip that unpacks to more than the import limit is 413. Inactive and defunct services are skipped and listed; the paths of the"
                    + " fields Snodo does not keep are listed, never their values.")
    ResponseEntity<HsdsImport.Report> importHsds(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(array = @ArraySchema(schema = @Schema(type = "object"))))
                    @RequestBody
                    JsonNode body) {
        return answer(hsdsImport.importDocument(body));
    }

    /** The same operation, for a Tabular Data Package: springdoc merges the two into one. */
    @PostMapping(path = "/import/hsds", consumes = ZIP)
    @Operation(operationId = "importHsds")
    ResponseEntity<HsdsImport.Report> importHsdsZip(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(type = "string", format = "binary")))
                    @RequestBody
                    byte[] body) {
        return answer(hsdsImport.importTabular(body));
    }

    private static ResponseEntity<HsdsImport.Report> answer(HsdsImport.Report report) {
        return ResponseEntity.ok()
                .header("Network-Version", Long.toString(report.networkVersion()))
                .body(report);
    }
}
