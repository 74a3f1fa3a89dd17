package dev.farthing.bench.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code java.net.http.HttpClient} over HTTP/1.1, kept for comparison with {@link RawHttpConnection}: on two
 * cores the JDK client's own selector thread and per-request allocations compete with the server for CPU.
 */
final class JdkHttpTransport implements HttpTransport {
    private final HttpClient client;
    private final String base;
    private final String authorization;

    private JdkHttpTransport(HttpClient client, String base, String authorization) {
        this.client = client;
        this.base = base;
        this.authorization = authorization;
    }

    @Override
    public Response post(String path, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Response(response.statusCode(), response.body());
    }

    @Override
    public void close() {
        // The client is shared by every transport of the factory and closed with it.
    }

    /** One pooled client for all clients of a run, as an application would use it. */
    static final class SharedClient implements Factory {
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final String base;
        private final String authorization;

        SharedClient(String host, int port, String bearerKey) {
            this.base = "http://" + host + ":" + port;
            this.authorization = "Bearer " + bearerKey;
        }

        @Override
        public HttpTransport open() {
            return new JdkHttpTransport(client, base, authorization);
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
