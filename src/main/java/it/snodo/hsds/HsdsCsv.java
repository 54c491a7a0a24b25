package it.snodo.hsds;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, as the tables of an HSDS Tabular Data Package are written: fields separated by
 * commas, a field with a comma, a quote or a line break quoted (its quotes doubled), each record
 * ending with CRLF. Values are written as they are (no spreadsheet-formula escaping): the package
 * is an exchange format, and a prefix would change the data another system imports.
 */
final class HsdsCsv {

    private HsdsCsv() {}

    /** One record, CRLF-terminated; null is an empty field. */
    static String row(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String text = fields.get(i) == null ? "" : fields.get(i);
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                text = '"' + text.replace("\"", "\"\"") + '"';
            }
            sb.append(text);
        }
        return sb.append("\r\n").toString();
    }

    /** A CSV text that is not well-formed, at a line (from 1). */
    static final class Malformed extends IllegalArgumentException {
        private final int line;

        Malformed(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    /**
     * A record of a CSV text.
     *
     * @param line the line (from 1) it starts on, as a spreadsheet numbers its rows
     * @param fields its fields, in order
     */
    record Record(int line, List<String> fields) {}

    /**
     * The records of {@code text} (a UTF-8 BOM and a last empty line are ignored); CRLF, LF or CR
     * end a record outside quotes.
     *
     * @throws Malformed for a quote that is never closed, or text right after a closing quote
     */
    static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean end = false;
            while (!end) {
                if (i < n && text.charAt(i) == '"') {
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new Malformed(start, "has a quote that is never closed");
                        }
                        char c = text.charAt(i++);
                        if (c == '"') {
                            if (i < n && text.charAt(i) == '"') {
                                field.append('"');
                                i++;
                            } else {
                                break;
                            }
                        } else {
                            if (c == '\n' || (c == '\r' && (i >= n || text.charAt(i) != '\n'))) {
                                line++;
                            }
                            field.append(c);
                        }
                    }
                    if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                        throw new Malformed(line, "has text after a closing quote");
                    }
                }
                while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                    char c = text.charAt(i++);
                    if (c == '"') {
                        throw new Malformed(line, "has a quote inside a field that is not quoted");
                    }
                    field.append(c);
                }
                fields.add(field.toString());
                field.setLength(0);
                if (i >= n) {
                    end = true;
                } else if (text.charAt(i) == ',') {
                    i++;
                } else {
                    i += text.startsWith("\r\n", i) ? 2 : 1;
                    line++;
                    end = true;
                }
            }
            records.add(new Record(start, fields));
        }
        return records;
    }
}
