package it.snodo.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error into an RFC 9457 problem detail with a stable {@code type}, a fixed
 * {@code title}, a specific {@code detail} and, for bad input, an {@code errors} list naming each
 * bad field. Never a stack trace or a class name in a body; a client's mistake is never a 500.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final org.springframework.context.ApplicationEventPublisher events;

    ProblemDetailsAdvice(org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> handleApi(ApiException e) {
        return handleProblem(e);
    }

    /** A fact a module states (a write the network refuses): the problem detail of its type. */
    private static ResponseEntity<Object> handleProblem(Problem p) {
        log.debug("{}: {}", p.problem().status(), p.detail());
        return problem(p.problem(), p.detail(), p.errors());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = JsonValues.describe(e.getRequiredType());
        return invalid(
                "Parameter '" + e.getName() + "' is not valid",
                List.of(Violation.of(e.getName(), "must be " + expected)));
    }

    /**
     * Neo4j cannot be reached (an external server or cluster away): 503, to try again later.
     * The engine's answers do not come here: they are served from the last snapshot. Writes hear
     * it from the driver itself; reads, through Spring Data Neo4j, hear it translated: a
     * {@link TransientDataAccessResourceException}, or a {@link TransactionSystemException} when
     * the read's transaction cannot begin or commit. Either is an outage only when the driver's
     * exception is its cause; any other is unexpected, as it was before.
     */
    @ExceptionHandler({
        ServiceUnavailableException.class,
        SessionExpiredException.class,
        TransientDataAccessResourceException.class,
        TransactionSystemException.class
    })
    ResponseEntity<Object> handleDatabaseAway(RuntimeException e) {
        if (!databaseAway(e)) {
            return handleUnexpected(e);
        }
        log.warn("Neo4j is unavailable: {}", e.getMessage());
        events.publishEvent(new DatabaseUnavailable(e));
        ResponseEntity<Object> problem = problem(
                ProblemType.DATABASE_UNAVAILABLE,
                "The database cannot be reached: nothing was written. Referrals, paths, gaps and the other analyses"
                        + " still answer from the last snapshot; try writes again later.",
                List.of());
        return ResponseEntity.status(problem.getStatusCode())
                .headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "10")
                .body(problem.getBody());
    }

    /** Whether the driver said that Neo4j cannot be reached: itself, or as the cause of Spring's exception. */
    private static boolean databaseAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ServiceUnavailableException || t instanceof SessionExpiredException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The firewall also checks form parameters, when something first reads them (a form body
     * sent to a JSON endpoint): a refused name or value is the client's mistake.
     */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<Object> handleRejected(org.springframework.security.web.firewall.RequestRejectedException e) {
        return invalid("The request holds a parameter name or value the service refuses", List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception e) {
        // A handler names an exception class, which web cannot for a module's (it knows none).
        if (e instanceof Problem p) {
            return handleProblem(p);
        }
        log.error("Unexpected error", e);
        return problem(ProblemType.INTERNAL_ERROR, "The service failed to answer; the failure is logged.", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> errors = new ArrayList<>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(f -> errors.add(Violation.of(f.getField(), f.getDefaultMessage())));
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(g -> errors.add(Violation.of(g.getObjectName(), g.getDefaultMessage())));
        return invalid(summary(errors), errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(err -> errors.add(Violation.of(name, err.getDefaultMessage())));
        }
        return invalid(summary(errors), errors);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(
                "Parameter '" + e.getParameterName() + "' is required",
                List.of(Violation.of(e.getParameterName(), "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestLimits.BodyTooLarge tooLarge) {
                return problem(
                        ProblemType.PAYLOAD_TOO_LARGE,
                        "The body is larger than " + tooLarge.limit() / 1024 + " KB, the most this endpoint takes",
                        List.of());
            }
        }
        List<Violation> errors = JsonErrors.describe(e.getCause());
        String detail = errors.isEmpty() ? "The request body is missing or is not valid JSON" : summary(errors);
        return invalid(detail, errors);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Spring's own exceptions (404 for no handler, 405, 406, 415...) come here: their problem
        // details get the catalogue's type and title, and a detail of ours where Spring's would
        // say how the service is built ("No static resource ...").
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (status.is5xxServerError()) {
            log.error("Server error", e);
        }
        if (response == null) {
            return null;
        }
        ProblemType type = ProblemType.of(status.value());
        ProblemDetail pd =
                response.getBody() instanceof ProblemDetail given ? given : ProblemDetail.forStatus(type.status());
        pd.setStatus(type.status());
        pd.setType(type.type());
        pd.setTitle(type.title());
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            pd.setDetail("Nothing is at " + requestPath() + " for " + requestMethod());
        } else if (type == ProblemType.INTERNAL_ERROR) {
            pd.setDetail("The service failed to answer; the failure is logged.");
        }
        pd.setInstance(URI.create(requestPath()));
        return ResponseEntity.status(type.status())
                .headers(response.getHeaders())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }

    static ResponseEntity<Object> invalid(String detail, List<Violation> errors) {
        return problem(ProblemType.INVALID_INPUT, detail, errors);
    }

    static ResponseEntity<Object> problem(ProblemType type, String detail, List<Violation> errors) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(type.status(), detail);
        pd.setType(type.type());
        pd.setTitle(type.title());
        pd.setInstance(URI.create(requestPath()));
        if (!errors.isEmpty()) {
            pd.setProperty("errors", errors);
        }
        return ResponseEntity.status(type.status())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }

    /** The path of the current request, as the client sent it: the problem's {@code instance}. */
    private static String requestPath() {
        return currentRequest()
                .map(r -> {
                    String uri = r.getRequestURI();
                    try {
                        return URI.create(uri).toString();
                    } catch (IllegalArgumentException notAUri) {
                        return org.springframework.web.util.UriUtils.encodePath(
                                uri, java.nio.charset.StandardCharsets.UTF_8);
                    }
                })
                .orElse("/");
    }

    private static String requestMethod() {
        return currentRequest()
                .map(jakarta.servlet.http.HttpServletRequest::getMethod)
                .orElse("this method");
    }

    private static java.util.Optional<jakarta.servlet.http.HttpServletRequest> currentRequest() {
        return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                        instanceof org.springframework.web.context.request.ServletRequestAttributes a
                ? java.util.Optional.of(a.getRequest())
                : java.util.Optional.empty();
    }

    private static String summary(List<Violation> errors) {
        if (errors.isEmpty()) {
            return "The request is not valid";
        }
        return errors.size() + (errors.size() == 1 ? " field is" : " fields are") + " not valid: "
                + errors.stream().map(Violation::field).distinct().limit(10).collect(Collectors.joining(", "));
    }

    /** Names the fields of a JSON body that Jackson could not read. */
    static final class JsonErrors {

        private JsonErrors() {}

        static List<Violation> describe(@Nullable Throwable cause) {
            if (cause instanceof UnrecognizedPropertyException u) {
                return List.of(Violation.of(path(u), "is not a field of this resource"));
            }
            if (cause instanceof InvalidFormatException f) {
                return List.of(Violation.of(path(f), "must be " + JsonValues.describe(f.getTargetType())));
            }
            if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                String target = JsonValues.describe(
                        m instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mi
                                ? mi.getTargetType()
                                : null);
                return List.of(Violation.of(path(m), "must be " + target));
            }
            if (cause instanceof JsonProcessingException p) {
                String where = p.getLocation() == null
                        ? ""
                        : " at line " + p.getLocation().getLineNr() + ", column "
                                + p.getLocation().getColumnNr();
                return List.of(Violation.of("body", "is not valid JSON" + where));
            }
            return List.of();
        }

        static String path(JsonMappingException e) {
            String path = JsonValues.path(e);
            return path.isEmpty() ? "body" : path;
        }
    }
}
