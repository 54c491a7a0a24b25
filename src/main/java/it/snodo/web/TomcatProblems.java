package it.snodo.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Errors Tomcat answers itself, before a request reaches the service (a path with an encoded
 * slash or with bytes that are not UTF-8, a request line or headers over the limit), as RFC 9457
 * problem details instead of Tomcat's HTML page.
 */
@Component
class TomcatProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // Added after Spring Boot's own ErrorReportValve, so nearer the request: it reports first.
        factory.addContextCustomizers(
                context -> context.getParent().getPipeline().addValve(new ProblemValve()));
        // TRACE reaches the service, which answers 405 with the path's Allow (and never echoes it).
        factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
    }

    /** Writes the problem detail of an error status that nothing else answered. */
    static final class ProblemValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || response.isCommitted()) {
                return;
            }
            ProblemType type = ProblemType.of(status);
            String body = "{\"type\":\"" + type.type() + "\",\"title\":\"" + type.title() + "\",\"status\":"
                    + type.status().value() + ",\"detail\":\"The request was refused before it reached the service:"
                    + " its URL or headers are not valid or too large\",\"instance\":\""
                    + json(request.getRequestURI()) + "\"}";
            try {
                response.setStatus(type.status().value());
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the response cannot be written: nothing more to say.
            }
        }

        /** A string as the inside of a JSON string: a refused URL may hold quotes or control characters. */
        static String json(String s) {
            if (s == null) {
                return "";
            }
            StringBuilder sb = new StringBuilder(s.length());
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c < 0x20 || c > 0x7e) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }
    }
}
