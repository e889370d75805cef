package io.matgrad.spark.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/** The README's example and scale harness, run small: they work, and their numbers are right. */
class ExamplesTest {

    @Test
    void theExampleRecoversTheWeightsTheLabelsWereDrawnWith() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("ExamplesTest")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        LogisticRegressionExample.Result result;
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            result = LogisticRegressionExample.run(spark,
                    LogisticRegressionExample.Options.parse(new String[] {"--rows", "4e4", "--features", "5",
                            "--block-rows", "5000", "--partitions", "3"}),
                    new PrintStream(printed, true, StandardCharsets.UTF_8));
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(result.converged(), output);
        // 40,000 rows: a sampling error of a few percent, at most
        assertTrue(result.relativeError() < 0.05, output);
        assertTrue(output.contains("  iter  loss                   ‖∇f‖        Spark jobs  time (s)"), output);
        assertTrue(output.contains("data   40,000 rows x 5 features"), output);
    }

    @Test
    void theHarnessPrintsATableWhoseSparkSumsAgreeWithOneMachine() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        String[] args = {"--rows", "1e4,3e4", "--block-rows", "2000", "--repeats", "2", "--warm-up-seconds", "0"};
        List<ScaleHarness.Row> table = ScaleHarness.run(ScaleHarness.Options.parse(args),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertEquals(2, table.size(), output);
        for (ScaleHarness.Row row : table) {
            assertTrue(row.worstRelativeDifference() < 1e-10, output);
            assertEquals(List.of("local[1]", "local[2]"), List.copyOf(row.sparkMillis().keySet()));
        }
        assertTrue(output.contains(
                "| rows | one machine, workspace | one machine, by blocks | local[1] | local[1] / one machine |"), output);
        assertTrue(output.contains("| 30,000 |"), output);
    }
}
