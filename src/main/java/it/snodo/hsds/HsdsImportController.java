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

    private final HsdsImport hsdsImport;

    HsdsImportController(HsdsImport hsdsImport) {
        this.hsdsImport = hsdsImport;
    }

    @PostMapping(path = "/import/hsds", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Import an Open Referral HSDS 3.0 document",
            description = "A JSON array of nested HSDS services, or of nested HSDS organizations (with their"
                    + " services). Every record is checked against HSDS 3.0's JSON Schemas, then mapped to the"
                    + " network's rows and written all or nothing: 400 for records bad on their own, 422 for"
                    + " references that resolve to nothing or to several municipalities, each bad record named"
                    + " by its JSON path. Inactive and defunct services are skipped and listed; the paths of the"
                    + " fields Snodo does not keep are listed, never their values.")
    ResponseEntity<HsdsImport.Report> importHsds(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(array = @ArraySchema(schema = @Schema(type = "object"))))
                    @RequestBody
                    JsonNode body) {
        HsdsImport.Report report = hsdsImport.importDocument(body);
        return ResponseEntity.ok()
                .header("Network-Version", Long.toString(report.networkVersion()))
                .body(report);
    }
}
