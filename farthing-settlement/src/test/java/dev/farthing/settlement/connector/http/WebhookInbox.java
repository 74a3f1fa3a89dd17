package dev.farthing.settlement.connector.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A tiny HTTP/1.1 endpoint on loopback that receives webhooks for tests (plain sockets: the settlement module
 * reads no HTTP server module). Each request's signature header and body go to {@code handler}, whose int is the
 * status answered.
 */
final class WebhookInbox implements AutoCloseable {

    record Delivery(String path, String signature, byte[] body) {
    }

    private final ServerSocket socket;
    private final Thread acceptor;
    private final List<Delivery> deliveries = new ArrayList<>();

    WebhookInbox(Function<Delivery, Integer> handler) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().daemon().name("webhook-inbox").start(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    // A connection each, so a kept-alive idle one never holds up the next.
                    Thread.ofVirtual().start(() -> {
                        try (s) {
                            s.setTcpNoDelay(true);
                            serve(s, handler);
                        } catch (IOException e) {
                            // the client went away
                        }
                    });
                } catch (IOException e) {
                    // closed: the loop ends
                }
            }
        });
    }

    int port() {
        return socket.getLocalPort();
    }

    synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private void serve(Socket s, Function<Delivery, Integer> handler) throws IOException {
        InputStream in = new BufferedInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream();
        while (true) {
            String requestLine = line(in);
            if (requestLine == null || requestLine.isEmpty()) {
                return;
            }
            String signature = null;
            int length = 0;
            for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).strip();
                if (name.equals("content-length")) {
                    length = Integer.parseInt(value);
                } else if (name.equals(WebhookVerifier.SIGNATURE_HEADER.toLowerCase(Locale.ROOT))) {
                    signature = value;
                }
            }
            byte[] body = in.readNBytes(length);
            Delivery d = new Delivery(requestLine.split(" ")[1], signature, body);
            synchronized (this) {
                deliveries.add(d);
            }
            int status;
            synchronized (handler) {
                status = handler.apply(d);
            }
            out.write(("HTTP/1.1 " + status + " X\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                return b.toString().stripTrailing();
            }
            b.append((char) c);
        }
        return b.isEmpty() ? null : b.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
