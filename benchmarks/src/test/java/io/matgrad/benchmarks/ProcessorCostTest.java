package io.matgrad.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The compile-time measurement works end to end (one round, nothing timed or asserted about time). */
class ProcessorCostTest {

    @Test
    void compilesEveryFormulaWithAndWithoutTheProcessor() throws Exception {
        ProcessorCost.Result result = new ProcessorCost().measure(ProcessorCost.formulas().size(), 0, 1);
        assertEquals(ProcessorCost.formulas().size(), result.methods());
        assertTrue(result.markdown().contains("Added per annotated method"), result.markdown());
    }

    @Test
    void theSourceHasTheRequestedNumberOfMethods() {
        String source = ProcessorCost.source(100);
        assertEquals(100, source.split("@Differentiable\\(", -1).length - 1);
        assertTrue(source.contains("leastSquares99("), "names are numbered");
    }
}
