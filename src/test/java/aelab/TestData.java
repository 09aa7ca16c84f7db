package aelab;

import aelab.data.ImageSet;
import aelab.data.Mnist;

/** The bundled real digits, for tests that train on real data. */
public final class TestData {

    private TestData() {}

    /** The first {@code n} training digits of the bundled set (run environment/setup.sh first). */
    public static ImageSet digits(int n) {
        return Mnist.load(Mnist.dataRoot().resolve("mnist")).train().head(n);
    }

    public static ImageSet testDigits(int n) {
        return Mnist.load(Mnist.dataRoot().resolve("mnist")).test().head(n);
    }
}
