package aelab.nn;

import aelab.Engines;
import ai.djl.mxnet.engine.MxNDManager;
import ai.djl.mxnet.engine.MxOpParams;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A 2-D transposed convolution ("deconvolution") on NCHW input, weight laid out as
 * (in, out, k, k). DJL 0.36's own Conv2dTranspose lays its weight out the other way round and
 * fails on MXNet whenever input channels differ from filters, so on MXNet this block calls its
 * deconvolution operator directly. Other engines (DJL's PyTorch engine has no deconvolution) take
 * the engine-neutral path, which needs stride = kernel: the patches then do not overlap and the
 * whole layer is one matrix product. Output size: (in - 1) * stride + kernel (no padding).
 */
public final class TransposedConv2d extends AbstractBlock {

    private final int filters;
    private final int kernel;
    private final int stride;
    private final Parameter weight;
    private final Parameter bias;

    public TransposedConv2d(int filters, int kernel, int stride) {
        if (stride != kernel && !Engines.onMxnet()) {
            throw new IllegalArgumentException("TransposedConv2d with stride " + stride + " != kernel " + kernel
                    + " needs the MXNet engine (AELAB_ENGINE=mxnet)");
        }
        this.filters = filters;
        this.kernel = kernel;
        this.stride = stride;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(filters)).build());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        weight.setShape(new Shape(inputShapes[0].get(1), filters, kernel, kernel));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = store.getValue(weight, x.getDevice(), training);
        NDArray b = store.getValue(bias, x.getDevice(), training);
        return x.getManager() instanceof MxNDManager ? mxnet(x, w, b) : new NDList(byProduct(x, w, b));
    }

    private NDList mxnet(NDArray x, NDArray w, NDArray b) {
        // DJL's own wrapper takes num_filter from the weight's first axis: set it from the second
        MxOpParams op = new MxOpParams();
        op.addParam("kernel", new Shape(kernel, kernel));
        op.addParam("stride", new Shape(stride, stride));
        op.addParam("pad", new Shape(0, 0));
        op.addParam("adj", new Shape(0, 0));
        op.addParam("dilate", new Shape(1, 1));
        op.addParam("num_group", 1);
        op.addParam("num_filter", filters);
        op.add("no_bias", false);
        return ((MxNDManager) x.getManager()).invoke("_npx_deconvolution", new NDList(x, w, b), op);
    }

    /**
     * Stride = kernel: each input pixel paints its own k x k patch, out[n, o, h*k+i, w*k+j] =
     * sum_c x[n, c, h, w] W[c, o, i, j] + b[o], one (N*H*W, C) x (C, O*k*k) product.
     */
    NDArray byProduct(NDArray x, NDArray w, NDArray b) {
        long n = x.getShape().get(0);
        long c = x.getShape().get(1);
        long h = x.getShape().get(2);
        long wd = x.getShape().get(3);
        NDArray rows = x.transpose(0, 2, 3, 1).reshape(n * h * wd, c);
        NDArray patches = rows.matMul(w.reshape(c, (long) filters * kernel * kernel))
                .reshape(n, h, wd, filters, kernel, kernel)
                .transpose(0, 3, 1, 4, 2, 5)
                .reshape(n, filters, h * kernel, wd * kernel);
        return patches.add(b.reshape(1, filters, 1, 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), filters, (in.get(2) - 1) * stride + kernel,
                (in.get(3) - 1) * stride + kernel)};
    }

    @Override
    public String toString() {
        return "TransposedConv2d(" + filters + " filters, " + kernel + "x" + kernel + ", stride " + stride + ")";
    }

}
