package dev.orderly.backend.web;

import dev.orderly.model.ApiResponse;
import dev.orderly.model.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes the API envelope where no controller is involved (security filters). */
@Component
public class EnvelopeWriter {

    private final JsonMapper mapper;

    public EnvelopeWriter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public void write(HttpServletResponse response, HttpStatus status, Problem problem, String message)
        throws IOException {
        write(response, status, problem, message, null);
    }

    /** The same, with data for the client (the envelope's {@code data}). */
    public void write(HttpServletResponse response, HttpStatus status, Problem problem, String message, Object data)
        throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write(mapper.writeValueAsString(ApiResponse.error(problem, message, data)));
    }
}
