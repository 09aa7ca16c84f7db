package aelab.metrics;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/** k-means++ (Apache Commons Math) with restarts, keeping the run of least within-cluster squared distance. */
public final class KMeans {

    /** The centres (k rows) and each point's cluster. */
    public record Result(float[][] centres, int[] assignments, double inertia) {}

    private KMeans() {}

    public static Result fit(float[][] points, int k, int restarts, int maxIterations, long seed) {
        if (points.length < k) {
            throw new IllegalArgumentException(points.length + " points cannot form " + k + " clusters");
        }
        List<DoublePoint> data = new ArrayList<>(points.length);
        for (float[] p : points) {
            double[] d = new double[p.length];
            for (int j = 0; j < p.length; j++) {
                d[j] = p[j];
            }
            data.add(new DoublePoint(d));
        }
        Result best = null;
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(seed);
        for (int r = 0; r < Math.max(1, restarts); r++) {
            var clusterer = new KMeansPlusPlusClusterer<DoublePoint>(k, maxIterations, new EuclideanDistance(), random);
            List<CentroidCluster<DoublePoint>> clusters = clusterer.cluster(data);
            Result result = score(points, clusters);
            if (best == null || result.inertia < best.inertia) {
                best = result;
            }
        }
        return best;
    }

    private static Result score(float[][] points, List<CentroidCluster<DoublePoint>> clusters) {
        float[][] centres = new float[clusters.size()][];
        for (int c = 0; c < centres.length; c++) {
            double[] p = clusters.get(c).getCenter().getPoint();
            centres[c] = new float[p.length];
            for (int j = 0; j < p.length; j++) {
                centres[c][j] = (float) p[j];
            }
        }
        int[] assign = new int[points.length];
        double inertia = 0;
        for (int i = 0; i < points.length; i++) {
            double bestD = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centres.length; c++) {
                double d = 0;
                for (int j = 0; j < points[i].length; j++) {
                    double diff = points[i][j] - centres[c][j];
                    d += diff * diff;
                }
                if (d < bestD) {
                    bestD = d;
                    assign[i] = c;
                }
            }
            inertia += bestD;
        }
        return new Result(centres, assign, inertia);
    }
}
