package aelab.metrics;

import de.javagl.tsne.Tsne;

/** 2-D t-SNE embeddings (Barnes-Hut, from the bh-tsne library), seeded so that a figure can be redrawn. */
public final class TSne {

    private TSne() {}

    /**
     * Embeds the rows in 2-D.
     *
     * @param perplexity roughly the number of neighbours each point keeps close (30 is usual)
     * @param iterations gradient steps (1000 is usual; a few hundred give a rough picture)
     */
    public static float[][] embed(float[][] rows, double perplexity, int iterations, long seed) {
        if (rows.length < 3 * perplexity + 2) {
            throw new IllegalArgumentException(rows.length + " points are too few for perplexity " + perplexity
                    + "; use at least " + (int) (3 * perplexity + 2) + " points or a smaller perplexity");
        }
        double[][] x = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            x[i] = new double[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                x[i][j] = rows[i][j];
            }
        }
        Tsne tsne = new Tsne();
        tsne.setOutputDims(2);
        tsne.setInitialDims(Math.min(50, rows[0].length));
        tsne.setPerplexity(perplexity);
        tsne.setTheta(0.5);
        tsne.setMaxIterations(iterations);
        tsne.setRandomSeed(seed);
        tsne.setMessageConsumer(m -> { });
        double[][] y = tsne.run(x);
        float[][] out = new float[y.length][2];
        for (int i = 0; i < y.length; i++) {
            out[i][0] = (float) y[i][0];
            out[i][1] = (float) y[i][1];
        }
        return out;
    }
}
