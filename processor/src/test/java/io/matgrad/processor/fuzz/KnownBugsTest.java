package io.matgrad.processor.fuzz;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The smallest reproducer of each bug the fuzzer found in the core packages, checked the way the
 * fuzzer checks. Disabled while the bug is open; the fuzzer's {@code KNOWN_BUGS} lists the seeds it
 * explains.
 */
class KnownBugsTest {
    static final String OVERWRITTEN_TEMPORARY = "opt: a temporary is updated in place (t2 = 2 t2; t2 = s1 t1 + s1 t2)"
            + " while a later step still reads its old value (add(2.0, t2, ...); gradA = t2 + s1 t2):"
            + " logSumExp(scale(2.0, transpose(A))), norm(add(elementMult(A, A), A))";

    static final String SIMPLIFIER_RECURSION = "opt: Simplifier recurses without end (StackOverflowError in"
            + " Simplifier$Rules.visitMatMul, reported as [MatgradInternalError]) on"
            + " dot(diag(mult(mult(v, mult(P, Q)), c)), diag(v)) wrt c, with v 3x1, P 1x2, Q 2x1, c 1x1";

    @Test
    @Disabled("bug: " + SIMPLIFIER_RECURSION)
    void simplifierRecursesOnProductsOfOneByOneMatrices() {
        assertThat(GradientFuzzTest.probe(List.of(Functions.of("f0", "v 3x1, P 1x2, Q 2x1, c 1x1", "c",
                "return dot(diag(mult(mult(v, mult(P, Q)), c)), diag(v));"))))
                .isEmpty();
    }

    @Test
    @Disabled("bug: " + OVERWRITTEN_TEMPORARY)
    void temporaryReadAfterItWasOverwritten() {
        assertThat(GradientFuzzTest.probe(List.of(
                Functions.of("f0", "A 3x2", "A", "return logSumExp(scale(2.0, transpose(A)));"),
                Functions.of("f4", "A 3x2", "A", "return norm(add(elementMult(A, A), A));"),
                Functions.of("f5", "A 3x2", "A", "return logSumExp(neg(transpose(A)));"),
                Functions.of("f1", "A 3x3, S 3x3 spd", "A", "return logSumExp(scale(2.0, solve(S, A)));"),
                Functions.of("f2", "A 3x3, B 3x3", "A", "return logSumExp(scale(2.0, sub(A, B)));"),
                Functions.of("f3", "S 3x3 spd, s, A 3x3", "S", "return det(add(S, mult(transpose(tanh(scale(s, sub(A,"
                        + " elementMult(S, S))))), tanh(scale(s, sub(A, elementMult(S, S)))))));"))))
                .isEmpty();
    }

    /** The reproducers themselves pass the checker where the bug is not triggered. */
    @Test
    void theCheckerAcceptsCorrectGradients() {
        assertThat(GradientFuzzTest.probe(List.of(
                Functions.of("f0", "A 3x2", "A", "return logSumExp(scale(2.0, A));"),
                Functions.of("f1", "A 3x3, S 3x3 spd", "A", "return logSumExp(solve(S, A)) + logDet(S);"))))
                .isEmpty();
    }
}
