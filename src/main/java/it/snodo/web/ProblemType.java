package it.snodo.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every problem type the API answers, and only these: the advice, the security filters, the
 * limits, the firewall and Tomcat's own error pages all write one of them. Each has a stable
 * {@code type} URI, a fixed {@code title} and one status; the README's table lists them all.
 */
public enum ProblemType {
    INVALID_INPUT(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "No valid key"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Not allowed for this key"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Resource not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "No acceptable representation"),
    CONFLICT(HttpStatus.CONFLICT, "conflict", "Conflict with the current network"),
    WRONG_STATUS(HttpStatus.CONFLICT, "wrong-status", "Not allowed from the current status"),
    PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "The entity has changed"),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
    BROKEN_GRAPH(HttpStatus.UNPROCESSABLE_ENTITY, "broken-graph", "The write would break the network graph"),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error"),
    DATABASE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable");

    private final HttpStatus status;
    private final URI type;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.type = URI.create("/problems/" + slug);
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    /** The stable type URI, a path such as {@code /problems/not-found}. */
    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    /**
     * The type of an error status that no one named (Spring's own exceptions, Tomcat's refusals):
     * the one of that status, else invalid input for a 4xx and an internal error for a 5xx.
     */
    public static ProblemType of(int status) {
        for (ProblemType t : values()) {
            if (t.status.value() == status && t != DATABASE_UNAVAILABLE) {
                return t;
            }
        }
        return status < 500 ? INVALID_INPUT : INTERNAL_ERROR;
    }
}
