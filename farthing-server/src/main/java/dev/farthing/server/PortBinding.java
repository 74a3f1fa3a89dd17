package dev.farthing.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.UnresolvedAddressException;

/**
 * Binds the listening socket first thing, so that a port in use (or an address this machine does not have) is
 * refused before a data directory is created, a key printed or a ledger opened.
 */
final class PortBinding {
    /** Room for a burst of connections while the acceptor catches up. */
    private static final int BACKLOG = 1024;

    private PortBinding() {
    }

    static ServerSocketChannel bind(String host, int port) {
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open();
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true); // as Jetty does: restarts need no wait
            channel.bind(new InetSocketAddress(host, port), BACKLOG);
            return channel;
        } catch (BindException e) {
            close(channel);
            throw new UncheckedIOException(new BindException("cannot listen on " + host + ":" + port + ": "
                    + e.getMessage() + " (is another server using the port?)"));
        } catch (UnresolvedAddressException e) {
            close(channel);
            throw new IllegalArgumentException("cannot listen on " + host + ":" + port + ": unknown host " + host);
        } catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    static void close(ServerSocketChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was served on it; the failure that led here is the one to report
        }
    }
}
