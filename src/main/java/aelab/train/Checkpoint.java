package aelab.train;

import aelab.AtomicFile;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Saves and loads the parameters of a model's networks (and each one's optimizer step count) as
 * one file: a header, the payload's length and CRC-32, then each network's name, steps, and each
 * parameter's name, shape and values. Written to a temporary file and renamed, so a crash never leaves half a checkpoint.
 */
public final class Checkpoint {

    private static final String MAGIC = "AELAB-CHECKPOINT";
    private static final int VERSION = 1;

    private Checkpoint() {}

    /** A checkpoint that cannot be used; the message names the file and the fault. */
    public static class CheckpointException extends RuntimeException {
        public CheckpointException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static void save(Path file, List<Network> networks) {
        save(file, networks, List.of());
    }

    /**
     * Saves {@code networks} with their parameters and {@code sharing}, networks that share a
     * block with one of them under another optimizer, with their step counts only.
     */
    public static void save(Path file, List<Network> networks, List<Network> sharing) {
        try {
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(payload)) {
                out.writeInt(networks.size());
                for (Network n : networks) {
                    out.writeUTF(n.name());
                    out.writeLong(n.steps());
                    var params = n.block().getParameters();
                    out.writeInt(params.size());
                    for (Pair<String, Parameter> p : params) {
                        NDArray a = p.getValue().getArray();
                        out.writeUTF(p.getKey());
                        long[] shape = a.getShape().getShape();
                        out.writeInt(shape.length);
                        for (long d : shape) {
                            out.writeLong(d);
                        }
                        for (float v : a.toFloatArray()) {
                            out.writeFloat(v);
                        }
                    }
                }
                out.writeInt(sharing.size());
                for (Network n : sharing) {
                    out.writeUTF(n.name());
                    out.writeLong(n.steps());
                }
            }
            byte[] bytes = payload.toByteArray();
            CRC32 crc = new CRC32();
            crc.update(bytes);
            AtomicFile.write(file, tmp -> {
                try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(tmp))) {
                    out.writeUTF(MAGIC);
                    out.writeInt(VERSION);
                    out.writeInt(bytes.length);
                    out.writeLong(crc.getValue());
                    out.write(bytes);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads into networks built the same way as those saved. Every name and shape is checked
     * before any value is copied, so a checkpoint that does not fit leaves the model untouched.
     */
    public static void load(Path file, List<Network> networks) {
        load(file, networks, List.of());
    }

    /** Loads what {@link #save(Path, List, List)} wrote, into networks built the same way. */
    public static void load(Path file, List<Network> networks, List<Network> sharing) {
        byte[] bytes = readVerified(file);
        long[] sharedSteps = new long[sharing.size()];
        List<float[]> values = new ArrayList<>();
        long[] steps = new long[networks.size()];
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int count = in.readInt();
            if (count != networks.size()) {
                throw fault(file, "holds " + count + " networks, this model has " + networks.size(), null);
            }
            for (int k = 0; k < count; k++) {
                Network n = networks.get(k);
                String name = in.readUTF();
                if (!name.equals(n.name())) {
                    throw fault(file, "holds network '" + name + "' where this model has '" + n.name() + "'", null);
                }
                steps[k] = in.readLong();
                var params = n.block().getParameters();
                int paramCount = in.readInt();
                if (paramCount != params.size()) {
                    throw fault(file, "network '" + name + "' has " + paramCount + " parameters, this model's has "
                            + params.size() + "; it does not fit this model", null);
                }
                for (Pair<String, Parameter> p : params) {
                    String key = in.readUTF();
                    long[] shape = new long[in.readInt()];
                    for (int d = 0; d < shape.length; d++) {
                        shape[d] = in.readLong();
                    }
                    Shape expected = p.getValue().getArray().getShape();
                    if (!key.equals(p.getKey()) || !new Shape(shape).equals(expected)) {
                        throw fault(file, "network '" + name + "': parameter " + key + " " + new Shape(shape)
                                + " does not fit this model's " + p.getKey() + " " + expected
                                + "; was it saved from another configuration?", null);
                    }
                    float[] v = new float[Math.toIntExact(expected.size())];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = in.readFloat();
                    }
                    values.add(v);
                }
            }
            int sharedCount = in.readInt();
            if (sharedCount != sharing.size()) {
                throw fault(file, "holds " + sharedCount + " extra optimizers, this model has " + sharing.size(), null);
            }
            for (int k = 0; k < sharedCount; k++) {
                String name = in.readUTF();
                if (!name.equals(sharing.get(k).name())) {
                    throw fault(file, "holds optimizer '" + name + "' where this model has '" + sharing.get(k).name()
                            + "'", null);
                }
                sharedSteps[k] = in.readLong();
            }
        } catch (IOException e) {
            throw fault(file, "corrupt payload (" + e + ")", e);
        }
        // copied in place: the arrays, their gradients and the optimizers' state keep their identity
        int i = 0;
        for (int k = 0; k < networks.size(); k++) {
            for (Pair<String, Parameter> p : networks.get(k).block().getParameters()) {
                p.getValue().getArray().set(FloatBuffer.wrap(values.get(i++)));
            }
            networks.get(k).setSteps(steps[k]);
        }
        for (int k = 0; k < sharing.size(); k++) {
            sharing.get(k).setSteps(sharedSteps[k]);
        }
    }

    private static byte[] readVerified(Path file) {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            String magic;
            try {
                magic = in.readUTF();
            } catch (IOException e) {
                magic = "";
            }
            if (!MAGIC.equals(magic)) {
                throw fault(file, "not an AE Lab checkpoint (no header); was it written by another program?", null);
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw fault(file, "format version " + version + ", this library reads version " + VERSION, null);
            }
            int length = in.readInt();
            long expectedCrc = in.readLong();
            byte[] bytes = in.readNBytes(length);
            if (bytes.length != length) {
                throw fault(file, "truncated: " + bytes.length + " of " + length + " bytes", null);
            }
            CRC32 crc = new CRC32();
            crc.update(bytes);
            if (crc.getValue() != expectedCrc) {
                throw fault(file, "corrupt: its checksum does not match its contents", null);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw fault(file, "file not found", e);
        } catch (IOException e) {
            throw fault(file, "truncated or unreadable (" + e + ")", e);
        }
    }

    private static CheckpointException fault(Path file, String what, Throwable cause) {
        return new CheckpointException("checkpoint " + file + ": " + what
                + "; delete it to start afresh, or point at the checkpoint of a run of this model", cause);
    }
}
