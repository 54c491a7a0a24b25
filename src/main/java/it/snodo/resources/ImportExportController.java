package it.snodo.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.network.NetworkDocument;
import it.snodo.network.NetworkImport;
import it.snodo.network.NetworkReader;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The network document in and out: import (all or nothing, idempotent) and export. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "import and export")
class ImportExportController {

    private final NetworkImport networkImport;
    private final NetworkReader reader;

    ImportExportController(NetworkImport networkImport, NetworkReader reader) {
        this.networkImport = networkImport;
        this.reader = reader;
    }

    /**
     * What an import wrote.
     *
     * @param networkVersion the version of the network that holds it
     * @param rows how many rows of each section were merged
     */
    record ImportResult(long networkVersion, Map<String, Integer> rows) {}

    @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Import a network document",
            description = "Every row is checked first; one bad row rejects the whole document (400 for rows bad"
                    + " on their own, 422 for unknown references), with every bad row named. Rows are merged by"
                    + " key, so importing the same document twice changes nothing.")
    ResponseEntity<ImportResult> importDocument(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = NetworkDocument.class)))
                    @RequestBody
                    JsonNode body) {
        NetworkImport.Imported imported = networkImport.importDocument(body);
        return ResponseEntity.ok()
                .header(ResourceController.VERSION_HEADER, Long.toString(imported.version()))
                .body(new ImportResult(imported.version(), imported.document().counts()));
    }

    @GetMapping("/export")
    @Operation(summary = "Export the whole network as one document, each section ordered by key")
    NetworkDocument export() {
        return reader.export();
    }
}
