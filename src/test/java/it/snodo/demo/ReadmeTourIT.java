package it.snodo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.snodo.OpenApiTraffic;
import it.snodo.TestKeys;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

/**
 * The README's API tour, run as a new user runs it: every {@code curl} of the sections from "API
 * tour" to "Security", in the order they are written, against a fresh service with the demo
 * loaded. After each command, every {@code "field":value} pair its printed answer shows (the
 * {@code #} lines below it) must occur in the real answer, and a printed status or
 * {@code Network-Version} must be the real one. Elided values ("…", "...") are not compared.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "snodo.neo4j.home=target/it-neo4j/${random.uuid}",
            "snodo.neo4j.bolt-port=0",
            "snodo.neo4j.page-cache=16MB",
            "snodo.demo.load=true",
            // Its own context: the tour writes, and DemoIT compares the untouched demo.
            "snodo.limits.requests-per-second=0",
            "snodo.security.bootstrap-planner-key=" + TestKeys.PLANNER
        })
class ReadmeTourIT {

    private static final Pattern PAIR = Pattern.compile("\"(\\w+)\":(-?\\d+(?:\\.\\d+)?|true|false|null|\"[^\"]*\")");
    private static final Pattern HTTP_STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3})|^#\\s+(\\d{3})\\s");
    private static final Pattern NETWORK_VERSION = Pattern.compile("Network-Version: (\\d+)");

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper mapper;

    /**
     * One command of the tour and the answer the README prints for it.
     *
     * @param capture for {@code NAME=$(curl ... | jq -r .field)}, the shell variable set, else null
     * @param field the answer's field whose value the variable takes
     */
    record Step(int line, List<String> words, String printed, String capture, String field) {}

    /** {@code NAME=$(curl ... | jq -r .field)}: a command whose answer sets a variable later ones use. */
    private static final Pattern CAPTURE =
            Pattern.compile("(?s)([A-Z_]+)=\\$\\((curl .*)\\|\\s*jq -r \\.(\\w+)\\)\\s*");

    @Test
    void everyPrintedAnswerOfTheTourIsWhatTheServiceAnswers() throws IOException {
        OpenApiTraffic.install(http);
        List<Step> steps = tour(Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8));
        assertThat(steps).as("curl commands in the README's tour").hasSizeGreaterThan(10);
        Map<String, String> files = new HashMap<>();
        Map<String, String> variables = new HashMap<>();
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (Step step : steps) {
            ResponseEntity<String> answer = run(step, files, variables);
            String body = answer.getBody() == null ? "" : answer.getBody();
            String compact = compact(body);
            Matcher status = HTTP_STATUS.matcher(step.printed());
            if (status.find()) {
                int printed = Integer.parseInt(status.group(1) != null ? status.group(1) : status.group(2));
                compared++;
                if (answer.getStatusCode().value() != printed) {
                    failures.add("README line " + step.line() + ": printed status " + printed + ", got "
                            + answer.getStatusCode().value() + " " + body);
                }
            }
            Matcher version = NETWORK_VERSION.matcher(step.printed());
            if (version.find()) {
                compared++;
                String real = answer.getHeaders().getFirst("Network-Version");
                if (!version.group(1).equals(real)) {
                    failures.add("README line " + step.line() + ": printed Network-Version " + version.group(1)
                            + ", got " + real);
                }
            }
            Matcher pair = PAIR.matcher(step.printed());
            while (pair.find()) {
                if (pair.group(2).contains("…") || pair.group(2).contains("...")) {
                    continue;
                }
                compared++;
                if (!compact.contains(pair.group())) {
                    failures.add("README line " + step.line() + ": printed " + pair.group() + ", not in the answer "
                            + abbreviated(compact));
                }
            }
        }
        assertThat(compared).as("printed values compared").isGreaterThan(50);
        assertThat(failures)
                .as("what the README prints and the service does not answer")
                .isEmpty();
    }

    private ResponseEntity<String> run(Step step, Map<String, String> files, Map<String, String> variables) {
        HttpHeaders headers = new HttpHeaders();
        HttpMethod method = null;
        String url = null;
        String body = null;
        String output = null;
        List<String> w = new ArrayList<>();
        for (String word : step.words()) {
            for (Map.Entry<String, String> v : variables.entrySet()) {
                word = word.replace("$" + v.getKey(), v.getValue());
            }
            w.add(word);
        }
        for (int i = 1; i < w.size(); i++) {
            String word = w.get(i);
            switch (word) {
                case "-H" -> {
                    String header = w.get(++i);
                    if (header.equals("$AUTH")) {
                        headers.setBearerAuth(TestKeys.PLANNER);
                    } else {
                        int colon = header.indexOf(':');
                        headers.add(
                                header.substring(0, colon).trim(),
                                header.substring(colon + 1).trim());
                    }
                }
                case "-X" -> method = HttpMethod.valueOf(w.get(++i));
                case "-d", "--data" -> {
                    String data = w.get(++i);
                    body = data.startsWith("@") ? files.get(data.substring(1)) : data;
                    assertThat(body)
                            .as("README line " + step.line() + ": the file " + data)
                            .isNotNull();
                }
                case "-i", "-s" -> {}
                case ">" -> output = w.get(++i);
                default -> {
                    assertThat(word)
                            .as("README line " + step.line() + ": a curl word this test knows")
                            .contains("localhost:8080");
                    url = word.substring(word.indexOf("localhost:8080") + "localhost:8080".length());
                }
            }
        }
        assertThat(url).as("README line " + step.line() + ": the URL").isNotNull();
        if (method == null) {
            method = body == null ? HttpMethod.GET : HttpMethod.POST;
        }
        URI uri = URI.create(http.getRootUri() + url);
        ResponseEntity<String> answer = http.exchange(new RequestEntity<>(body, headers, method, uri), String.class);
        assertThat(answer.getStatusCode().is5xxServerError())
                .as("README line " + step.line() + ": " + answer)
                .isFalse();
        if (output != null) {
            files.put(output, answer.getBody());
        }
        if (step.capture() != null) {
            try {
                String value =
                        mapper.readTree(answer.getBody()).path(step.field()).asText(null);
                assertThat(value)
                        .as("README line " + step.line() + ": ." + step.field() + " of " + answer.getBody())
                        .isNotNull();
                variables.put(step.capture(), value);
            } catch (IOException e) {
                throw new AssertionError("README line " + step.line() + ": not JSON: " + answer.getBody(), e);
            }
        }
        return answer;
    }

    private String compact(String body) {
        try {
            return mapper.writeValueAsString(mapper.readTree(body));
        } catch (IOException | RuntimeException e) {
            return body; // CSV, or empty
        }
    }

    private static String abbreviated(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** The curl commands of the tour (from "## API tour" to "## Security"), each with its printed answer. */
    static List<Step> tour(List<String> readme) {
        List<Step> steps = new ArrayList<>();
        boolean inTour = false;
        boolean inBash = false;
        StringBuilder command = null;
        int commandLine = 0;
        List<String> words = null;
        StringBuilder printed = new StringBuilder();
        String[] captured = new String[2];
        for (int i = 0; i < readme.size(); i++) {
            String line = readme.get(i);
            if (line.startsWith("## ")) {
                inTour = line.equals("## API tour") || inTour && !line.equals("## Security");
            }
            if (!inTour) {
                continue;
            }
            if (line.startsWith("```")) {
                inBash = !inBash && line.equals("```bash");
                continue;
            }
            if (!inBash) {
                continue;
            }
            if (command != null) {
                // A command goes on while a quote is open or the line ends with a backslash.
                command.append('\n').append(line);
                if (complete(command)) {
                    words = words(unwrap(command.toString(), captured));
                    command = null;
                }
                continue;
            }
            String trimmed = line.trim();
            if (trimmed.startsWith("curl ") || trimmed.matches("[A-Z_]+=\\$\\(curl .*")) {
                if (words != null) {
                    steps.add(new Step(commandLine, words, printed.toString(), captured[0], captured[1]));
                }
                words = null;
                captured = new String[2];
                printed.setLength(0);
                commandLine = i + 1;
                command = new StringBuilder(trimmed);
                if (complete(command)) {
                    words = words(unwrap(command.toString(), captured));
                    command = null;
                }
            } else if (trimmed.startsWith("#") && words != null) {
                printed.append(trimmed).append('\n');
            }
        }
        if (words != null) {
            steps.add(new Step(commandLine, words, printed.toString(), captured[0], captured[1]));
        }
        return steps;
    }

    /** The curl of {@code NAME=$(curl ... | jq -r .field)}, noting NAME and field in {@code captured}. */
    private static String unwrap(String command, String[] captured) {
        Matcher m = CAPTURE.matcher(command);
        if (!m.matches()) {
            return command;
        }
        captured[0] = m.group(1);
        captured[1] = m.group(3);
        return m.group(2);
    }

    private static boolean complete(StringBuilder command) {
        String s = command.toString();
        boolean single = false;
        boolean dbl = false;
        for (char c : s.toCharArray()) {
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            }
        }
        return !single && !dbl && !s.endsWith("\\");
    }

    /** Shell words: quotes removed, backslash-newlines joined, a trailing unquoted # comment dropped. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                if (word == null) {
                    word = new StringBuilder();
                }
            } else if (c == '\\' && i + 1 < command.length() && command.charAt(i + 1) == '\n') {
                i++;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '#' && word == null) {
                break;
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
