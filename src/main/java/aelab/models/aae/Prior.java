package aelab.models.aae;

import aelab.nn.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** A distribution over codes that an adversarial autoencoder's encoder is pushed to match. */
public interface Prior {

    /** {@code n} codes of {@code dims} dimensions drawn in {@code manager}. */
    NDArray sample(NDManager manager, int n, int dims);

    /** N(0, std^2 I); the AAE tutorial uses std 5. */
    static Prior gaussian(float std) {
        return new Prior() {
            @Override
            public NDArray sample(NDManager m, int n, int dims) {
                return m.randomNormal(0, std, new Shape(n, dims), ai.djl.ndarray.types.DataType.FLOAT32);
            }

            @Override
            public String toString() {
                return "N(0, " + std + "^2)";
            }
        };
    }

    /**
     * An equal mixture of {@code components} 2-D Gaussians of standard deviation {@code std}, their
     * means evenly spaced on a circle of {@code radius}.
     */
    static Prior mixtureOfGaussians(int components, float radius, float std) {
        return new Prior() {
            @Override
            public NDArray sample(NDManager m, int n, int dims) {
                if (dims != 2) {
                    throw new IllegalArgumentException("the mixture prior is 2-D, the code has " + dims + " dimensions");
                }
                NDArray k = m.randomInteger(0, components, new Shape(n), ai.djl.ndarray.types.DataType.INT32)
                        .toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
                NDArray angle = Scalars.mul(k, (float) (2 * Math.PI / components));
                NDArray centre = Scalars.mul(angle.cos(), radius).expandDims(1).concat(Scalars.mul(angle.sin(), radius).expandDims(1), 1);
                return centre.add(m.randomNormal(0, std, new Shape(n, 2), ai.djl.ndarray.types.DataType.FLOAT32));
            }

            @Override
            public String toString() {
                return components + " Gaussians (std " + std + ") on a circle of radius " + radius;
            }
        };
    }
}
