package it.snodo.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class Neo4jSchemaTest {

    @Test
    void splitsAScriptIntoStatementsLeavingCommentsOut() {
        List<String> statements = Neo4jSchema.statements("""
                // a comment
                CREATE CONSTRAINT a IF NOT EXISTS
                  FOR (t:T) REQUIRE t.id IS UNIQUE;

                CREATE INDEX b IF NOT EXISTS FOR (t:T) ON (t.level);
                // the last one has no semicolon
                CREATE INDEX c IF NOT EXISTS FOR (t:T) ON (t.name)
                """);

        assertThat(statements)
                .containsExactly(
                        "CREATE CONSTRAINT a IF NOT EXISTS FOR (t:T) REQUIRE t.id IS UNIQUE",
                        "CREATE INDEX b IF NOT EXISTS FOR (t:T) ON (t.level)",
                        "CREATE INDEX c IF NOT EXISTS FOR (t:T) ON (t.name)");
    }
}
