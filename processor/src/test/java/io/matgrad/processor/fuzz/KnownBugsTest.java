package io.matgrad.processor.fuzz;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The smallest reproducer of each bug the fuzzer found in the core packages, checked the way the
 * fuzzer checks, kept as regression tests. While a bug is open, its test is disabled and the
 * fuzzer's {@code KNOWN_BUGS} lists the seeds it explains.
 */
class KnownBugsTest {

    /** Two chain-ordering rules undid each other on a product that starts with a row and ends with a column. */
    @Test
    void simplifierRecursesOnProductsOfOneByOneMatrices() {
        assertThat(GradientFuzzTest.probe(List.of(Functions.of("f0", "v 3x1, P 1x2, Q 2x1, c 1x1", "c",
                "return dot(diag(mult(mult(v, mult(P, Q)), c)), diag(v));"))))
                .isEmpty();
    }

    /** A temporary updated in place (t2 = 2 t2) while a kernel that absorbs the scale still read its old value. */
    @Test
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
