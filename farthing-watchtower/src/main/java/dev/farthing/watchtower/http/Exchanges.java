package dev.farthing.watchtower.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Reading bounded bodies and writing JSON and problem+json replies on the JDK HTTP server. */
final class Exchanges {
    static final ObjectMapper JSON = new ObjectMapper();

    private Exchanges() {
    }

    /** The request body, or a {@code body_too_large} problem when it exceeds {@code max} bytes. */
    static byte[] body(HttpExchange ex, int max) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes(max + 1);
            if (b.length > max) {
                // The rest is never read: the connection is closed instead of draining an unbounded body.
                ex.getResponseHeaders().set("Connection", "close");
                throw new Problem(413, "body_too_large", "request body exceeds " + max + " bytes");
            }
            return b;
        }
    }

    static void json(HttpExchange ex, int status, ObjectNode body) throws IOException {
        send(ex, status, "application/json", JSON.writeValueAsBytes(body));
    }

    static void problem(HttpExchange ex, Problem p) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("type", "about:blank").put("title", p.code())
                .put("status", p.status()).put("code", p.code()).put("detail", p.getMessage());
        send(ex, p.status(), "application/problem+json", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** An error reply with a stable snake_case code. */
    static final class Problem extends RuntimeException {
        private final int status;
        private final String code;

        Problem(int status, String code, String detail) {
            super(detail);
            this.status = status;
            this.code = code;
        }

        int status() {
            return status;
        }

        String code() {
            return code;
        }
    }
}
