package it.snodo.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What one request may cost: a body of at most {@code snodo.limits.max-body} (1 MB; an import
 * {@code snodo.limits.max-import-body}, 64 MB), else 413; and per key at most
 * {@code snodo.limits.requests-per-second} on average with bursts of
 * {@code snodo.limits.burst} (a token bucket), else 429 with {@code Retry-After}. Runs after
 * the security filters, so it knows the key; calls without a key are refused before they cost
 * anything. A body sent without a length is counted as it is read.
 */
@Component
public class RequestLimits extends OncePerRequestFilter {

    static final String IMPORT = "/api/v1/import";
    static final java.util.Set<String> IMPORTS = java.util.Set.of(IMPORT, IMPORT + "/hsds");

    private final ObjectMapper mapper;
    private final long maxBody;
    private final long maxImportBody;
    private final double perSecond;
    private final int burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Counter refusedRate;
    private final Counter refusedBody;

    RequestLimits(
            ObjectMapper mapper,
            @Value("${snodo.limits.max-body:1MB}") DataSize maxBody,
            @Value("${snodo.limits.max-import-body:64MB}") DataSize maxImportBody,
            @Value("${snodo.limits.requests-per-second:50}") double perSecond,
            @Value("${snodo.limits.burst:200}") int burst,
            MeterRegistry meters) {
        this.mapper = mapper;
        this.refusedRate = Counter.builder("snodo.limits.refused")
                .tag("reason", "rate")
                .description("Requests refused by a limit: rate (429) or body (413)")
                .register(meters);
        this.refusedBody = Counter.builder("snodo.limits.refused")
                .tag("reason", "body")
                .description("Requests refused by a limit: rate (429) or body (413)")
                .register(meters);
        this.maxBody = maxBody.toBytes();
        this.maxImportBody = maxImportBody.toBytes();
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (perSecond > 0) {
            var caller = Caller.current();
            if (caller.isPresent()) {
                long waitNanos = buckets.computeIfAbsent(caller.get().keyId(), k -> new Bucket(burst))
                        .take(perSecond, burst, System.nanoTime());
                if (waitNanos > 0) {
                    refusedRate.increment();
                    response.setHeader(
                            "Retry-After",
                            Long.toString(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L))));
                    ProblemResponses.write(
                            mapper,
                            request,
                            response,
                            ProblemType.TOO_MANY_REQUESTS,
                            "This key may make " + perSecond + " requests a second on average, " + burst
                                    + " at once; try again after Retry-After seconds");
                    return;
                }
            }
        }
        long limit = IMPORTS.contains(request.getRequestURI()) ? maxImportBody : maxBody;
        long length = request.getContentLengthLong();
        if (length > limit) {
            refusedBody.increment();
            tooLarge(request, response, limit);
            return;
        }
        chain.doFilter(length >= 0 ? request : new Limited(request, limit), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        // The body is not read here; Tomcat discards up to server.tomcat.max-swallow-size of it
        // (2 MB) so that the client reads this answer, and closes the connection beyond that.
        ProblemResponses.write(
                mapper,
                request,
                response,
                ProblemType.PAYLOAD_TOO_LARGE,
                "The body is larger than " + DataSize.ofBytes(limit).toKilobytes() + " KB, the most this endpoint takes"
                        + (IMPORTS.contains(request.getRequestURI()) ? "" : " (an import may be larger)"));
    }

    /** A body that is too large, found while it was read (it came without a length). */
    public static final class BodyTooLarge extends IOException {
        private final long limit;

        BodyTooLarge(long limit) {
            super("the request body is larger than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /** A token bucket: {@code burst} tokens, refilled at {@code perSecond}. */
    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int burst) {
            this.tokens = burst;
            this.last = System.nanoTime();
        }

        /** Takes a token and answers 0, or answers how long until one is there. */
        synchronized long take(double perSecond, int burst, long now) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond * 1e9);
        }
    }

    /** Counts a body without a length as it is read, and stops it at the limit. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > limit) {
                        throw new BodyTooLarge(limit);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    int n = in.read(buffer, off, len);
                    if (n > 0 && (read += n) > limit) {
                        throw new BodyTooLarge(limit);
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
