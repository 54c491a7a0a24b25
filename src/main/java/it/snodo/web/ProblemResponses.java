package it.snodo.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;

/**
 * RFC 9457 problem details written by servlet filters, which answer before any controller (and so
 * before {@link ProblemDetailsAdvice}): 401, 403, 405, 413, 429. Same shape as the advice's, with a
 * type of the catalogue ({@link ProblemType}).
 */
public final class ProblemResponses {

    private ProblemResponses() {}

    public static void write(
            ObjectMapper mapper,
            HttpServletRequest request,
            HttpServletResponse response,
            ProblemType type,
            String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.type().toString());
        problem.put("title", type.title());
        problem.put("status", type.status().value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(type.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
