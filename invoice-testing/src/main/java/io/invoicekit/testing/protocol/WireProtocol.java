package io.invoicekit.testing.protocol;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Just enough of PostgreSQL's wire protocol (version 3) to frame the messages a stand-in server
 * relays or answers: after the untyped startup packet, every message is a type byte and a length
 * that counts itself and the body.
 */
public final class WireProtocol {

    /** ReadyForQuery: the server is done with what the client sent before it. */
    public static final byte READY_FOR_QUERY = 'Z';

    private WireProtocol() {
    }

    /** One typed message. */
    public record Message(byte type, byte[] body) {

        /** The SQL of a simple query ('Q') or of a statement being parsed ('P': its name, then its SQL); else null. */
        public String sql() {
            return switch (type) {
                case 'Q' -> cString(0);
                case 'P' -> cString(cString(0).getBytes(StandardCharsets.UTF_8).length + 1);
                default -> null;
            };
        }

        /**
         * The prepared statement a Parse ('P') creates or a Bind ('B', after its portal's name) uses;
         * empty for the unnamed statement; null for other messages.
         */
        public String statementName() {
            return switch (type) {
                case 'P' -> cString(0);
                case 'B' -> cString(cString(0).getBytes(StandardCharsets.UTF_8).length + 1);
                default -> null;
            };
        }

        public void writeTo(DataOutputStream out) throws IOException {
            out.writeByte(type);
            out.writeInt(body.length + 4);
            out.write(body);
            out.flush();
        }

        private String cString(int from) {
            int end = from;
            while (body[end] != 0) {
                end++;
            }
            return new String(body, from, end - from, StandardCharsets.UTF_8);
        }
    }

    /** The client's startup packet (length, protocol version, parameters), whole, to relay as it is. */
    public static byte[] readStartup(DataInputStream in) throws IOException {
        int length = in.readInt();
        byte[] packet = new byte[length];
        packet[0] = (byte) (length >>> 24);
        packet[1] = (byte) (length >>> 16);
        packet[2] = (byte) (length >>> 8);
        packet[3] = (byte) length;
        in.readFully(packet, 4, length - 4);
        return packet;
    }

    public static Message read(DataInputStream in) throws IOException {
        byte type = in.readByte();
        byte[] body = new byte[in.readInt() - 4];
        in.readFully(body);
        return new Message(type, body);
    }

    /** An ErrorResponse of severity FATAL, as a server sends it before it hangs up. */
    public static Message fatal(String sqlState, String text) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, 'S', "FATAL");
        field(body, 'V', "FATAL");
        field(body, 'C', sqlState);
        field(body, 'M', text);
        body.write(0);
        return new Message((byte) 'E', body.toByteArray());
    }

    private static void field(ByteArrayOutputStream body, char code, String value) {
        body.write(code);
        body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        body.write(0);
    }
}
