package aelab.models.clustering;

import aelab.models.Rows;

import aelab.Results;
import aelab.losses.Losses;
import aelab.nn.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * How the scale of the codes shapes DEC's target. The Student's t kernel sees distances directly:
 * codes far apart give a Q that is already hard, crowded ones a flat Q, and either way the target P
 * asks little of the fine-tuning (why DEC once gained nothing here).
 */
public final class CodeScale {

    private CodeScale() {}

    /** Mean Euclidean norm of the codes, one row each. */
    public static double meanNorm(float[][] codes) {
        double total = 0;
        for (float[] z : codes) {
            double sq = 0;
            for (float v : z) {
                sq += v * v;
            }
            total += Math.sqrt(sq);
        }
        return total / codes.length;
    }

    /**
     * What DEC's first target would teach if codes and centres were {@code scale} times as large:
     * {@code max_q}, the mean largest entry of Q (near 1: Q is already hard), and {@code kl}, the
     * mean KL(P || Q) the fine-tuning starts from (near 0: P asks for nothing new).
     */
    public static Map<String, Double> targetStrength(float[][] codes, float[][] centres, double scale) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray q = Losses.studentTAssignment(Scalars.mul(Rows.create(m, codes), (float) scale),
                    Scalars.mul(Rows.create(m, centres), (float) scale), 1f);
            NDArray p = Losses.targetDistribution(q);
            return Map.of("max_q", (double) q.max(new int[] {1}).mean().getFloat(),
                    "kl", (double) Losses.klDivergence(p, q).getFloat());
        }
    }

    /** {@link #targetStrength} at each scale, as a table: scale, mean code norm, mean largest q, KL(P || Q). */
    public static Table targetStrengthTable(float[][] codes, float[][] centres, double... scales) {
        double norm = meanNorm(codes);
        Table table = Table.create("DEC's first target with the codes scaled", DoubleColumn.create("scale"),
                DoubleColumn.create("mean code norm"), DoubleColumn.create("mean largest q"),
                DoubleColumn.create("KL(P || Q)"));
        for (double scale : scales) {
            Map<String, Double> t = targetStrength(codes, centres, scale);
            table.doubleColumn(0).append(scale);
            table.doubleColumn(1).append(norm * scale);
            table.doubleColumn(2).append(t.get("max_q"));
            table.doubleColumn(3).append(t.get("kl"));
        }
        return Results.fourDigits(table);
    }
}
