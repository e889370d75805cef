package io.matgrad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.JavaSerializer;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.Serializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/** The order-independent sum, without Spark: every grouping and arrival order gives the same bits. */
class PairwiseSumTest {
    private static final int N = 3;

    /** Partition sums of wildly different magnitudes, so that the order of additions shows in the bits. */
    private static List<double[]> parts(int count, Random random) {
        List<double[]> parts = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            double[] part = new double[N + 1];
            for (int i = 0; i <= N; i++) {
                part[i] = random.nextGaussian() * Math.pow(10, random.nextInt(17) - 8);
            }
            parts.add(part);
        }
        return parts;
    }

    private static PairwiseSum leaf(int position, double[] part) {
        return PairwiseSum.of(position, part[0], new double[] {part[1], part[2], part[3]});
    }

    /** Value first, then the gradient. */
    private static double[] total(PairwiseSum sum) {
        double[] gradient = new double[N];
        double value = sum.total(gradient);
        return new double[] {value, gradient[0], gradient[1], gradient[2]};
    }

    /** The documented tree, written out recursively: halves of aligned blocks, then the rest in order. */
    private static double[] reference(List<double[]> parts) {
        double[] total = null;
        int start = 0;
        while (start < parts.size()) {
            int size = Integer.highestOneBit(parts.size() - start);
            double[] block = block(parts, start, size);
            if (total == null) {
                total = block;
            } else {
                for (int i = 0; i <= N; i++) {
                    total[i] += block[i];
                }
            }
            start += size;
        }
        return total;
    }

    private static double[] block(List<double[]> parts, int start, int size) {
        if (size == 1) {
            return parts.get(start).clone();
        }
        double[] left = block(parts, start, size / 2);
        double[] right = block(parts, start + size / 2, size / 2);
        for (int i = 0; i <= N; i++) {
            left[i] += right[i];
        }
        return left;
    }

    @Test
    void everyArrivalOrderAndGroupingGivesTheTreesBits() {
        Random random = new Random(42);
        for (int count : new int[] {1, 2, 3, 5, 8, 12, 13, 31, 64, 100}) {
            List<double[]> parts = parts(count, random);
            double[] expected = reference(parts);
            for (int trial = 0; trial < 20; trial++) {
                assertArrayEquals(expected, total(randomlyGrouped(parts, random)), 0.0, count + " partitions");
            }
        }
    }

    /** The parts shuffled, added into a few groups, and the groups added in a random order. */
    private static PairwiseSum randomlyGrouped(List<double[]> parts, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            order.add(p);
        }
        Collections.shuffle(order, random);
        List<PairwiseSum> groups = new ArrayList<>();
        for (int g = 1 + random.nextInt(4); g > 0; g--) {
            groups.add(PairwiseSum.empty());
        }
        for (int p : order) {
            groups.get(random.nextInt(groups.size())).add(leaf(p, parts.get(p)));
        }
        Collections.shuffle(groups, random);
        PairwiseSum total = PairwiseSum.empty();
        groups.forEach(total::add);
        assertEquals(parts.size(), total.partitions());
        return total;
    }

    @Test
    void theOrderMattersToAPlainSumSoTheTestCanFail() {
        // the same parts added left to right in two orders differ in the last bits: what the tree prevents
        List<double[]> parts = parts(12, new Random(42));
        double forward = 0;
        double backward = 0;
        for (int p = 0; p < parts.size(); p++) {
            forward += parts.get(p)[0];
            backward += parts.get(parts.size() - 1 - p)[0];
        }
        assertTrue(forward != backward, "pick parts whose sum depends on the order");
    }

    /**
     * treeAggregate ships partial sums between executors with spark.serializer: Java serialization
     * by default, Kryo in many tuned applications. Both must rebuild the blocks and their sums.
     */
    @Test
    void survivesJavaSerializationAndKryo() {
        List<double[]> parts = parts(7, new Random(3));
        PairwiseSum sum = PairwiseSum.empty();
        for (int p = 0; p < 6; p++) {
            sum.add(leaf(p, parts.get(p)));
        }
        SparkConf conf = new SparkConf();
        for (Serializer serializer : List.of(new JavaSerializer(conf), new KryoSerializer(conf))) {
            SerializerInstance instance = serializer.newInstance();
            ClassTag<PairwiseSum> tag = ClassTag$.MODULE$.apply(PairwiseSum.class);
            PairwiseSum copy = instance.deserialize(instance.serialize(sum, tag), tag);
            copy.add(leaf(6, parts.get(6)));
            assertArrayEquals(reference(parts), total(copy), 0.0, serializer.getClass().getSimpleName());
        }
    }

    @Test
    void nothingSumsToZero() {
        double[] gradient = {1, 2, 3};
        assertEquals(0.0, PairwiseSum.empty().total(gradient));
        assertArrayEquals(new double[N], gradient);
    }

    @Test
    void aPartitionAddedTwiceIsAnErrorNotADoubleCount() {
        PairwiseSum sum = PairwiseSum.empty().add(leaf(0, new double[] {1, 1, 1, 1})).add(leaf(1, new double[4]));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sum.add(leaf(1, new double[4])));
        assertEquals("partitions [1, 2) were added to a sum that already holds some of them", e.getMessage());
    }
}
