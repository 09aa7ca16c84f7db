import ai.djl.engine.Engine;
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.*;
import java.util.*;
import java.util.function.UnaryOperator;

/**
 * DJL 0.36's PyTorch engine: the gradient of x.mul(2.5f) after a garbage collection, against
 * aelab.nn.Scalars.mul. DJL wraps the 2.5 in a tensor over a Java direct buffer and closes it at once;
 * autograd keeps that tensor for the backward pass and reads the buffer after the JVM has freed it.
 *
 *   java -Dai.djl.default_engine=PyTorch -cp "target/classes:target/lib/*" checks/ScalarUseAfterFree.java
 */
public class ScalarUseAfterFree {
    static int wrong(NDManager m, UnaryOperator<NDArray> f, int rounds) throws Exception {
        int bad = 0;
        for (int i = 0; i < rounds; i++) {
            NDArray x = m.ones(new Shape(4));
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = f.apply(x).sum();
                System.gc();
                Thread.sleep(20);
                List<ByteBuffer> junk = new ArrayList<>();
                for (int k = 0; k < 2000; k++) {
                    junk.add(ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putFloat(0, Float.NaN));
                }
                gc.backward(y);
                bad += x.getGradient().toFloatArray()[0] == 2.5f ? 0 : 1;
            }
        }
        return bad;
    }

    public static void main(String[] a) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            System.out.println("engine " + m.getEngine().getEngineName());
            System.out.println("x.mul(2.5f):               " + wrong(m, x -> x.mul(2.5f), 50) + " wrong gradients in 50");
            System.out.println("aelab.nn.Scalars.mul(x, 2.5f): " + wrong(m, x -> aelab.nn.Scalars.mul(x, 2.5f), 50) + " wrong gradients in 50");
        }
    }
}
