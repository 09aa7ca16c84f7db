package aelab.experiments;

import aelab.models.Diagnostics;

/** Summary numbers of a set of codes. */
final class CodeStats {

    private CodeStats() {}

    /** The standard deviation of every code value around their common mean (the prior's std for a good AAE). */
    static double std(float[][] codes) {
        double mean = Diagnostics.mean(codes);
        double sum = 0;
        long n = 0;
        for (float[] c : codes) {
            for (float v : c) {
                sum += (v - mean) * (v - mean);
                n++;
            }
        }
        return Math.sqrt(sum / n);
    }
}
