package io.invoicekit.testing.protocol;

import io.invoicekit.testing.ConnectionSettings;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A relay between the driver and PostgreSQL that counts round trips on the wire: each time the
 * driver, having been answered, sends again. What it sends without waiting in between (pgjdbc's
 * BEGIN before a query, several statements before one Sync) is one round trip, as it costs one
 * network latency. Connect through {@link #through}; bytes pass unchanged. Each round trip keeps
 * the SQL it parsed or bound, so a test can say which statements an operation sent, not only how
 * many times it waited.
 *
 * <p>Counting on the wire rather than in the driver or in jOOQ is what makes the number honest: a
 * query the driver sends on its own (an isolation-level lookup, a validation) counts too.
 */
public final class RoundTripCounter implements AutoCloseable {

    private final LoopbackServer server;
    private final List<RoundTrip> roundTrips = new CopyOnWriteArrayList<>();

    /**
     * What the driver sent before it waited for an answer: the SQL of the statements it parsed or
     * bound, in order (filled in as they pass: copy with {@link #statements()}).
     */
    public record RoundTrip(List<String> sent) {

        /** The statements, as they stand. */
        public List<String> statements() {
            return List.copyOf(sent);
        }

        @Override
        public String toString() {
            return statements().toString();
        }
    }

    private RoundTripCounter(String postgresHost, int postgresPort) {
        this.server = new LoopbackServer("round-trip-counter", client -> relay(client, postgresHost, postgresPort));
    }

    /** A counter in front of the server that {@code settings} reach. */
    public static RoundTripCounter inFrontOf(ConnectionSettings settings) {
        URI uri = URI.create(settings.jdbcUrl().substring("jdbc:".length()));
        return new RoundTripCounter(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
    }

    /** {@code settings}' database and user, reached through this counter in plain protocol. */
    public ConnectionSettings through(ConnectionSettings settings) {
        String database = URI.create(settings.jdbcUrl().substring("jdbc:".length())).getPath().substring(1);
        return new ConnectionSettings(server.jdbcUrl(database), settings.user(), settings.password());
    }

    /**
     * The round trips made while {@code work} ran. Run it on one thread with nothing else using
     * the counter's connections (a pool's background checks included), or their exchanges count too.
     */
    public List<RoundTrip> during(Runnable work) {
        return counted(() -> {
            work.run();
            return null;
        }).roundTrips();
    }

    /** {@code work}'s result and the round trips made while it ran, as {@link #during} counts them. */
    public <T> Counted<T> counted(Supplier<T> work) {
        int before = roundTrips.size();
        T result = work.get();
        return new Counted<>(result, roundTrips.subList(before, roundTrips.size()).stream()
                .map(roundTrip -> new RoundTrip(roundTrip.statements())).toList());
    }

    /** A result and the round trips that made it. */
    public record Counted<T>(T result, List<RoundTrip> roundTrips) {

        public Counted {
            roundTrips = List.copyOf(roundTrips);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    private void relay(Socket client, String postgresHost, int postgresPort) throws IOException {
        try (Socket postgres = new Socket(postgresHost, postgresPort)) {
            client.setTcpNoDelay(true);
            postgres.setTcpNoDelay(true);
            AtomicBoolean answered = new AtomicBoolean(true);
            Thread.ofPlatform().daemon().name("round-trip-counter-downstream")
                    .start(() -> copy(postgres, client, answered));
            DataInputStream fromClient = new DataInputStream(new BufferedInputStream(client.getInputStream()));
            DataOutputStream toPostgres = new DataOutputStream(new BufferedOutputStream(postgres.getOutputStream()));
            toPostgres.write(WireProtocol.readStartup(fromClient));
            toPostgres.flush();
            Map<String, String> prepared = new HashMap<>();
            while (true) {
                // The driver has sent all it had: pass it on, and whatever it sends once answered
                // is the next round trip. What it sends without waiting (BEGIN before a query)
                // belongs to the same one.
                boolean drained = fromClient.available() == 0;
                if (drained) {
                    toPostgres.flush();
                }
                WireProtocol.Message message = WireProtocol.read(fromClient);
                // The first message opens a round trip even if more of the driver's bytes were
                // already there (seen once in CI: there was no round trip to add it to).
                if ((drained && answered.getAndSet(false)) || roundTrips.isEmpty()) {
                    roundTrips.add(new RoundTrip(new CopyOnWriteArrayList<>()));
                }
                note(message, prepared, roundTrips.getLast().sent());
                toPostgres.writeByte(message.type());
                toPostgres.writeInt(message.body().length + 4);
                toPostgres.write(message.body());
            }
        }
    }

    private static void note(WireProtocol.Message message, Map<String, String> prepared, List<String> sent) {
        switch (message.type()) {
            case 'P' -> {
                prepared.put(message.statementName(), message.sql());
                sent.add(message.sql());
            }
            case 'B' -> {
                // A statement the driver prepared in an earlier exchange is only bound in this one.
                String sql = prepared.get(message.statementName());
                if (sql != null && (sent.isEmpty() || !sent.getLast().equals(sql))) {
                    sent.add(sql);
                }
            }
            case 'Q' -> sent.add(message.sql());
            default -> {
                // Describe, Execute, Sync, Flush, Close, Terminate: no SQL of their own.
            }
        }
    }

    /** Relays the server's answers, noting that it answered. */
    private static void copy(Socket from, Socket to, AtomicBoolean answered) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                answered.set(true);
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException hungUp) {
            // one side is gone; closing the sockets ends the other direction
        }
    }
}
