package aelab.nn;

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
 * fails on MXNet whenever input channels differ from filters, so this block calls MXNet's
 * deconvolution operator directly. Output size: (in - 1) * stride + kernel (no padding).
 */
public final class TransposedConv2d extends AbstractBlock {

    private final int filters;
    private final int kernel;
    private final int stride;
    private final Parameter weight;
    private final Parameter bias;

    public TransposedConv2d(int filters, int kernel, int stride) {
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
