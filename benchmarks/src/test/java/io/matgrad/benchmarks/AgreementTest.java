package io.matgrad.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every baseline computes what the generated code computes, so that the suite compares equal
 * work: the expert code, finite differences and runtime AD against the generated gradients, to
 * 1e-6 relative (Frobenius norm), and every value against the forward function.
 */
class AgreementTest {
    private static final double TOLERANCE = 1e-6;

    static List<String> functions() {
        return Problems.names();
    }

    @ParameterizedTest
    @MethodSource("functions")
    void atTheSmallSizeEveryImplementationAgrees(String function) {
        Problem problem = Problems.create(function, Size.SMALL);
        double value = problem.forward();
        DMatrixRMaj[] reference = assertGeneratedAndExpertAgree(function, problem, value);
        assertValue(function + " runtime AD", value, problem.runtimeAdValueAndGrad());
        assertGradients(function + " runtime AD", reference, problem.gradients(Implementation.RUNTIME_AD));
        problem.finiteDifferences();
        assertGradients(function + " finite differences", reference, problem.gradients(Implementation.FINITE_DIFFERENCES));
        assertEquals(value, problem.forward(), 0, function + ": finite differences restore the inputs exactly");
    }

    @ParameterizedTest
    @MethodSource("functions")
    void atTheLargeSizeTheExpertAgreesWithTheGeneratedCode(String function) {
        Problem problem = Problems.create(function, Size.LARGE);
        assertGeneratedAndExpertAgree(function, problem, problem.forward());
    }

    @ParameterizedTest
    @MethodSource("functions")
    void theSmallSizeHasAbout100Unknowns(String function) {
        int unknowns = Problems.create(function, Size.SMALL).unknowns();
        assertTrue(unknowns >= 90 && unknowns <= 110, function + " has " + unknowns + " unknowns at the small size");
    }

    /**
     * Asserts that every generated method and the expert's code agree with the generated grad (and
     * with {@code value}, the forward function's), as checked at both sizes; returns the generated
     * grad, the reference the baselines of the small size are held to.
     */
    private static DMatrixRMaj[] assertGeneratedAndExpertAgree(String function, Problem problem, double value) {
        problem.generatedGrad();
        DMatrixRMaj[] reference = problem.gradients(Implementation.GENERATED_GRAD);
        assertValue(function + " generated value+grad", value, problem.generatedValueAndGrad());
        assertGradients(function + " generated value+grad", reference, problem.gradients(Implementation.GENERATED_VALUE_AND_GRAD));
        assertValue(function + " workspace value", value, problem.workspaceValue());
        assertValue(function + " workspace value+grad", value, problem.workspaceValueAndGrad());
        assertGradients(function + " workspace value+grad", reference, problem.gradients(Implementation.WORKSPACE_VALUE_AND_GRAD));
        assertValue(function + " expert", value, problem.expertValueAndGrad());
        assertGradients(function + " expert", reference, problem.gradients(Implementation.EXPERT_VALUE_AND_GRAD));
        return reference;
    }

    private static void assertValue(String what, double expected, double actual) {
        assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)), what + ": value");
    }

    private static void assertGradients(String what, DMatrixRMaj[] expected, DMatrixRMaj[] actual) {
        assertEquals(expected.length, actual.length, what + ": number of gradients");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].numRows, actual[i].numRows, what + ": rows of gradient " + i);
            assertEquals(expected[i].numCols, actual[i].numCols, what + ": columns of gradient " + i);
            DMatrixRMaj difference = CommonOps_DDRM.subtract(actual[i], expected[i], null);
            double error = NormOps_DDRM.normF(difference) / Math.max(1e-12, NormOps_DDRM.normF(expected[i]));
            assertTrue(error <= TOLERANCE, what + ": gradient " + i + " differs by " + error + " (relative)");
        }
    }
}
