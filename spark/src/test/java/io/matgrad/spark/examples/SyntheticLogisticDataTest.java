package io.matgrad.spark.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticLogisticDataTest {
    private final SyntheticLogisticData data = new SyntheticLogisticData(10_500, 4, 1_000, 7);

    @Test
    void blocksAreTheSameEveryTimeAndTheLastIsShort() {
        assertEquals(11, data.blocks());
        assertArrayEquals(data.block(3).X().data, data.block(3).X().data, 0.0);
        assertEquals(500, data.block(10).rows());
    }

    /**
     * Every feature value in the data set is drawn once: no block repeats another's draws (as blocks
     * whose generators' seeds differ by a multiple of SplittableRandom's increment would, shifted).
     */
    @Test
    void noTwoBlocksShareDraws() {
        Set<Double> seen = new HashSet<>();
        int count = 0;
        for (int b = 0; b < data.blocks(); b++) {
            DenseBlock block = data.block(b);
            for (int i = 0; i < block.rows(); i++) {
                for (int j = 1; j < data.features(); j++) {
                    seen.add(block.X().get(i, j));
                    count++;
                }
            }
        }
        assertEquals(count, seen.size());
    }

    @Test
    void theWholeIsTheBlocksInOrder() {
        DenseBlock whole = data.whole();
        DenseBlock block = data.block(4);
        for (int i = 0; i < block.rows(); i++) {
            for (int j = 0; j < data.features(); j++) {
                assertEquals(block.X().get(i, j), whole.X().get(4_000 + i, j));
            }
            assertEquals(block.y().get(i), whole.y().get(4_000 + i));
        }
    }
}
