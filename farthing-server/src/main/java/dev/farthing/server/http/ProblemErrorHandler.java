package dev.farthing.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Jetty's own error responses (requests refused before they reach the API: a malformed URI or
 * {@code Content-Length}, a URI or headers over Jetty's limits) as problem+json instead of HTML pages.
 */
public final class ProblemErrorHandler extends ErrorHandler {

    public ProblemErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
    }

    static String codeFor(int status) {
        return Problems.codeForStatus(status);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        return ByteBuffer.wrap(Problems.render(status, codeFor(status), reason == null ? HttpStatus.getMessage(status) : reason));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message)
            throws IOException {
        baseRequest.setHandled(true);
        response.setContentType(Problems.CONTENT_TYPE);
        byte[] body = Problems.render(code, codeFor(code), code >= 500 ? "internal error; see the server log"
                : message == null ? "request refused" : message);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
