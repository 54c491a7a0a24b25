package it.snodo.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import it.snodo.SnodoIT;
import it.snodo.TestKeys;
import java.io.IOException;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

/**
 * Every {@code curl} of the README's "Open Referral" section, in order, over the worked example and
 * the territories of the hand-written HSDS file: each answers 2xx (or the problem it prints), and
 * every {@code "field":value} pair its printed answer shows occurs in the real answer (elided
 * values, URLs of the server and the alternative answers printed after {@code # 4xx:} are not
 * compared). {@code <uuid>} is a service of the example, {@code <term uuid>} a category;
 * {@code services.json} is the hand-written file, {@code -o} keeps an answer for a later
 * {@code --data-binary @file}.
 */
class HsdsReadmeIT extends SnodoIT {

    private static final Pattern PAIR = Pattern.compile("\"(\\w+)\":(-?\\d+(?:\\.\\d+)?|true|false|null|\"[^\"]*\")");
    private static final Pattern WORD = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)");

    record Step(int line, List<String> words, List<String> printed) {}

    static List<Step> steps(List<String> readme) {
        List<Step> steps = new ArrayList<>();
        boolean in = false;
        boolean bash = false;
        for (int i = 0; i < readme.size(); i++) {
            String line = readme.get(i);
            if (line.startsWith("## ")) {
                in = line.equals("## Open Referral");
            }
            if (!in) {
                continue;
            }
            if (line.startsWith("```")) {
                bash = !bash && line.equals("```bash");
                continue;
            }
            if (!bash) {
                continue;
            }
            if (line.startsWith("curl ")) {
                StringBuilder command = new StringBuilder(line);
                int first = i + 1;
                while (command.toString().endsWith("\\")) {
                    command.setLength(command.length() - 1);
                    command.append(' ').append(readme.get(++i).trim());
                }
                String text = command.toString();
                if (text.contains(" # ")) {
                    text = text.substring(0, text.indexOf(" # "));
                }
                List<String> words = new ArrayList<>();
                Matcher m = WORD.matcher(text);
                while (m.find()) {
                    words.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
                }
                steps.add(new Step(first, words, new ArrayList<>()));
            } else if (line.startsWith("#") && !steps.isEmpty() && !line.trim().equals("#")) {
                steps.get(steps.size() - 1).printed().add(line);
            }
        }
        return steps;
    }

    @Test
    void everyCurlOfTheOpenReferralSectionAnswersWhatItPrints() throws IOException {
        importOk(example());
        importOk(resource("/hsds/base-network.json"));
        Map<String, byte[]> files = new HashMap<>();
        files.put("services.json", mapper.writeValueAsBytes(resource("/hsds/rho-legnano-services.json")));
        Map<String, String> placeholders = Map.of(
                "<uuid>", HsdsMapping.uuid("service", "ex-svc-0000"),
                "<term uuid>", HsdsMapping.uuid("category", "ex-disabili"));
        List<Step> steps = steps(Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8));
        assertThat(steps).as("curl commands of the Open Referral section").hasSizeGreaterThanOrEqualTo(13);
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (Step step : steps) {
            HttpHeaders headers = new HttpHeaders();
            HttpMethod method = null;
            byte[] body = null;
            String url = null;
            String output = null;
            List<String> w = step.words();
            for (int i = 1; i < w.size(); i++) {
                String word = w.get(i);
                switch (word) {
                    case "-s" -> {}
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
                    case "-o" -> output = w.get(++i);
                    case "--data-binary" -> {
                        String data = w.get(++i);
                        assertThat(data)
                                .as("README line %d: a file", step.line())
                                .startsWith("@");
                        body = files.get(data.substring(1));
                        assertThat(body)
                                .as("README line %d: the file %s", step.line(), data)
                                .isNotNull();
                    }
                    default -> {
                        assertThat(word)
                                .as("README line %d: a curl word this test knows", step.line())
                                .startsWith("localhost:8080/");
                        url = word.substring("localhost:8080".length());
                        for (var p : placeholders.entrySet()) {
                            url = url.replace(p.getKey(), p.getValue());
                        }
                    }
                }
            }
            assertThat(url).as("README line %d: the URL", step.line()).isNotNull();
            method = method != null ? method : body == null ? HttpMethod.GET : HttpMethod.POST;
            ResponseEntity<byte[]> answer = http.exchange(
                    new RequestEntity<>(body, headers, method, java.net.URI.create(http.getRootUri() + url)),
                    byte[].class);
            if (output != null) {
                files.put(output, answer.getBody());
            }
            String printed = String.join("\n", step.printed());
            boolean problem = printed.startsWith("# {\"type\":\"/problems/");
            int status = answer.getStatusCode().value();
            if (problem ? status < 400 || status >= 500 : status >= 300) {
                failures.add("README line " + step.line() + ": " + url + " answered " + status + " "
                        + new String(
                                answer.getBody() == null ? new byte[0] : answer.getBody(), StandardCharsets.UTF_8));
                continue;
            }
            String text = answer.getBody() == null ? "" : new String(answer.getBody(), StandardCharsets.UTF_8);
            for (String line : step.printed()) {
                if (line.matches("#\\s*\\d{3}:.*")) {
                    continue; // another answer, for another document
                }
                Matcher pair = PAIR.matcher(line);
                while (pair.find()) {
                    if (pair.group().contains("…") || pair.group().contains("localhost")) {
                        continue;
                    }
                    compared++;
                    if (!text.contains(pair.group())) {
                        failures.add("README line " + step.line() + ": printed " + pair.group() + ", not in "
                                + (text.length() > 400 ? text.substring(0, 400) + "…" : text));
                    }
                }
            }
        }
        assertThat(failures)
                .as("what the README's Open Referral section prints and the service does not answer")
                .isEmpty();
        assertThat(compared).isGreaterThan(5);
    }
}
