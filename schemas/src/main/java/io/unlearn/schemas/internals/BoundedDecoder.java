package io.unlearn.schemas.internals;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * An Avro binary decoder over one record's bytes that refuses any string, bytes, array or map length
 * larger than the record itself. Without it a garbage length prefix (e.g. 2^31 - 1) makes Avro allocate
 * that much before noticing the data ends: an OutOfMemoryError instead of a clear error. (Items are
 * assumed to take at least one byte each, true of every schema in this contract.)
 */
public final class BoundedDecoder extends Decoder {

    private final BinaryDecoder in;
    private final int limit;

    public BoundedDecoder(byte[] data, int offset, int length) {
        this.in = DecoderFactory.get().binaryDecoder(data, offset, length, null);
        this.limit = length;
    }

    /** Whether every byte has been read. */
    public boolean isEnd() throws IOException {
        return in.isEnd();
    }

    private int checked(long length, String what) throws IOException {
        if (length < 0 || length > limit) {
            throw new IOException("a " + what + " length of " + length + " exceeds the record's " + limit
                    + " bytes: the data is corrupt or was written with another schema");
        }
        return (int) length;
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = checked(in.readLong(), "string");
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        in.readFixed(result.getBytes(), 0, length);
        return result;
    }

    @Override
    public String readString() throws IOException {
        return readString(null).toString();
    }

    @Override
    public void skipString() throws IOException {
        in.skipFixed(checked(in.readLong(), "string"));
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = checked(in.readLong(), "bytes");
        byte[] bytes = new byte[length];
        in.readFixed(bytes, 0, length);
        return ByteBuffer.wrap(bytes);
    }

    @Override
    public void skipBytes() throws IOException {
        in.skipFixed(checked(in.readLong(), "bytes"));
    }

    @Override
    public long readArrayStart() throws IOException {
        return checked(in.readArrayStart(), "array");
    }

    @Override
    public long arrayNext() throws IOException {
        return checked(in.arrayNext(), "array");
    }

    @Override
    public long skipArray() throws IOException {
        return checked(in.skipArray(), "array");
    }

    @Override
    public long readMapStart() throws IOException {
        return checked(in.readMapStart(), "map");
    }

    @Override
    public long mapNext() throws IOException {
        return checked(in.mapNext(), "map");
    }

    @Override
    public long skipMap() throws IOException {
        return checked(in.skipMap(), "map");
    }

    @Override
    public void readNull() throws IOException {
        in.readNull();
    }

    @Override
    public boolean readBoolean() throws IOException {
        return in.readBoolean();
    }

    @Override
    public int readInt() throws IOException {
        return in.readInt();
    }

    @Override
    public long readLong() throws IOException {
        return in.readLong();
    }

    @Override
    public float readFloat() throws IOException {
        return in.readFloat();
    }

    @Override
    public double readDouble() throws IOException {
        return in.readDouble();
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        in.readFixed(bytes, start, length);
    }

    @Override
    public void skipFixed(int length) throws IOException {
        in.skipFixed(length);
    }

    @Override
    public int readEnum() throws IOException {
        return in.readEnum();
    }

    @Override
    public int readIndex() throws IOException {
        return in.readIndex();
    }
}
