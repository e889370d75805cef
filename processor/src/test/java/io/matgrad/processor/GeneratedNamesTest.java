package io.matgrad.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.matgrad.processor.testing.Compilations.compile;
import static io.matgrad.processor.testing.Compilations.models;

import org.junit.jupiter.api.Test;

/** Generated code compiles whatever the user named things: names are the user's, not matgrad's. */
class GeneratedNamesTest {

    @Test
    void localsNamedLikeGeneratedTemporaries() {
        assertThat(compile(models("""
                @Differentiable(wrt = {"x", "value"})
                static double f(DMatrixRMaj A, DMatrixRMaj x, double value) {
                    DMatrixRMaj t1 = mult(A, x);
                    DMatrixRMaj gradX = exp(t1);
                    double logSumExp = logSumExp(gradX);
                    double normSq = normSq(t1) * value;
                    DMatrixRMaj t2 = scale(logSumExp, t1);
                    return normSq + sum(t2) + logSumExp;
                }
                """))).succeededWithoutWarnings();
    }

    @Test
    void parametersNamedLikeGeneratedOutputsAndWorkspaces() {
        assertThat(compile(models("""
                @Differentiable(wrt = {"gradX", "x", "workspace"})
                static double f(DMatrixRMaj gradX, DMatrixRMaj x, DMatrixRMaj workspace, DMatrixRMaj gradGradX) {
                    return dot(gradX, x) + normSq(workspace) + sum(gradGradX);
                }
                """))).succeededWithoutWarnings();
    }

    @Test
    void parametersNamedLikeTheClassesGeneratedCodeCalls() {
        assertThat(compile(models("""
                @Differentiable(wrt = {"CommonOps_DDRM", "Arguments"})
                static double f(DMatrixRMaj CommonOps_DDRM, DMatrixRMaj Arguments, DMatrixRMaj Elementwise) {
                    return normSq(mult(CommonOps_DDRM, Arguments)) + sum(tanh(Elementwise));
                }
                """))).succeededWithoutWarnings();
    }

    @Test
    void namesLikeTheVariablesOfFusedLoops() {
        assertThat(compile(models("""
                @Differentiable(wrt = {"x", "i"})
                static double f(DMatrixRMaj i, DMatrixRMaj x, DMatrixRMaj entry) {
                    DMatrixRMaj z = mult(i, x);
                    DMatrixRMaj i2 = tanh(z);
                    return normSq(sub(i2, entry)) + sum(softplus(z)) + sum(elementMult(exp(i2), entry));
                }
                """))).succeededWithoutWarnings();
    }
}
