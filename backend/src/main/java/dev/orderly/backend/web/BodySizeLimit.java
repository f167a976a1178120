package dev.orderly.backend.web;

import dev.orderly.model.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request body larger than {@code orderly.http.max-body-size} (1 MB; the largest valid order is a few KB) is
 * read: a declared length beyond it is answered 413 at once, and a body sent without a length (chunked) stops
 * being read at the limit, also with 413. Nothing is changed by such a request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimit extends OncePerRequestFilter {

    /** The body went past the limit while it was being read. */
    static final class BodyTooLargeException extends IOException {

        BodyTooLargeException(long limit) {
            super("at most " + limit + " bytes");
        }
    }

    private final long limit;
    private final EnvelopeWriter envelopes;

    BodySizeLimit(HttpSettings settings, EnvelopeWriter envelopes) {
        this.limit = settings.maxBodySize().toBytes();
        this.envelopes = envelopes;
    }

    static String tooLarge(long limit) {
        return "The request body is too large: at most " + limit + " bytes";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            envelopes.write(response, HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.BODY_TOO_LARGE.problem(),
                tooLarge(limit));
            return;
        }
        boolean mayHaveBody = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
        chain.doFilter(mayHaveBody ? new Limited(request, limit) : request, response);
    }

    /** The request with its body counted as it is read. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream counted;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                ServletInputStream in = super.getInputStream();
                counted = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > limit) {
                            throw new BodyTooLargeException(limit);
                        }
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
            return counted;
        }
    }
}
