package it.snodo.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * RFC 9457 problem details written by servlet filters, which answer before any controller (and so
 * before {@link ProblemDetailsAdvice}): 401, 403, 413, 429. Same shape as the advice's.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static void write(ObjectMapper mapper, HttpServletRequest request, HttpServletResponse response, int status,
            String type, String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "/problems/" + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
