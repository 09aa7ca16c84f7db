package aelab;

import aelab.data.ImageSet;
import aelab.data.Mnist;
import aelab.data.Split;

/** The bundled real digits, for tests that train on real data. */
public final class TestData {

    private static Split bundled;

    private TestData() {}

    /** The official MNIST, read once per test JVM (run environment/setup.sh first). */
    private static synchronized Split bundled() {
        if (bundled == null) {
            bundled = Mnist.load(Mnist.bundledDirectory());
        }
        return bundled;
    }

    /** The first {@code n} training digits of the bundled set. */
    public static ImageSet digits(int n) {
        return bundled().train().head(n);
    }

    public static ImageSet testDigits(int n) {
        return bundled().test().head(n);
    }
}
