import ai.djl.engine.Engine;
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.*;
import ai.djl.training.GradientCollector;

/**
 * Is the one-softplus BCE from logits (Losses) the same loss and gradient as the six-op form it
 * replaced, and how much cheaper? Alternates the two, forward and backward, on a 128 x 784 batch.
 *
 *   java -cp "target/classes:target/lib/*" checks/SoftplusLoss.java      (-Dai.djl.default_engine=PyTorch for DJL's PyTorch)
 */
public class SoftplusLoss {
    static NDArray old(NDArray x, NDArray y) { return x.maximum(0).sub(x.mul(y)).add(x.abs().neg().exp().add(1).log()).mean(); }
    static NDArray neu(NDArray x, NDArray y) { return aelab.losses.Losses.binaryCrossEntropyWithLogits(x, y); }
    public static void main(String[] a) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray y = m.create(new float[] {0, 0.3f, 0, 1, 0.5f, 1, 0, 1, 0, 0.2f}).reshape(2, 5);
            for (int k = 0; k < 2; k++) {
                // a fresh array each time: PyTorch adds a second backward pass to the first one's gradients
                NDArray x = m.create(new float[] {-60, -20, -3, -0.5f, 0, 2, 7, 19, 21, 60}).reshape(2, 5);
                x.setRequiresGradient(true);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray l = k == 0 ? old(x, y) : neu(x, y);
                    gc.backward(l);
                    System.out.println((k == 0 ? "old " : "new ") + l.getFloat() + " grad " + java.util.Arrays.toString(x.getGradient().toFloatArray()));
                }
            }
            NDArray bx = m.randomNormal(0, 3, new Shape(128, 784), DataType.FLOAT32);
            NDArray by = m.randomUniform(0, 1, new Shape(128, 784));
            bx.setRequiresGradient(true);
            long[] t = new long[2];
            for (int r = 0; r < 400; r++) {
                int k = r % 2;
                long s = System.nanoTime();
                try (NDManager sub = m.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray l = k == 0 ? old(bx, by) : neu(bx, by);
                    gc.backward(l);
                    bx.getGradient().toFloatArray();
                }
                if (r >= 40) t[k] += System.nanoTime() - s;
            }
            System.out.printf("%s: old %.3f ms, new %.3f ms per forward+backward of 128x784%n", Engine.getInstance().getEngineName(), t[0] / 180e6, t[1] / 180e6);
        }
    }
}
