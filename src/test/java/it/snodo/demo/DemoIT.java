package it.snodo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.snodo.TestKeys;
import it.snodo.network.NetworkDocument;
import it.snodo.network.NetworkReader;
import it.snodo.network.NetworkStore;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "snodo.neo4j.home=target/it-neo4j/${random.uuid}",
            "snodo.neo4j.bolt-port=0",
            "snodo.neo4j.page-cache=16MB",
            "snodo.demo.load=true",
            "snodo.security.bootstrap-planner-key=" + TestKeys.PLANNER
        })
class DemoIT {

    @Autowired
    NetworkReader reader;

    @Autowired
    NetworkStore store;

    @Autowired
    DemoLoader loader;

    @Autowired
    TestRestTemplate http;

    @Test
    void theDemoIsLoadedOnFirstStartThroughTheImport() {
        NetworkDocument demo = DemoNetwork.build();
        NetworkDocument exported = reader.export();

        assertThat(exported.counts()).isEqualTo(demo.counts());
        assertSameRows(exported.territories(), demo.territories(), t -> t.id());
        assertSameRows(exported.categories(), demo.categories(), c -> c.code());
        assertSameRows(exported.cooperatives(), demo.cooperatives(), c -> c.id());
        assertSameRows(exported.partners(), demo.partners(), p -> p.id());
        assertSameRows(exported.services(), demo.services(), s -> s.id());
        assertSameRows(exported.needs(), demo.needs(), n -> n.id());
        assertThat(exported.ties()).containsExactlyInAnyOrderElementsOf(demo.ties());

        JsonNode rho = TestKeys.asPlanner(http).getForObject("/api/v1/territories/015182", JsonNode.class);
        assertThat(rho.get("name").asText()).isEqualTo("Rho");
        assertThat(rho.get("partOf").asText()).isEqualTo("ambito-rhodense");
    }

    @Test
    void aLaterStartLeavesTheNetworkAlone() throws Exception {
        long version = store.version();
        assertThat(version).isPositive();

        loader.run(null);

        assertThat(store.version()).isEqualTo(version);
    }

    private static <T> void assertSameRows(List<T> exported, List<T> built, Function<T, String> key) {
        List<T> sorted = built.stream().sorted(Comparator.comparing(key)).toList();
        assertThat(exported).containsExactlyElementsOf(sorted);
    }
}
