package aelab.models.clustering;

import aelab.models.Rows;

import aelab.data.ImageSet;
import aelab.losses.Losses;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.function.Function;

/**
 * DEC's target P over a whole data set: recomputed from Q every {@code interval} batches and held
 * fixed in between; at each update it measures the share of hard assignments that changed, and
 * the run has converged once that share falls under the tolerance.
 */
final class TargetSchedule implements AutoCloseable {

    private final ImageSet data;
    private final Function<ImageSet, float[][]> softAssignments;
    private final int interval;
    private final double tolerance;
    private final NDManager manager;
    private NDArray target;
    private int[] assignments;
    private double changed;
    private boolean converged;
    private int iteration;

    TargetSchedule(ImageSet data, Function<ImageSet, float[][]> softAssignments, int interval, double tolerance,
            NDManager parent) {
        this.data = data;
        this.softAssignments = softAssignments;
        this.interval = interval;
        this.tolerance = tolerance;
        this.manager = parent.newSubManager();
    }

    /** The rows of P for these images (attached to {@code batchManager}), updating P first when due. */
    NDArray rows(int[] indices, NDManager batchManager) {
        if (iteration % interval == 0) {
            update();
        }
        iteration++;
        NDArray rows = target.get(batchManager.create(indices));
        rows.attach(batchManager);
        return rows;
    }

    private void update() {
        float[][] q = softAssignments.apply(data);
        if (target != null) {
            target.close();
        }
        try (NDManager tmp = manager.newSubManager()) {
            NDArray p = Losses.targetDistribution(Rows.create(tmp, q));
            p.attach(manager);
            target = p;
        }
        int[] now = Rows.argmax(q);
        if (assignments != null) {
            changed = changedShare(assignments, now);
            converged = changed < tolerance;
        }
        assignments = now;
    }

    /** Share of the assignments that changed at the latest update (0 before the second). */
    double changed() {
        return changed;
    }

    boolean converged() {
        return converged;
    }

    private static double changedShare(int[] a, int[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            n += a[i] != b[i] ? 1 : 0;
        }
        return n / (double) a.length;
    }

    @Override
    public void close() {
        manager.close();
    }
}
