package it.snodo.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionSystemException;

/**
 * Neo4j away is a 503 however the news arrives: from the driver (writes), or translated by Spring
 * Data Neo4j (reads), as {@code ExternalNeo4jIT} sees it happen against a server that stops.
 */
class ProblemDetailsAdviceTest {

    /** What the advice published, as Spring's context would deliver it to listeners. */
    private final java.util.List<Object> published = new java.util.ArrayList<>();

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice(published::add);

    @Test
    void theDriverSayingNeo4jIsAwayIsA503() {
        assertDatabaseUnavailable(advice.handleDatabaseAway(new ServiceUnavailableException("connection refused")));
        assertDatabaseUnavailable(advice.handleDatabaseAway(new SessionExpiredException("gone")));
        // Whatever is kept in memory from Neo4j hears of it (RowCache empties itself).
        assertThat(published).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(DatabaseUnavailable.class));
    }

    @Test
    void springsTranslationOfNeo4jAwayIsThe503ThatTheDriverGets() {
        ResponseEntity<Object> driver = advice.handleDatabaseAway(new ServiceUnavailableException("refused"));
        // A read's transaction that cannot begin (Neo4jTransactionManager) or a query that fails
        // on the way (Neo4jClient's translation).
        ResponseEntity<Object> begin = advice.handleDatabaseAway(new TransactionSystemException(
                "Could not open a new Neo4j session: refused", new ServiceUnavailableException("refused")));
        ResponseEntity<Object> query = advice.handleDatabaseAway(new TransientDataAccessResourceException(
                "gone; Error code 'n/a'", new SessionExpiredException("gone")));
        assertDatabaseUnavailable(begin);
        assertDatabaseUnavailable(query);
        assertThat(begin.getBody()).isEqualTo(driver.getBody());
        assertThat(query.getBody()).isEqualTo(driver.getBody());
    }

    @Test
    void aTranslatedFailureThatIsNoOutageStaysUnexpected() {
        ResponseEntity<Object> commit = advice.handleDatabaseAway(new TransactionSystemException("commit failed"));
        ResponseEntity<Object> transientFailure = advice.handleDatabaseAway(new TransientDataAccessResourceException(
                "deadlock", new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "deadlock")));
        for (ResponseEntity<Object> answer : java.util.List.of(commit, transientFailure)) {
            assertThat(answer.getStatusCode().value()).isEqualTo(500);
            assertThat(((ProblemDetail) answer.getBody()).getType().toString()).isEqualTo("/problems/internal-error");
            assertThat(answer.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)).isFalse();
        }
        assertThat(published).as("no outage, nothing to forget").isEmpty();
    }

    private static void assertDatabaseUnavailable(ResponseEntity<Object> answer) {
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
        ProblemDetail body = (ProblemDetail) answer.getBody();
        assertThat(body.getType().toString()).isEqualTo("/problems/database-unavailable");
        assertThat(body.getTitle()).isEqualTo("Database unavailable");
        assertThat(body.getDetail()).startsWith("The database cannot be reached");
    }
}
