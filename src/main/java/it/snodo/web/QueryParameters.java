package it.snodo.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every query parameter of an {@code /api/v1} or {@code /hsds} call must be one its endpoint takes, given once and
 * not empty; else 400 naming each bad one. Without this, Spring ignores a misspelt filter
 * ({@code ?levle=DISTRICT}) and reads an empty one ({@code ?level=}) as no filter: both would
 * answer every row as if it were the filtered list. POSTs with a JSON body take no query
 * parameters but those their handler names.
 */
@Component
class QueryParameters implements HandlerInterceptor, WebMvcConfigurer {

    private static final int MAX_NAMED = 20;
    private static final int MAX_NAME = 100;

    private final ParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
    /** The parameters each handler takes, by name: true when it may be given more than once. */
    private final Map<java.lang.reflect.Method, Map<String, Boolean>> taken = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/**", "/hsds/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !StringUtils.hasLength(request.getQueryString())) {
            return true;
        }
        Map<String, Boolean> accepted = taken.computeIfAbsent(method.getMethod(), m -> accepted(method));
        if (accepted == null) {
            return true;
        }
        Map<String, List<String>> given = parse(request.getQueryString());
        List<Violation> errors = new ArrayList<>();
        given.forEach((name, values) -> {
            Boolean repeatable = accepted.get(name);
            if (PlainText.Validator.problem(name) != null || name.length() > MAX_NAME) {
                errors.add(Violation.of("query", "holds a parameter name that no endpoint takes"));
            } else if (repeatable == null) {
                errors.add(Violation.of(
                        name,
                        accepted.isEmpty()
                                ? "is not a parameter: this endpoint takes none"
                                : "is not a parameter of this endpoint, which takes "
                                        + String.join(", ", accepted.keySet())));
            } else if (values.stream().anyMatch(String::isBlank)) {
                errors.add(Violation.of(name, "must not be empty: leave it out instead"));
            } else if (values.size() > 1 && !repeatable) {
                errors.add(Violation.of(name, "must be given once"));
            }
        });
        if (errors.isEmpty()) {
            return true;
        }
        List<Violation> named = errors.stream().distinct().limit(MAX_NAMED).toList();
        throw new ApiException.InvalidInput(
                named.size() + (named.size() == 1 ? " parameter is" : " parameters are") + " not valid: "
                        + String.join(", ", named.stream().map(Violation::field).toList()),
                named);
    }

    /**
     * The query parameters a handler takes, or null when it takes any (a map of them). A simple
     * argument without annotation is a request parameter too, as Spring binds it.
     */
    private Map<String, Boolean> accepted(HandlerMethod handler) {
        Map<String, Boolean> accepted = new LinkedHashMap<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            MethodParameter parameter = new MethodParameter(p);
            parameter.initParameterNameDiscovery(names);
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            Class<?> type = parameter.getParameterType();
            boolean plain = parameter.getParameterAnnotations().length == 0 && BeanUtils.isSimpleProperty(type);
            if (annotation == null && !plain) {
                continue;
            }
            if (Map.class.isAssignableFrom(type)) {
                return null;
            }
            String name = annotation != null && !annotation.name().isEmpty()
                    ? annotation.name()
                    : parameter.getParameterName();
            accepted.put(name, type.isArray() || Collection.class.isAssignableFrom(type));
        }
        return accepted;
    }

    /** The query string's parameters, decoded as the servlet container decodes them. */
    private static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            given.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return given;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException.InvalidInput(
                    "The query string is not well-formed",
                    List.of(Violation.of("query", "has a malformed percent-encoding")));
        }
    }
}
