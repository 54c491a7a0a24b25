package it.snodo.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
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
        factory.addContextCustomizers(context -> context.getParent().getPipeline().addValve(new ProblemValve()));
    }

    /** Writes the problem detail of an error status that nothing else answered. */
    static final class ProblemValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || response.isCommitted()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "HTTP " + status : known.getReasonPhrase();
            String type = known == null ? "http-" + status : known.name().toLowerCase().replace('_', '-');
            String body = "{\"type\":\"/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                    + ",\"detail\":\"The request was refused before it reached the service: its URL or headers are"
                    + " not valid or too large\"}";
            try {
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
    }
}
