package io.invoicekit.persistence;

import io.invoicekit.testing.protocol.LoopbackServer;
import io.invoicekit.testing.protocol.WireProtocol;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A proxy between the driver and PostgreSQL that relays everything until the driver sends COMMIT.
 * It relays the COMMIT too, then swallows the server's whole reply (up to ReadyForQuery, so the
 * server has committed) and hangs up on both: the transaction is stored, the driver never hears so,
 * as when a network fails at the worst moment. Needs a URL in plain protocol ({@link
 * LoopbackServer#jdbcUrl}); one connection at a time is plenty.
 */
final class CommitReplyCut implements AutoCloseable {

    private final LoopbackServer server;

    CommitReplyCut(String postgresHost, int postgresPort) {
        this.server = new LoopbackServer("commit-reply-cut", client -> relay(client, postgresHost, postgresPort));
    }

    String jdbcUrl(String database) {
        return server.jdbcUrl(database);
    }

    private static void relay(Socket client, String postgresHost, int postgresPort) throws IOException {
        try (Socket postgres = new Socket(postgresHost, postgresPort)) {
            AtomicBoolean committing = new AtomicBoolean();
            DataInputStream fromClient = new DataInputStream(new BufferedInputStream(client.getInputStream()));
            DataOutputStream toPostgres = new DataOutputStream(new BufferedOutputStream(postgres.getOutputStream()));
            Thread.ofPlatform().daemon().name("commit-reply-cut-upstream").start(() -> {
                try {
                    toPostgres.write(WireProtocol.readStartup(fromClient));
                    toPostgres.flush();
                    while (true) {
                        WireProtocol.Message message = WireProtocol.read(fromClient);
                        if ("COMMIT".equals(message.sql())) {
                            committing.set(true);
                        }
                        message.writeTo(toPostgres);
                    }
                } catch (IOException hungUp) {
                    // one side is gone; the downstream loop ends the other
                }
            });
            DataInputStream fromPostgres = new DataInputStream(new BufferedInputStream(postgres.getInputStream()));
            DataOutputStream toClient = new DataOutputStream(new BufferedOutputStream(client.getOutputStream()));
            while (true) {
                WireProtocol.Message message = WireProtocol.read(fromPostgres);
                // The driver waits for each reply before it sends on, so what arrives after its COMMIT is COMMIT's reply.
                if (committing.get()) {
                    if (message.type() == WireProtocol.READY_FOR_QUERY) {
                        return; // closing both sockets: the cut
                    }
                } else {
                    message.writeTo(toClient);
                }
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
