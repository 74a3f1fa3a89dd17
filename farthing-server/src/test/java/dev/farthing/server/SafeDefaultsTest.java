package dev.farthing.server;

import dev.farthing.ledger.api.LedgerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Safe defaults: local-only listening, slow clients closed on time, a busy port refused before anything is
 * created, and bodies that are not JSON refused with 415.
 */
class SafeDefaultsTest {
    @TempDir
    Path dir;

    @Test
    void listensOnLoopbackUnlessToldOtherwise() {
        ServerOptions defaults = ServerOptions.defaults(dir, 0);
        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.timeouts()).isEqualTo(HttpTimeouts.defaults());
        assertThat(defaults.withHost("0.0.0.0").host()).isEqualTo("0.0.0.0");
    }

    @Test
    void aBusyPortFailsBeforeADataDirectoryIsCreatedOrAKeyHandedOut() throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress("127.0.0.1", 0));
            Path data = dir.resolve("fresh");
            List<String> keys = new ArrayList<>();
            ServerOptions options = new ServerOptions(data, "127.0.0.1", busy.getLocalPort(), LedgerConfig.defaults(data));
            assertThatThrownBy(() -> FarthingServer.start(options, keys::add))
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + busy.getLocalPort());
            assertThat(Files.exists(data)).as("no data directory made").isFalse();
            assertThat(keys).as("no key handed out").isEmpty();
        }
    }

    /**
     * Hundreds of clients dripping a byte at a time (headers that never end, bodies that never end) are all
     * closed within their timeout plus the sweep, while an ordinary client is served meanwhile.
     */
    @Test
    void slowClientsAreClosedWithinTheTimeout() throws Exception {
        Path data = dir.resolve("data");
        Duration header = Duration.ofMillis(1_500);
        Duration body = Duration.ofMillis(1_500);
        ServerOptions options = new ServerOptions(data, "127.0.0.1", 0, LedgerConfig.defaults(data),
                new HttpTimeouts(header, body, Duration.ofSeconds(30)));
        try (TestServer t = new TestServer(FarthingServer.start(options), data)) {
            List<Socket> headerDrips = new ArrayList<>();
            List<Socket> bodyDrips = new ArrayList<>();
            try {
                for (int i = 0; i < 300; i++) {
                    Socket s = open(t);
                    s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                    headerDrips.add(s);
                }
                for (int i = 0; i < 100; i++) {
                    Socket s = open(t);
                    s.getOutputStream().write(("POST /v1/accounts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                            + t.operatorKey + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                            .getBytes(StandardCharsets.US_ASCII));
                    bodyDrips.add(s);
                }
                long started = System.nanoTime();
                List<Socket> all = new ArrayList<>(headerDrips);
                all.addAll(bodyDrips);
                long deadline = started + header.plus(Duration.ofMillis(1_500)).toNanos();
                boolean servedMeanwhile = false;
                while (!all.isEmpty() && System.nanoTime() < deadline) {
                    for (Socket s : all) {
                        drip(s); // a byte every ~200 ms: Jetty's idle timeout alone would never fire
                    }
                    all.removeIf(SafeDefaultsTest::closedByServer);
                    if (!servedMeanwhile) {
                        servedMeanwhile = t.get("/v1/accounts/none").status() == 404;
                    }
                    Thread.sleep(200);
                }
                long tookMs = (System.nanoTime() - started) / 1_000_000;
                assertThat(all).as("connections still open %d ms after the start of 400 slow clients", tookMs).isEmpty();
                assertThat(servedMeanwhile).as("an ordinary request is served while they drip").isTrue();
                assertThat(tookMs).isGreaterThanOrEqualTo(header.toMillis() - 200);
            } finally {
                for (Socket s : headerDrips) {
                    s.close();
                }
                for (Socket s : bodyDrips) {
                    s.close();
                }
            }
            assertThat(t.ledger().lookupAccount("x").join().isOk()).as("no half-sent account was created").isFalse();
        }
    }

    /** A kept-alive connection that sends its next request promptly is not cut by the header timeout. */
    @Test
    void promptKeepAliveRequestsAreNotCut() throws Exception {
        Path data = dir.resolve("data");
        ServerOptions options = new ServerOptions(data, "127.0.0.1", 0, LedgerConfig.defaults(data),
                new HttpTimeouts(Duration.ofMillis(800), Duration.ofMillis(800), Duration.ofSeconds(30)));
        try (TestServer t = new TestServer(FarthingServer.start(options), data); Socket s = open(t)) {
            for (int i = 0; i < 5; i++) {
                s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(readResponseHead(s.getInputStream())).startsWith("HTTP/1.1 200");
                Thread.sleep(300); // under the timeout between requests, over it in total
            }
        }
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        try (TestServer t = TestServer.start(dir)) {
            String account = "{\"id\":\"a\",\"currency\":\"USD\",\"kind\":\"wallet\"}";
            TestServer.Resp text = t.send("POST", "/v1/accounts", "text/plain", bytes(account), t.operatorKey);
            assertThat(text.status()).isEqualTo(415);
            assertThat(text.contentType()).startsWith("application/problem+json");
            assertThat(text.code()).isEqualTo("unsupported_media_type");
            assertThat(t.send("POST", "/v1/accounts", "application/x-www-form-urlencoded", bytes(account), t.operatorKey)
                    .status()).isEqualTo(415);
            assertThat(t.send("POST", "/v1/accounts", null, bytes(account), t.operatorKey).status()).isEqualTo(415);
            assertThat(t.ledger().lookupAccount("a").join().isOk()).as("nothing created").isFalse();
            assertThat(t.send("POST", "/v1/accounts", "application/json; charset=utf-8", bytes(account), t.operatorKey)
                    .status()).isEqualTo(201);
            assertThat(t.send("POST", "/v1/accounts/a/freeze", "text/plain", null, t.operatorKey).status())
                    .as("no body, no media type to check").isEqualTo(200);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Socket open(TestServer t) throws IOException {
        Socket s = new Socket("127.0.0.1", t.server.port());
        s.setSoTimeout(1); // a read that would block tells "still open" at once
        return s;
    }

    private static void drip(Socket s) {
        try {
            OutputStream out = s.getOutputStream();
            out.write('x');
            out.flush();
        } catch (IOException closed) {
            // the server closed it: seen by closedByServer
        }
    }

    /** True once the server has closed the connection (end of stream or a reset). */
    private static boolean closedByServer(Socket s) {
        try {
            InputStream in = s.getInputStream();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static String readResponseHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!head.toString().contains("\r\n\r\n") && System.nanoTime() < deadline) {
            try {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            } catch (SocketTimeoutException e) {
                // keep waiting until the deadline
            }
        }
        String text = head.toString();
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        for (int read = 0; read < length && System.nanoTime() < deadline; ) {
            try {
                if (in.read() < 0) {
                    break;
                }
                read++;
            } catch (SocketTimeoutException e) {
                // keep waiting
            }
        }
        return text;
    }
}
