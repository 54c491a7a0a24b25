package it.snodo;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;

/** The planner key the tests start the service with, and a client that sends it unless told otherwise. */
public final class TestKeys {

    /** Given as {@code snodo.security.bootstrap-planner-key}; a test secret, never a real one. */
    public static final String PLANNER = "test-planner-key-not-a-secret-0123456789";

    private TestKeys() {}

    /**
     * Makes {@code http} send the planner key with every request that carries no Authorization of
     * its own, and check every request and answer against the API document ({@link OpenApiTraffic}).
     */
    public static TestRestTemplate asPlanner(TestRestTemplate http) {
        var interceptors = http.getRestTemplate().getInterceptors();
        if (interceptors.stream().noneMatch(PlannerKey.class::isInstance)) {
            interceptors.add(0, new PlannerKey());
        }
        return OpenApiTraffic.install(http);
    }

    private static final class PlannerKey implements ClientHttpRequestInterceptor {
        @Override
        public org.springframework.http.client.ClientHttpResponse intercept(
                org.springframework.http.HttpRequest request,
                byte[] body,
                org.springframework.http.client.ClientHttpRequestExecution execution)
                throws java.io.IOException {
            if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                request.getHeaders().setBearerAuth(PLANNER);
            }
            return execution.execute(request, body);
        }
    }
}
