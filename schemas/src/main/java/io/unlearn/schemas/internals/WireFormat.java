package io.unlearn.schemas.internals;

import org.apache.kafka.common.errors.SerializationException;

import java.nio.charset.StandardCharsets;

/**
 * The Confluent wire format of a record value (or key):
 * <pre>
 *   byte 0      magic byte 0x00
 *   bytes 1..4  schema id, big-endian int, as handed out by the schema registry
 *   bytes 5..   the value in Avro binary encoding, written with that schema
 * </pre>
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0x0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** Writes the 5-byte header for {@code schemaId} into the start of {@code target}. */
    public static void writeHeader(int schemaId, byte[] target) {
        target[0] = MAGIC_BYTE;
        target[1] = (byte) (schemaId >>> 24);
        target[2] = (byte) (schemaId >>> 16);
        target[3] = (byte) (schemaId >>> 8);
        target[4] = (byte) schemaId;
    }

    /** The 5-byte header for {@code schemaId}. */
    public static byte[] header(int schemaId) {
        byte[] header = new byte[HEADER_SIZE];
        writeHeader(schemaId, header);
        return header;
    }

    /**
     * Checks the header of a payload and returns its schema id.
     *
     * @throws SerializationException when the payload is too short or its magic byte is not 0x00
     */
    public static int readSchemaId(String topic, byte[] payload) {
        if (payload.length < HEADER_SIZE) {
            throw new SerializationException("Cannot read a record from topic '" + topic + "': it is "
                    + payload.length + " byte(s) long, shorter than the 5-byte Confluent wire-format header"
                    + " (magic byte 0x00 + 4-byte schema id); bytes: " + preview(payload) + ". It was cut off or"
                    + " not written by a Confluent-format Avro serializer: route it to the dead-letter topic and"
                    + " fix the producer.");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format("Cannot read a record from topic '%s': unknown magic"
                    + " byte 0x%02X, expected 0x00 (Confluent wire format); it starts with %s. It was not written"
                    + " by a Confluent-format Avro serializer (plain JSON or raw Avro?): route it to the"
                    + " dead-letter topic and make the producer use the registry-backed serializer.",
                    topic, payload[0] & 0xFF, preview(payload)));
        }
        return ((payload[1] & 0xFF) << 24) | ((payload[2] & 0xFF) << 16) | ((payload[3] & 0xFF) << 8)
                | (payload[4] & 0xFF);
    }

    /** Up to 16 bytes as hex, plus their text when they look printable, for error messages. */
    public static String preview(byte[] payload) {
        int n = Math.min(16, payload.length);
        StringBuilder hex = new StringBuilder();
        boolean printable = n > 0;
        for (int i = 0; i < n; i++) {
            hex.append(String.format("%02X", payload[i] & 0xFF)).append(i + 1 < n ? " " : "");
            printable &= payload[i] >= 0x20 && payload[i] < 0x7F;
        }
        String more = payload.length > n ? " ..." : "";
        return "[" + hex + more + "]"
                + (printable ? " ('" + new String(payload, 0, n, StandardCharsets.US_ASCII) + more + "')" : "");
    }
}
