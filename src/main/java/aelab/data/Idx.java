package aelab.data;

import aelab.AtomicFile;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Reads and writes the IDX format of MNIST (unsigned bytes only), raw or gzipped.
 *
 * <p>Layout: two zero bytes, a type byte (0x08 = unsigned byte), the number of dimensions, one
 * big-endian int per dimension, then the data in row-major order.
 */
public final class Idx {

    private static final int UNSIGNED_BYTE = 0x08;

    private Idx() {}

    /** An IDX array: its dimensions and its bytes. */
    public record Array(Path file, int[] dims, byte[] data) {
        public int count() {
            return dims[0];
        }
    }

    /** Reads an IDX file with the given number of dimensions (3 for images, 1 for labels). */
    public static Array read(Path file, int expectedDims) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            DataInputStream in = new DataInputStream(gzip ? new GZIPInputStream(raw, 1 << 16) : raw);
            int magic = readHeaderInt(in, file, "its magic number");
            int expectedMagic = (UNSIGNED_BYTE << 8) | expectedDims;
            if (magic != expectedMagic) {
                throw new DataException(String.format(
                        "%s: wrong magic number 0x%08X, expected 0x%08X (an IDX file of unsigned bytes with %d"
                                + " dimension%s); the file is not in MNIST's IDX format or holds the wrong"
                                + " kind of data; %s",
                        file, magic, expectedMagic, expectedDims, expectedDims == 1 ? "" : "s", DataException.FIX));
            }
            int[] dims = new int[expectedDims];
            long total = 1;
            for (int d = 0; d < expectedDims; d++) {
                dims[d] = readHeaderInt(in, file, "dimension " + d);
                if (dims[d] < 0) {
                    throw new DataException(file + ": negative size " + dims[d] + " in dimension " + d
                            + "; the file is corrupt; " + DataException.FIX);
                }
                total *= dims[d];
            }
            if (total > Integer.MAX_VALUE - 8) {
                throw new DataException(file + ": header promises " + total + " bytes, more than one array holds");
            }
            byte[] data = new byte[(int) total];
            int read = in.readNBytes(data, 0, data.length);
            if (read < data.length) {
                throw new DataException(String.format(
                        "%s: truncated: the header promises %d bytes of data (%s) but the file holds only %d;"
                                + " the download or copy was cut short; %s",
                        file, total, Arrays.toString(dims), read, DataException.FIX));
            }
            return new Array(file, dims, data);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": file not found; " + DataException.FIX, e);
        } catch (EOFException | ZipException e) {
            throw new DataException(file + ": truncated or corrupt (" + e.getMessage() + "); " + DataException.FIX, e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot be read (" + e + "); " + DataException.FIX, e);
        }
    }

    private static int readHeaderInt(DataInputStream in, Path file, String what) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new DataException(file + ": truncated: the file ends inside its header, before " + what
                    + "; " + DataException.FIX);
        }
    }

    /** Writes an IDX file of unsigned bytes, gzipped when the name ends in .gz; temporary file, then rename. */
    public static void write(Path file, int[] dims, byte[] data) throws IOException {
        long total = Arrays.stream(dims).asLongStream().reduce(1, (a, b) -> a * b);
        if (total != data.length) {
            throw new IllegalArgumentException("dims " + Arrays.toString(dims) + " hold " + total
                    + " bytes but the data has " + data.length);
        }
        AtomicFile.write(file, tmp -> {
            try (OutputStream raw = Files.newOutputStream(tmp);
                    OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
                    DataOutputStreamNoClose header = new DataOutputStreamNoClose(out)) {
                header.writeInt((UNSIGNED_BYTE << 8) | dims.length);
                for (int d : dims) {
                    header.writeInt(d);
                }
                header.flush();
                out.write(data);
            }
        });
    }

    /** Lets the header writer be closed without closing the stream beneath it twice. */
    private static final class DataOutputStreamNoClose extends java.io.DataOutputStream {
        DataOutputStreamNoClose(OutputStream out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
