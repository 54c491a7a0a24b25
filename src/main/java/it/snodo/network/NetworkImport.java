package it.snodo.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import it.snodo.web.Violation;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Imports a network document: every row checked on its own, then written all or nothing. */
@Component
public class NetworkImport {

    private static final Logger log = LoggerFactory.getLogger(NetworkImport.class);

    private final DocumentReader reader;
    private final NetworkStore store;
    private final Timer imports;
    private final Counter rows;

    NetworkImport(DocumentReader reader, NetworkStore store, MeterRegistry meters) {
        this.reader = reader;
        this.store = store;
        this.imports = Timer.builder("snodo.import")
                .description("Imports written (or found unchanged), and how long each took")
                .register(meters);
        this.rows = Counter.builder("snodo.import.rows")
                .description("Rows of the imported documents")
                .register(meters);
    }

    /** What was imported, and the network version that holds it. */
    public record Imported(NetworkDocument document, long version) {}

    /** Imports a raw JSON document. */
    public Imported importDocument(JsonNode json) {
        DocumentReader.Result read = reader.read(json);
        List<Violation> violations = new ArrayList<>(read.violations());
        if (violations.isEmpty()) {
            violations.addAll(DocumentChecks.check(read.document()));
        }
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        return write(read.document());
    }

    /** Imports a document of rows built in code (their constraints are checked all the same). */
    public Imported importDocument(NetworkDocument document) {
        check(document);
        return write(document);
    }

    /**
     * Imports a document of rows built in code only when the network was never written to, deciding
     * it in the write's transaction ({@link NetworkStore#writeIntoNeverWritten}); empty when it had
     * been, and then nothing is written.
     */
    public java.util.Optional<Imported> importIntoNeverWritten(NetworkDocument document) {
        check(document);
        long started = System.nanoTime();
        java.util.OptionalLong version = store.writeIntoNeverWritten(document);
        if (version.isEmpty()) {
            return java.util.Optional.empty();
        }
        imports.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        rows.increment(document.size());
        return java.util.Optional.of(new Imported(document, version.getAsLong()));
    }

    private void check(NetworkDocument document) {
        List<Violation> violations = new ArrayList<>();
        for (Section section : Section.values()) {
            List<? extends Row> rows = section.rows(document);
            for (int i = 0; i < rows.size(); i++) {
                for (Violation v : reader.validate(rows.get(i))) {
                    violations.add(new Violation(section.json + "[" + i + "]." + v.field(), v.id(), v.message()));
                }
            }
        }
        violations.addAll(DocumentChecks.check(document));
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
    }

    private static InvalidRows invalid(List<Violation> violations) {
        long rows = NetworkStore.rows(violations);
        return new InvalidRows(
                rows + (rows == 1 ? " row is" : " rows are") + " not valid; nothing was written", violations);
    }

    private Imported write(NetworkDocument document) {
        long started = System.nanoTime();
        long version = store.write(document);
        imports.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        rows.increment(document.size());
        log.info(
                "Imported {} rows in {} ms, network version {}",
                document.size(),
                (System.nanoTime() - started) / 1_000_000,
                version);
        return new Imported(document, version);
    }
}
