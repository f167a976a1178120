package dev.orderly.backend.web;

import dev.orderly.model.ErrorCode;
import java.io.IOException;
import java.io.PrintWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error pages, in the API's envelope instead of HTML: what Tomcat answers before any controller runs
 * (a URL with {@code %00}, a header too large, a malformed request line). Installed as the host's error report
 * valve by {@link ServerLimits}. Like Tomcat's valve it writes only when nothing else has answered yet.
 */
public class EnvelopeErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String message = switch (status) {
            case 400 -> "The request could not be read: a malformed request line, URL or header";
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed here";
            case 408 -> "The request took too long to arrive";
            case 413 -> "The request is too large";
            case 414 -> "The URL is too long";
            case 431 -> "The request's headers are too large";
            case 501 -> "This HTTP method is not supported";
            default -> "The request failed (HTTP " + status + ")";
        };
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                // The code as every error envelope names one (ErrorCode): the request refused, with its status.
                writer.write("{\"success\":false,\"message\":\"" + message + "\",\"data\":null,\"error\":"
                    + "{\"code\":\"" + ErrorCode.REQUEST_REFUSED.name() + "\",\"args\":{\"status\":\"" + status
                    + "\"}}}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone; nothing to tell
        }
    }
}
