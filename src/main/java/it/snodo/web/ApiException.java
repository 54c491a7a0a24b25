package it.snodo.web;

import java.util.List;

/**
 * A client's mistake with a stable problem type, answered as an RFC 9457 problem detail.
 * Every subtype is a fact about the request, never about the server.
 */
public abstract class ApiException extends RuntimeException implements Problem {

    private final ProblemType problem;
    private final List<Violation> errors;

    protected ApiException(ProblemType problem, String detail, List<Violation> errors) {
        super(detail);
        this.problem = problem;
        this.errors = List.copyOf(errors);
    }

    @Override
    public ProblemType problem() {
        return problem;
    }

    @Override
    public String detail() {
        return getMessage();
    }

    @Override
    public List<Violation> errors() {
        return errors;
    }

    /** 404: the resource named by the request does not exist. */
    public static final class NotFound extends ApiException {
        public NotFound(String detail) {
            this(detail, List.of());
        }

        /** 404 naming every unknown id of a request that names several. */
        public NotFound(String detail, List<Violation> errors) {
            super(ProblemType.NOT_FOUND, detail, errors);
        }
    }

    /** 400: a value that can never be right, whatever the database holds. */
    public static final class InvalidInput extends ApiException {
        public InvalidInput(String detail, List<Violation> errors) {
            super(ProblemType.INVALID_INPUT, detail, errors);
        }
    }

    /** 409: the write collides with what exists (an id taken, a territory still in use). */
    public static final class Conflict extends ApiException {
        public Conflict(String detail, List<Violation> errors) {
            super(ProblemType.CONFLICT, detail, errors);
        }
    }

    /** 403: the key is valid, but its role or its cooperative does not allow this request. */
    public static final class Forbidden extends ApiException {
        public Forbidden(String detail, List<Violation> errors) {
            super(ProblemType.FORBIDDEN, detail, errors);
        }
    }

    /** 412: the request's If-Match names a revision the entity is no longer at. */
    public static final class PreconditionFailed extends ApiException {
        public PreconditionFailed(String detail, List<Violation> errors) {
            super(ProblemType.PRECONDITION_FAILED, detail, errors);
        }
    }

    /** 422: well-formed, but the write would break the graph (an unknown reference, a cycle). */
    public static final class BrokenGraph extends ApiException {
        public BrokenGraph(String detail, List<Violation> errors) {
            super(ProblemType.BROKEN_GRAPH, detail, errors);
        }
    }
}
