package io.matgrad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Positions that make each of treeAggregate's tasks add a contiguous run of partitions. */
class TreeLayoutTest {

    @Test
    void levelsAreSparksTreeAggregateLevels() {
        // RDD.treeAggregate, depth 2: 4 partitions go straight to the driver, 12 through 3 tasks,
        // 100 through 10; depth 3 on 1000 partitions: 100 tasks, then 10
        assertEquals(List.of(), TreeLayout.levels(4, 2));
        assertEquals(List.of(3), TreeLayout.levels(12, 2));
        assertEquals(List.of(10), TreeLayout.levels(100, 2));
        assertEquals(List.of(100, 10), TreeLayout.levels(1000, 3));
        assertEquals(List.of(), TreeLayout.levels(1000, 1));
    }

    @Test
    void positionsArePermutationsAndEveryTaskHoldsAContiguousRun() {
        for (int partitions = 1; partitions <= 300; partitions++) {
            for (int depth = 1; depth <= 4; depth++) {
                int[] positions = TreeLayout.positions(partitions, depth);
                boolean[] seen = new boolean[partitions];
                for (int position : positions) {
                    assertTrue(!seen[position], "a permutation");
                    seen[position] = true;
                }
                assertContiguousTasks(partitions, depth, positions);
            }
        }
    }

    /** Follows Spark's assignment level by level: partition i goes to task i % p, task t to t % p'. */
    private static void assertContiguousTasks(int partitions, int depth, int[] positions) {
        int[] task = new int[partitions];
        for (int i = 0; i < partitions; i++) {
            task[i] = i;
        }
        for (int tasks : TreeLayout.levels(partitions, depth)) {
            TreeMap<Integer, List<Integer>> byTask = new TreeMap<>();
            for (int i = 0; i < partitions; i++) {
                task[i] %= tasks;
                byTask.computeIfAbsent(task[i], t -> new ArrayList<>()).add(positions[i]);
            }
            for (List<Integer> run : byTask.values()) {
                int min = run.stream().mapToInt(Integer::intValue).min().orElseThrow();
                int max = run.stream().mapToInt(Integer::intValue).max().orElseThrow();
                assertEquals(run.size() - 1, max - min, partitions + " partitions, depth " + depth + ": " + run);
            }
        }
    }

    @Test
    void withoutIntermediateLevelsAPartitionsPositionIsItsIndex() {
        assertArrayEquals(new int[] {0, 1, 2, 3}, TreeLayout.positions(4, 2));
        // 12 partitions in 3 tasks: {0, 3, 6, 9}, {1, 4, 7, 10}, {2, 5, 8, 11}
        assertArrayEquals(new int[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, TreeLayout.positions(12, 2));
    }
}
