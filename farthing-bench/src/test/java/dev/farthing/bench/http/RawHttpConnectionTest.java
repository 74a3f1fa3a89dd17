package dev.farthing.bench.http;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The load generator's HTTP client against a scripted server: keep-alive, chunked and sized bodies, auth header. */
class RawHttpConnectionTest {

    @Test
    void readsChunkedAndSizedResponsesOnOneKeepAliveConnection() throws Exception {
        List<String> requestHeads = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread serverThread = Thread.ofPlatform().start(() -> serve(server, requestHeads));
            try (RawHttpConnection http = new RawHttpConnection("127.0.0.1", server.getLocalPort(), "k3y")) {
                HttpTransport.Response chunked = http.post("/v1/transfers/batch", "{\"a\":1}".getBytes(StandardCharsets.US_ASCII));
                assertThat(chunked.status()).isEqualTo(200);
                assertThat(chunked.bodyText()).isEqualTo("hello world, in three chunks");
                HttpTransport.Response sized = http.post("/v1/transfers", "{}".getBytes(StandardCharsets.US_ASCII));
                assertThat(sized.status()).isEqualTo(201);
                assertThat(sized.bodyText()).isEqualTo("{\"ok\":true}");
            }
            serverThread.join(5000);
        }
        assertThat(requestHeads).hasSize(2);
        assertThat(requestHeads.getFirst()).startsWith("POST /v1/transfers/batch HTTP/1.1")
                .contains("Authorization: Bearer k3y").contains("Content-Length: 7");
    }

    private static void serve(ServerSocket server, List<String> heads) {
        try (Socket s = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            String[] replies = {
                    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "6\r\nhello \r\n6;ext=1\r\nworld,\r\n10\r\n in three chunks\r\n0\r\n\r\n",
                    "HTTP/1.1 201 Created\r\nContent-Length: 11\r\nContent-Type: application/json\r\n\r\n{\"ok\":true}"};
            for (String reply : replies) {
                StringBuilder head = new StringBuilder();
                int length = 0;
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    head.append(line).append('\n');
                    if (line.startsWith("Content-Length: ")) {
                        length = Integer.parseInt(line.substring(16));
                    }
                }
                in.skip(length); // ASCII bodies: one char per byte
                heads.add(head.toString());
                out.write(reply.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
