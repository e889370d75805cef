package io.matgrad.spark.examples;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.ejml.data.DMatrixRMaj;

/**
 * A synthetic logistic-regression data set of any size, made where it is stored: each block of rows
 * is generated on an executor from its own seed, so the driver never holds the data, and the same
 * (seed, block) always gives the same rows, on any machine and in any order.
 *
 * <p>Row i is {@code (1, x₁, ..., x_{d−1})} with standard normal features, and its label is 1 with
 * probability {@code σ(xᵢᵀw*)} for weights w* drawn from the seed: a fit should recover w* to within
 * its sampling error, which shrinks as {@code 1/√rows}.
 */
public final class SyntheticLogisticData implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long rows;
    private final int features;
    private final int rowsPerBlock;
    private final long seed;

    /**
     * @param features columns of X, the intercept's column of ones included
     */
    public SyntheticLogisticData(long rows, int features, int rowsPerBlock, long seed) {
        if (rows < 1 || features < 1 || rowsPerBlock < 1) {
            throw new IllegalArgumentException("rows, features and rows per block must be positive: " + rows
                    + ", " + features + ", " + rowsPerBlock);
        }
        this.rows = rows;
        this.features = features;
        this.rowsPerBlock = rowsPerBlock;
        this.seed = seed;
    }

    public long rows() {
        return rows;
    }

    public int features() {
        return features;
    }

    /** How many blocks the rows make; the last one may be shorter. */
    public int blocks() {
        return Math.toIntExact((rows + rowsPerBlock - 1) / rowsPerBlock);
    }

    /** The weights the labels are drawn with: an intercept of −0.5, the others standard normal. */
    public DMatrixRMaj trueWeights() {
        SplittableRandom random = new SplittableRandom(seed);
        DMatrixRMaj w = new DMatrixRMaj(features, 1);
        w.set(0, -0.5);
        for (int j = 1; j < features; j++) {
            w.set(j, random.nextGaussian());
        }
        return w;
    }

    /** Block {@code index}: its rows and labels, the same every time. */
    public DenseBlock block(int index) {
        int first = Math.multiplyExact(index, rowsPerBlock);
        int count = (int) Math.min(rowsPerBlock, rows - first);
        DMatrixRMaj w = trueWeights();
        SplittableRandom random = new SplittableRandom(blockSeed(index));
        DMatrixRMaj X = new DMatrixRMaj(count, features);
        DMatrixRMaj y = new DMatrixRMaj(count, 1);
        for (int i = 0; i < count; i++) {
            X.set(i, 0, 1.0);
            double z = w.get(0);
            for (int j = 1; j < features; j++) {
                double x = random.nextGaussian();
                X.set(i, j, x);
                z += x * w.get(j);
            }
            y.set(i, random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0);
        }
        return new DenseBlock(X, y);
    }

    /**
     * The seed of block {@code index}'s generator, a hash of the data set's seed and the index. Not
     * {@code seed + f(index)} for a linear f: {@code SplittableRandom(s)} walks {@code s + kγ} for one
     * fixed γ, so seeds that differ by a small multiple of γ (as {@code seed ^ γ(index + 1)} do, every
     * other block) give overlapping streams, and blocks that repeat each other's rows shifted by a few
     * draws: a million rows with the information of a few thousand.
     */
    long blockSeed(int index) {
        return new SplittableRandom(seed + index).nextLong();
    }

    /**
     * The data as an RDD of blocks in {@code partitions} partitions, generated on the executors and
     * cached there (not yet computed: the first action does that).
     */
    public JavaRDD<DenseBlock> rdd(JavaSparkContext spark, int partitions) {
        List<Integer> indices = new ArrayList<>();
        for (int b = 0; b < blocks(); b++) {
            indices.add(b);
        }
        return spark.parallelize(indices, partitions).map(this::block).cache();
    }

    /** All the rows as one matrix and one label vector on this machine, for a single-machine comparison. */
    public DenseBlock whole() {
        DMatrixRMaj X = new DMatrixRMaj(Math.toIntExact(rows), features);
        DMatrixRMaj y = new DMatrixRMaj(Math.toIntExact(rows), 1);
        int row = 0;
        for (int b = 0; b < blocks(); b++) {
            DenseBlock block = block(b);
            System.arraycopy(block.X().data, 0, X.data, row * features, block.rows() * features);
            System.arraycopy(block.y().data, 0, y.data, row, block.rows());
            row += block.rows();
        }
        return new DenseBlock(X, y);
    }
}
