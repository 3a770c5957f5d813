package io.unlearn.ml.data.internals;

import io.unlearn.ml.UnlearnException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads an IDX file of unsigned bytes (the MNIST / Fashion-MNIST format), gzipped or plain.
 *
 * <p>Hand-written because it is about forty lines: DJL's basicdataset reads these files only through
 * its repository layer, which copies 53 MB into its cache and needs file:// URIs, and no small
 * library does it.
 */
public final class IdxReader {

    /** Dimensions and raw unsigned bytes of an IDX file. */
    public record Idx(int[] dims, byte[] data) { }

    private IdxReader() {
    }

    /**
     * @param file the IDX file ({@code .gz} is decompressed)
     * @param expectedRank number of dimensions expected (1 for labels, 3 for images)
     * @param fix what the user should do when the file is missing or bad
     * @return dims and data
     */
    public static Idx read(Path file, int expectedRank, String fix) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                DataInputStream data = new DataInputStream(in)) {
            int magic = data.readInt();
            if ((magic >>> 8) != 0x08 || (magic & 0xff) != expectedRank) {
                throw new UnlearnException(String.format("%s is not an IDX file of unsigned bytes with %d"
                        + " dimensions (magic 0x%08x); %s", file, expectedRank, magic, fix));
            }
            int[] dims = new int[expectedRank];
            long total = 1;
            for (int i = 0; i < expectedRank; i++) {
                dims[i] = data.readInt();
                total *= dims[i];
            }
            byte[] bytes = new byte[Math.toIntExact(total)];
            data.readFully(bytes);
            return new Idx(dims, bytes);
        } catch (NoSuchFileException e) {
            throw new UnlearnException("dataset file " + file + " not found; " + fix, e);
        } catch (EOFException e) {
            throw new UnlearnException("dataset file " + file + " is truncated; " + fix, e);
        } catch (IOException e) {
            throw new UnlearnException("cannot read dataset file " + file + " (" + e.getMessage() + "); " + fix, e);
        }
    }
}
