package aelab.nn;

import aelab.losses.Losses;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** DEC's clustering layer: trainable cluster centres, output the Student's t soft assignment Q of its input codes. */
public final class ClusteringLayer extends AbstractBlock {

    private final int clusters;
    private final float alpha;
    private final Parameter centres;

    public ClusteringLayer(int clusters, float alpha) {
        this.clusters = clusters;
        this.alpha = alpha;
        centres = addParameter(Parameter.builder().setName("centres").setType(Parameter.Type.WEIGHT).build());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        centres.setShape(new Shape(clusters, inputShapes[0].get(1)));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray z = inputs.singletonOrThrow();
        return new NDList(Losses.studentTAssignment(z, store.getValue(centres, z.getDevice(), training), alpha));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), clusters)};
    }

    /** The current centres, one row per cluster. */
    public NDArray centres() {
        return centres.getArray();
    }

    /** Sets the centres (k-means on the codes, before fine-tuning). */
    public void setCentres(float[][] values) {
        float[] flat = new float[values.length * values[0].length];
        for (int c = 0; c < values.length; c++) {
            System.arraycopy(values[c], 0, flat, c * values[0].length, values[0].length);
        }
        centres.getArray().set(flat);
    }
}
