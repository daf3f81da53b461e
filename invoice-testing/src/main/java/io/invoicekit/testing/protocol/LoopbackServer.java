package io.invoicekit.testing.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP server on a free port of the loopback interface that gives each connection to {@code
 * handler} on a thread of its own; closing it stops accepting. For stand-ins between the driver and
 * PostgreSQL that misbehave on purpose.
 */
public final class LoopbackServer implements AutoCloseable {

    /** What is done with one accepted connection; it closes the socket when done. */
    @FunctionalInterface
    public interface Handler {
        void handle(Socket client) throws IOException;
    }

    private final ServerSocket socket;

    public LoopbackServer(String name, Handler handler) {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name(name + "-accept").start(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Thread.ofPlatform().daemon().name(name).start(() -> {
                        try (client) {
                            handler.handle(client);
                        } catch (IOException ended) {
                            // the driver hung up: nothing left to serve
                        }
                    });
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    /** A port nothing listens on: one this JVM had and gave back. */
    public static int closedPort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** A JDBC URL to {@code database} through this server. */
    public String jdbcUrl(String database) {
        return plainJdbcUrl(port(), database);
    }

    /** A JDBC URL to {@code database} on a loopback port, in plain protocol: no SSL or GSS encryption to see through. */
    public static String plainJdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?sslmode=disable&gssEncMode=disable";
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
