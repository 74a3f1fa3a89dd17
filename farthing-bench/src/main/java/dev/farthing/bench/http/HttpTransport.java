package dev.farthing.bench.http;

import java.io.IOException;

/**
 * One client's way of POSTing JSON to the server under test. Implementations are used by one thread at a
 * time (one per client), so the raw client can keep a single keep-alive connection without locking.
 */
public interface HttpTransport extends AutoCloseable {

    /** Sends {@code body} as {@code application/json}; blocks until the whole response has arrived. */
    Response post(String path, byte[] body) throws IOException, InterruptedException;

    @Override
    void close();

    /** Status code and body bytes of one response. */
    record Response(int status, byte[] body) {
        public String bodyText() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Makes one transport per client; {@code raw} or {@code jdk}. */
    interface Factory extends AutoCloseable {
        HttpTransport open() throws IOException;

        @Override
        default void close() {
        }

        static Factory of(String kind, String host, int port, String bearerKey) {
            return switch (kind) {
                case "raw" -> () -> new RawHttpConnection(host, port, bearerKey);
                case "jdk" -> new JdkHttpTransport.SharedClient(host, port, bearerKey);
                default -> throw new IllegalArgumentException("unknown http client " + kind);
            };
        }
    }
}
