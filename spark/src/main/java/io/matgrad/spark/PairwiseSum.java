package io.matgrad.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sum of per-partition values and gradients, added along one fixed binary tree over the
 * partitions' positions, whatever order Spark delivers them in.
 *
 * <p>Floating-point addition is not associative, and Spark combines partial results in the order
 * tasks finish (the driver's final fold) and shuffle blocks arrive (treeAggregate's intermediate
 * levels): a plain running sum would differ in its last bits from run to run. Here a partial sum
 * is a set of complete aligned blocks of positions, {@code [j 2^h, (j + 1) 2^h)}, each holding the
 * sum of its two halves (left plus right). Two halves are added the moment both are present,
 * wherever that is, so every block's sum is the same whichever way its parts travelled; the blocks
 * left at the end (the binary digits of the partition count) are added in position order. The
 * result depends on the partial results alone, and is pairwise summation besides: an error that
 * grows with log P rather than P.
 *
 * <p>{@link #add} modifies and returns its receiver, as Spark allows {@code treeAggregate}'s
 * operators to, and takes ownership of the argument's arrays.
 */
final class PairwiseSum implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Complete aligned blocks by first position: disjoint, and no two of them halves of one block. */
    private final TreeMap<Integer, Block> blocks = new TreeMap<>();

    /** The sum of partitions {@code [start, start + 2^level)}. Not a record: Kryo 4 cannot build records. */
    private static final class Block implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int start;
        private final int level;
        private double value;
        private final double[] gradient;

        Block(int start, int level, double value, double[] gradient) {
            this.start = start;
            this.level = level;
            this.value = value;
            this.gradient = gradient;
        }

        int end() {
            return start + (1 << level);
        }

        /** This block (the left half) plus its right half, in place: the block one level up. */
        Block plus(Block right) {
            double[] sum = gradient;
            for (int i = 0; i < sum.length; i++) {
                sum[i] += right.gradient[i];
            }
            return new Block(start, level + 1, value + right.value, sum);
        }
    }

    /** The sum of no partitions: treeAggregate's zero. */
    static PairwiseSum empty() {
        return new PairwiseSum();
    }

    /** One partition's value and gradient, at its position in the tree (see {@link TreeLayout}). */
    static PairwiseSum of(int position, double value, double[] gradient) {
        if (position < 0 || position >= 1 << 30) {
            throw new IllegalArgumentException("a partition position must be in [0, 2^30), not " + position);
        }
        PairwiseSum sum = new PairwiseSum();
        sum.blocks.put(position, new Block(position, 0, value, gradient));
        return sum;
    }

    /** Adds {@code other}'s partitions to this sum (which it returns); {@code other} is used up. */
    PairwiseSum add(PairwiseSum other) {
        for (Block block : other.blocks.values()) {
            insert(block);
        }
        other.blocks.clear();
        return this;
    }

    private void insert(Block block) {
        Block current = block;
        while (true) {
            requireDisjoint(current);
            int siblingStart = current.start ^ (1 << current.level);
            Block sibling = blocks.get(siblingStart);
            if (sibling == null || sibling.level != current.level) {
                blocks.put(current.start, current);
                return;
            }
            blocks.remove(siblingStart);
            current = siblingStart < current.start ? sibling.plus(current) : current.plus(sibling);
        }
    }

    /** A partition counted twice would be a silently wrong gradient: fail instead. */
    private void requireDisjoint(Block block) {
        Map.Entry<Integer, Block> before = blocks.floorEntry(block.start);
        Map.Entry<Integer, Block> after = blocks.ceilingEntry(block.start);
        boolean overlaps = (before != null && before.getValue().end() > block.start)
                || (after != null && after.getKey() < block.end());
        if (overlaps) {
            throw new IllegalStateException("partitions [" + block.start + ", " + block.end()
                    + ") were added to a sum that already holds some of them");
        }
    }

    /** How many partitions the sum holds. */
    int partitions() {
        int count = 0;
        for (Block block : blocks.values()) {
            count += 1 << block.level;
        }
        return count;
    }

    /**
     * The total: writes the gradient into {@code gradient} (zeros for no partitions) and returns the
     * value, adding the remaining blocks in position order.
     */
    double total(double[] gradient) {
        Arrays.fill(gradient, 0.0);
        double value = 0;
        boolean first = true;
        for (Block block : blocks.values()) {
            if (block.gradient.length != gradient.length) {
                throw new IllegalStateException("a partition's gradient has " + block.gradient.length
                        + " entries, not " + gradient.length);
            }
            if (first) {
                // the first block is copied, not added to zeros: 0 + (-0.0) would lose the sign
                System.arraycopy(block.gradient, 0, gradient, 0, gradient.length);
                value = block.value;
                first = false;
            } else {
                for (int i = 0; i < gradient.length; i++) {
                    gradient[i] += block.gradient[i];
                }
                value += block.value;
            }
        }
        return value;
    }
}
