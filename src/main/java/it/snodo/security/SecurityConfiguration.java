package it.snodo.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.snodo.web.Caller;
import it.snodo.web.ProblemResponses;
import it.snodo.web.ProblemType;
import it.snodo.web.Role;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every {@code /api/v1} call needs {@code Authorization: Bearer <key>}; health, the OpenAPI
 * document and Swagger UI stay open. The rules by role and URL are here; what depends on the data
 * (a cooperative writing only its own services) is checked by the controllers through
 * {@link Caller}. Stateless: no sessions, no cookies, hence no CSRF tokens.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    private static final String PLANNER = Role.PLANNER.name();
    private static final String COOPERATIVE = Role.COOPERATIVE.name();
    private static final String HELP_DESK = Role.HELP_DESK.name();
    private static final String READER = Role.READER.name();

    /** No inline script or style, no other origin, no frames, no plugins. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys, ObjectMapper mapper) throws Exception {
        Problems problems = new Problems(mapper);
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                // Pages run only their own scripts and styles and talk only to this origin; Swagger
                // UI keeps Spring Security's defaults.
                .headers(h -> h.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(new OrRequestMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
                                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"))),
                        new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY))))
                .addFilterBefore(new BearerKeyFilter(keys), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e ->
                        e.authenticationEntryPoint(problems::unauthorized).accessDeniedHandler(problems::forbidden))
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/actuator/health",
                                "/actuator/health/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/v3/api-docs.yaml",
                                // The HSDS profile's files: a profile's schemas are public.
                                "/hsds/profile/",
                                "/hsds/profile/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**")
                        .permitAll()
                        // The pages are static and public; every call they make carries a key.
                        .requestMatchers(
                                HttpMethod.GET,
                                "/",
                                "/index.html",
                                "/explorer",
                                "/gaps",
                                "/referrals",
                                "/plan",
                                "/*.html",
                                "/js/**",
                                "/css/**",
                                "/geo/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico")
                        .permitAll()
                        // Metrics name no entity but tell a lot about the service: planners (and their scraper).
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                        .hasRole(PLANNER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/me")
                        .authenticated()
                        // The HSDS profile's needs and ties: the roles that may read /api/v1/needs and ties.
                        .requestMatchers(HttpMethod.GET, "/hsds/need_aggregates", "/hsds/organization_ties")
                        .hasAnyRole(PLANNER, COOPERATIVE)
                        // Everyone with a key: where to send a need, what is missing, and the directory.
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/v1/referrals",
                                "/api/v1/paths",
                                "/api/v1/gaps",
                                "/api/v1/gaps/**",
                                "/api/v1/territories",
                                "/api/v1/territories/**",
                                "/api/v1/categories",
                                "/api/v1/categories/**",
                                "/api/v1/cooperatives",
                                "/api/v1/cooperatives/**",
                                "/api/v1/partners",
                                "/api/v1/partners/**",
                                "/api/v1/services",
                                "/api/v1/services/**",
                                "/api/v1/skills",
                                "/api/v1/skills/**",
                                "/api/v1/skill-offers",
                                "/api/v1/skill-offers/**",
                                "/api/v1/spaces",
                                "/api/v1/spaces/**",

                                // The same directory as Open Referral's HSDS.
                                "/hsds/",
                                "/hsds/**")
                        .hasAnyRole(PLANNER, COOPERATIVE, HELP_DESK, READER)
                        // The closed loop: who sees which referral, and who may make which move, is
                        // decided by the controller; a READER sees none.
                        .requestMatchers(HttpMethod.POST, "/api/v1/sent-referrals")
                        .hasAnyRole(PLANNER, HELP_DESK)
                        .requestMatchers("/api/v1/sent-referrals", "/api/v1/sent-referrals/**")
                        .hasAnyRole(PLANNER, COOPERATIVE, HELP_DESK)
                        // A help desk records the needs it meets: create and replace, never delete.
                        .requestMatchers(HttpMethod.POST, "/api/v1/needs")
                        .hasAnyRole(PLANNER, HELP_DESK)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/needs/*")
                        .hasAnyRole(PLANNER, HELP_DESK)
                        // Planners and cooperatives: the whole network and every analysis.
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/v1/needs",
                                "/api/v1/needs/**",
                                "/api/v1/ties",
                                "/api/v1/ties/**",
                                "/api/v1/skill-requests",
                                "/api/v1/skill-requests/**",
                                "/api/v1/fragility",
                                "/api/v1/network/measures",
                                "/api/v1/synergies")
                        .hasAnyRole(PLANNER, COOPERATIVE)
                        // The skills exchange reveals the requests, which a READER or HELP_DESK may not read.
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/v1/what-if",
                                "/api/v1/integrated-answers",
                                "/api/v1/allocations",
                                "/api/v1/skills/exchange")
                        .hasAnyRole(PLANNER, COOPERATIVE)
                        // Writes a cooperative may make on what is its own (checked by the controllers).
                        .requestMatchers(
                                "/api/v1/cooperatives",
                                "/api/v1/cooperatives/**",
                                "/api/v1/services",
                                "/api/v1/services/**",
                                "/api/v1/ties",
                                "/api/v1/ties/**",
                                "/api/v1/skill-offers",
                                "/api/v1/skill-offers/**",
                                "/api/v1/skill-requests",
                                "/api/v1/skill-requests/**",
                                "/api/v1/spaces",
                                "/api/v1/spaces/**")
                        .hasAnyRole(PLANNER, COOPERATIVE)
                        // Everything else: needs' writes, territories, categories, skills, partners, import,
                        // export, top synergies, keys.
                        .anyRequest()
                        .hasRole(PLANNER));
        return http.build();
    }

    /**
     * The firewall of every request. TRACE and QUERY pass it so that MVC answers them like any
     * other method a path does not take: 405 with the path's {@code Allow} (404 where there is no
     * path). TRACE never echoes the request (see TraceDispatch).
     */
    @Bean
    StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHttpMethods(KNOWN_METHODS);
        return firewall;
    }

    /**
     * A request the firewall refuses (an encoded slash or dot, a double slash, a semicolon, a
     * method that is not HTTP's...) gets a 400 problem detail like every other error, not Spring
     * Boot's error JSON.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper mapper) {
        return (request, response, e) -> ProblemResponses.write(
                mapper,
                request,
                response,
                ProblemType.INVALID_INPUT,
                KNOWN_METHODS.contains(request.getMethod())
                        ? "The request URL is not allowed: it holds an encoded slash, dot or percent, a double slash,"
                                + " a semicolon or a similar sequence"
                        : "The request method is not one of " + KNOWN_METHODS);
    }

    private static final List<String> KNOWN_METHODS =
            List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE", "QUERY");

    /** Reads the bearer key; a missing or unknown one leaves the request anonymous. */
    static final class BearerKeyFilter extends OncePerRequestFilter {

        private final ApiKeys keys;

        BearerKeyFilter(ApiKeys keys) {
            this.keys = keys;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.length() > 7 && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                keys.authenticate(header.substring(7).strip()).ifPresent(key -> {
                    Caller caller = new Caller(key.id(), key.role(), key.cooperative());
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            caller,
                            null,
                            List.of(new SimpleGrantedAuthority(
                                    "ROLE_" + key.role().name()))));
                    SecurityContextHolder.setContext(context);
                });
            }
            chain.doFilter(request, response);
        }
    }

    /** 401 and 403 as RFC 9457 problem details, saying which, never which keys exist. */
    record Problems(ObjectMapper mapper) {

        void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException {
            String header = request.getHeader("Authorization");
            boolean given = header != null && !header.isBlank();
            response.setHeader(
                    "WWW-Authenticate",
                    given ? "Bearer realm=\"snodo\", error=\"invalid_token\"" : "Bearer realm=\"snodo\"");
            ProblemResponses.write(
                    mapper,
                    request,
                    response,
                    ProblemType.UNAUTHORIZED,
                    given
                            ? "The bearer key is not valid: unknown, deleted or malformed"
                            : "No key was given: every /api/v1 call needs 'Authorization: Bearer <key>'");
        }

        void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
                throws IOException {
            String role = Caller.current().map(c -> c.role().name()).orElse("this");
            ProblemResponses.write(
                    mapper,
                    request,
                    response,
                    ProblemType.FORBIDDEN,
                    "A " + role + " key may not " + request.getMethod() + " " + request.getRequestURI());
        }
    }
}
