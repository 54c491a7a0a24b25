package it.snodo.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The worked example of shared/examples, as a snapshot and with its expected answers. */
final class ExampleNetwork {

    private ExampleNetwork() {}

    static JsonNode json(String name) {
        try (InputStream in = ExampleNetwork.class.getResourceAsStream("/examples/" + name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode expected() {
        return json("example-network.expected.json");
    }

    /** A snapshot of a network document given as JSON. */
    static Network of(JsonNode doc) {
        Network.Builder b = Network.builder(1);
        doc.path("territories")
                .forEach(t -> b.territory(
                        t.get("id").asText(),
                        t.get("name").asText(),
                        t.get("level").asText(),
                        text(t, "partOf"),
                        number(t, "lat"),
                        number(t, "lon")));
        doc.path("categories")
                .forEach(c -> b.category(c.get("code").asText(), c.get("name").asText(), text(c, "partOf")));
        doc.path("cooperatives")
                .forEach(c -> b.cooperative(
                        c.get("id").asText(),
                        c.get("name").asText(),
                        c.get("type").asText(),
                        text(c, "basedIn")));
        doc.path("partners")
                .forEach(p -> b.partner(
                        p.get("id").asText(),
                        p.get("name").asText(),
                        p.get("kind").asText(),
                        text(p, "basedIn")));
        doc.path("services")
                .forEach(s -> b.service(
                        s.get("id").asText(),
                        s.get("name").asText(),
                        s.get("provider").asText(),
                        integer(s, "capacity"),
                        integer(s, "occupied"),
                        strings(s.get("categories")),
                        strings(s.get("territories"))));
        doc.path("needs")
                .forEach(n -> b.need(
                        n.get("id").asText(),
                        n.get("category").asText(),
                        n.get("territory").asText(),
                        n.get("people").asInt()));
        doc.path("ties")
                .forEach(t -> b.tie(
                        t.get("from").asText(),
                        t.get("to").asText(),
                        t.get("kind").asText(),
                        number(t, "strength")));
        return b.build();
    }

    static Network load() {
        return of(json("example-network.json"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asDouble();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asInt();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
