package aelab.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Clustering scores as the deep-clustering papers compute them: accuracy under the best
 * one-to-one matching of clusters to labels (Hungarian), normalised mutual information, and the
 * adjusted Rand index.
 */
public final class Clustering {

    /** How NMI divides the mutual information. */
    public enum Normalization {
        /** by sqrt(H(C) H(L)): the papers of 2015-2018, scikit-learn's default before 0.22 */
        GEOMETRIC,
        /** by (H(C) + H(L)) / 2: scikit-learn's default since 0.22 */
        ARITHMETIC
    }

    private Clustering() {}

    /** counts[c][l]: how many samples are in cluster c and have label l. */
    public static long[][] contingency(int[] clusters, int[] labels) {
        if (clusters.length != labels.length || clusters.length == 0) {
            throw new IllegalArgumentException("need as many clusters as labels, and at least one: "
                    + clusters.length + " vs " + labels.length);
        }
        int k = 0;
        int m = 0;
        for (int i = 0; i < clusters.length; i++) {
            if (clusters[i] < 0 || labels[i] < 0) {
                throw new IllegalArgumentException("cluster and label ids must be >= 0 (sample " + i + ")");
            }
            k = Math.max(k, clusters[i] + 1);
            m = Math.max(m, labels[i] + 1);
        }
        long[][] w = new long[k][m];
        for (int i = 0; i < clusters.length; i++) {
            w[clusters[i]][labels[i]]++;
        }
        return w;
    }

    /** ACC = (matched count under the best one-to-one cluster-to-label assignment) / n. */
    public static double accuracy(int[] clusters, int[] labels) {
        int[] label = matchedLabels(clusters, labels);
        long matched = 0;
        for (int i = 0; i < clusters.length; i++) {
            matched += label[clusters[i]] == labels[i] ? 1 : 0;
        }
        return matched / (double) clusters.length;
    }

    /**
     * Each cluster's label under the best one-to-one matching of clusters to labels (Hungarian, as ACC
     * uses it); -1 for a cluster left without a label when there are more clusters than labels.
     */
    public static int[] matchedLabels(int[] clusters, int[] labels) {
        long[][] w = contingency(clusters, labels);
        int size = Math.max(w.length, w[0].length);
        double[][] cost = new double[size][size];
        long max = 0;
        for (long[] row : w) {
            for (long v : row) {
                max = Math.max(max, v);
            }
        }
        for (int c = 0; c < size; c++) {
            for (int l = 0; l < size; l++) {
                long v = c < w.length && l < w[0].length ? w[c][l] : 0;
                cost[c][l] = max - v;
            }
        }
        int[] match = Hungarian.solve(cost);
        int[] label = new int[w.length];
        for (int c = 0; c < w.length; c++) {
            label[c] = match[c] < w[0].length ? match[c] : -1;
        }
        return label;
    }

    /** I(C; L) / norm(H(C), H(L)); 1 when both partitions are trivial and equal. */
    public static double nmi(int[] clusters, int[] labels, Normalization normalization) {
        long[][] w = contingency(clusters, labels);
        double n = clusters.length;
        double[] a = new double[w.length];
        double[] b = new double[w[0].length];
        for (int c = 0; c < w.length; c++) {
            for (int l = 0; l < w[0].length; l++) {
                a[c] += w[c][l];
                b[l] += w[c][l];
            }
        }
        double mi = 0;
        for (int c = 0; c < w.length; c++) {
            for (int l = 0; l < w[0].length; l++) {
                if (w[c][l] > 0) {
                    mi += w[c][l] / n * Math.log(n * w[c][l] / (a[c] * b[l]));
                }
            }
        }
        double hc = entropy(a, n);
        double hl = entropy(b, n);
        if (hc == 0 && hl == 0) {
            return 1;
        }
        double norm = normalization == Normalization.GEOMETRIC ? Math.sqrt(hc * hl) : (hc + hl) / 2;
        return norm == 0 ? 0 : Math.max(0, mi / norm);
    }

    /** Adjusted Rand index: (RI - E[RI]) / (max RI - E[RI]) over pairs of samples. */
    public static double ari(int[] clusters, int[] labels) {
        long[][] w = contingency(clusters, labels);
        double sumCells = 0;
        double[] a = new double[w.length];
        double[] b = new double[w[0].length];
        for (int c = 0; c < w.length; c++) {
            for (int l = 0; l < w[0].length; l++) {
                sumCells += pairs(w[c][l]);
                a[c] += w[c][l];
                b[l] += w[c][l];
            }
        }
        double sumA = 0;
        double sumB = 0;
        for (double v : a) {
            sumA += pairs(v);
        }
        for (double v : b) {
            sumB += pairs(v);
        }
        double expected = sumA * sumB / pairs(clusters.length);
        double max = (sumA + sumB) / 2;
        return max == expected ? 1 : (sumCells - expected) / (max - expected);
    }

    private static double pairs(double n) {
        return n * (n - 1) / 2;
    }

    private static double entropy(double[] counts, double n) {
        double h = 0;
        for (double c : counts) {
            if (c > 0) {
                h -= c / n * Math.log(c / n);
            }
        }
        return h;
    }

    /** ACC, NMI (geometric and arithmetic) and ARI of cluster assignments against the labels. */
    public static Map<String, Double> scores(int[] clusters, int[] labels) {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("acc", accuracy(clusters, labels));
        s.put("nmi_geometric", nmi(clusters, labels, Normalization.GEOMETRIC));
        s.put("nmi_arithmetic", nmi(clusters, labels, Normalization.ARITHMETIC));
        s.put("ari", ari(clusters, labels));
        return s;
    }
}
