package io.matgrad.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Where each partition sits in the {@link PairwiseSum} tree: positions chosen so that the partitions
 * one task of {@code treeAggregate} combines are contiguous, and so can be added there rather than
 * shipped on to the driver one by one.
 *
 * <p>{@code RDD.treeAggregate(zero, seqOp, combOp, depth)} (Spark 3.5) combines
 * {@code P} partial results in levels: with {@code scale = max(ceil(P^(1/depth)), 2)}, while
 * {@code p > scale + ceil(p / scale)} it divides {@code p} by {@code scale} and sends the result of
 * partition {@code i} to task {@code i % p}; the driver combines what remains. A partition's
 * position is its rank in the order of (its task at the last level, ..., its task at the first
 * level, its index): every task's partitions are then a contiguous run. This mirrors Spark's
 * arithmetic; should Spark change it, the sums stay exactly as deterministic, and fewer of them are
 * added before the driver.
 */
final class TreeLayout {
    private TreeLayout() {}

    /** {@code positions[i]} is partition {@code i}'s position, a permutation of {@code 0 .. P-1}. */
    static int[] positions(int partitions, int depth) {
        List<Integer> levels = levels(partitions, depth);
        int[][] keys = new int[partitions][];
        for (int i = 0; i < partitions; i++) {
            keys[i] = key(i, levels);
        }
        Integer[] order = new Integer[partitions];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing(i -> keys[i], Arrays::compare));
        int[] positions = new int[partitions];
        for (int rank = 0; rank < partitions; rank++) {
            positions[order[rank]] = rank;
        }
        return positions;
    }

    /** The task counts of treeAggregate's intermediate levels, first level first (RDD.scala). */
    static List<Integer> levels(int partitions, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("a tree depth must be at least 1, not " + depth);
        }
        List<Integer> levels = new ArrayList<>();
        int p = partitions;
        int scale = Math.max((int) Math.ceil(Math.pow(partitions, 1.0 / depth)), 2);
        while (p > scale + Math.ceil((double) p / scale)) {
            p /= scale;
            levels.add(p);
        }
        return levels;
    }

    /** (task at the last level, ..., task at the first level, partition index). */
    private static int[] key(int partition, List<Integer> levels) {
        int[] key = new int[levels.size() + 1];
        int task = partition;
        for (int level = 0; level < levels.size(); level++) {
            task %= levels.get(level);
            key[levels.size() - 1 - level] = task;
        }
        key[levels.size()] = partition;
        return key;
    }
}
