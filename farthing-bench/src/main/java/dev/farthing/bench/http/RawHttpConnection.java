package dev.farthing.bench.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A minimal blocking HTTP/1.1 client over one keep-alive socket: it writes a pre-rendered header block and
 * parses only the status line, {@code Content-Length}, chunked bodies and {@code Connection: close}. The
 * load generator shares the server's two cores, so every microsecond it saves is one the server gets;
 * this client costs a few microseconds per request where {@code java.net.http} costs tens.
 */
final class RawHttpConnection implements HttpTransport {
    private static final int SOCKET_TIMEOUT_MS = 120_000;
    private final String host;
    private final int port;
    private final byte[] fixedHeaders;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    RawHttpConnection(String host, int port, String bearerKey) {
        this.host = host;
        this.port = port;
        this.fixedHeaders = ("Host: " + host + ":" + port + "\r\nAuthorization: Bearer " + bearerKey
                + "\r\nContent-Type: application/json\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public Response post(String path, byte[] body) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            byte[] requestLine = ("POST " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] length = (body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] head = new byte[requestLine.length + fixedHeaders.length + length.length];
            System.arraycopy(requestLine, 0, head, 0, requestLine.length);
            System.arraycopy(fixedHeaders, 0, head, requestLine.length, fixedHeaders.length);
            System.arraycopy(length, 0, head, requestLine.length + fixedHeaders.length, length.length);
            out.write(head);
            out.write(body);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(SOCKET_TIMEOUT_MS);
        s.connect(new InetSocketAddress(host, port), 10_000);
        socket = s;
        out = s.getOutputStream();
        in = s.getInputStream();
        pos = 0;
        limit = 0;
    }

    private Response readResponse() throws IOException {
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("bad status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> closeAfter = value.contains("close");
                default -> { }
            }
        }
        byte[] body = chunked ? readChunked() : readExactly((int) Math.max(0, contentLength));
        if (closeAfter || (!chunked && contentLength < 0)) {
            close();
        }
        return new Response(status, body);
    }

    /** Chunks are appended into one doubling buffer: a 3 MB batch reply arrives in hundreds of chunks. */
    private byte[] readChunked() throws IOException {
        byte[] body = new byte[8192];
        int size = 0;
        while (true) {
            String sizeLine = readLine();
            int semi = sizeLine.indexOf(';');
            int chunk = Integer.parseInt((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
            if (chunk == 0) {
                while (!readLine().isEmpty()) {
                    // trailers: ignored
                }
                return Arrays.copyOf(body, size);
            }
            if (size + chunk > body.length) {
                body = Arrays.copyOf(body, Math.max(body.length * 2, size + chunk));
            }
            readInto(body, size, chunk);
            size += chunk;
            readLine(); // the CRLF after the chunk
        }
    }

    private byte[] readExactly(int n) throws IOException {
        byte[] out = new byte[n];
        readInto(out, 0, n);
        return out;
    }

    private void readInto(byte[] out, int offset, int n) throws IOException {
        int done = 0;
        while (done < n) {
            if (pos == limit) {
                fill();
            }
            int take = Math.min(n - done, limit - pos);
            System.arraycopy(buf, pos, out, offset + done, take);
            pos += take;
            done += take;
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            if (pos == limit) {
                fill();
            }
            byte b = buf[pos++];
            if (b == '\n') {
                int len = line.length();
                return len > 0 && line.charAt(len - 1) == '\r' ? line.substring(0, len - 1) : line.toString();
            }
            line.append((char) (b & 0xFF));
        }
    }

    private void fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
            throw new EOFException("server closed the connection");
        }
        pos = 0;
        limit = n;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken socket: nothing left to do
            }
            socket = null;
        }
    }
}
