package aelab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScalarsTest {

    private static final float[] X = {0.25f, 1f, 2f, -1f};

    /**
     * The gradient after the JVM has collected every unreachable buffer and filled freed native memory
     * with NaNs: DJL's own x.mul(2.5f) on PyTorch gave NaN gradients 50 times in 50 this way
     * (checks/ScalarUseAfterFree.java); the Scalars functions must give the exact ones.
     */
    private static float[] gradientAfterChurn(UnaryOperator<NDArray> f) throws InterruptedException {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(X);
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = f.apply(x).sum();
                System.gc();
                Thread.sleep(30);
                List<ByteBuffer> junk = new ArrayList<>();
                for (int k = 0; k < 2000; k++) {
                    junk.add(ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putFloat(0, Float.NaN));
                }
                gc.backward(y);
                assertEquals(2000, junk.size());
            }
            return x.getGradient().toFloatArray();
        }
    }

    @Test
    void gradientsThroughConstantsSurviveGarbageCollection() throws InterruptedException {
        for (int round = 0; round < 5; round++) {
            assertArrayEquals(new float[] {2.5f, 2.5f, 2.5f, 2.5f}, gradientAfterChurn(x -> Scalars.mul(x, 2.5f)));
            assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f, 0.25f}, gradientAfterChurn(x -> Scalars.div(x, 4)));
            // d/dx x^3 = 3 x^2
            assertArrayEquals(new float[] {0.1875f, 3f, 12f, 3f}, gradientAfterChurn(x -> Scalars.pow(x, 3)), 1e-5f);
            assertArrayEquals(new float[] {1f, 0f, 0f, 1f}, gradientAfterChurn(x -> Scalars.minimum(x, 0.5f)));
        }
    }

    @Test
    void valuesMatchTheEnginesOwnScalarOperators() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(X);
            assertArrayEquals(x.mul(2.5f).toFloatArray(), Scalars.mul(x, 2.5f).toFloatArray());
            assertArrayEquals(x.div(4).toFloatArray(), Scalars.div(x, 4).toFloatArray());
            assertArrayEquals(x.pow(3).toFloatArray(), Scalars.pow(x, 3).toFloatArray(), 1e-6f);
            assertArrayEquals(x.minimum(0.5f).toFloatArray(), Scalars.minimum(x, 0.5f).toFloatArray());
        }
    }

    /**
     * No class of the library calls NDArray's mul, div, pow, minimum, maximum, rdiv or rpow with a
     * Number (found in the bytecode, so no spelling of the call escapes): each would bring the
     * use-after-free back on PyTorch. add and sub with a Number are safe (autograd keeps no copy).
     */
    @Test
    void theLibraryNeverPassesAConstantToTheUnsafeOperators() throws IOException {
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
        Pattern unsafe = Pattern.compile("NDArray\\.(mul|div|pow|minimum|maximum|rdiv|rpow):\\(Ljava/lang/Number;\\)");
        List<String> found = new ArrayList<>();
        int classes = 0;
        Path root = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                StringWriter out = new StringWriter();
                javap.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-c", "-p", f.toString());
                Matcher hit = unsafe.matcher(out.toString());
                while (hit.find()) {
                    found.add(root.relativize(f) + ": NDArray." + hit.group(1) + "(Number)");
                }
                classes++;
            }
        }
        assertTrue(classes > 50, "read only " + classes + " classes under " + root.toAbsolutePath());
        assertTrue(found.isEmpty(), "use aelab.nn.Scalars instead: " + found);
    }
}
