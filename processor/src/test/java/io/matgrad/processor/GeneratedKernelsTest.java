package io.matgrad.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.matgrad.processor.testing.Compilations.compile;
import static io.matgrad.processor.testing.Compilations.generatedSource;
import static io.matgrad.processor.testing.Compilations.models;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * What the generated code calls, for optimiser decisions a golden source would bury: each test
 * reads one generated method's body. (That the code computes the right numbers is for the
 * gradient tests.)
 */
class GeneratedKernelsTest {

    @Test
    void anInverseIsFormedRightAfterItsFactorizationBeforeTheDeterminant() {
        String body = workspaceMethod(compile(models("""
                @Differentiable(wrt = "S")
                static double gaussianNll(DMatrixRMaj S, DMatrixRMaj C) {
                    return logDet(S) + trace(mult(inv(S), C));
                }
                """)), "GaussianNllWorkspace", "valueAndGrad");

        assertEquals(1, count(body, ".decompose("), body);
        int invert = body.indexOf(".invert(");
        assertTrue(invert > body.indexOf(".decompose(") && invert < body.indexOf(".logAbsDet()"),
                "the inverse comes first, so that its exact norm, not an estimate, decides singularity:\n" + body);
    }

    @Test
    void anElementwiseChainIsOneLoop() {
        String body = workspaceMethod(compile(models("""
                @Differentiable(wrt = {"W1", "W2"})
                static double twoLayerTanh(DMatrixRMaj W1, DMatrixRMaj W2, DMatrixRMaj X, DMatrixRMaj Y) {
                    DMatrixRMaj H = tanh(mult(W1, X));
                    return 0.5 * normSq(sub(mult(W2, H), Y));
                }
                """)), "TwoLayerTanhWorkspace", "valueAndGrad");

        // ∂/∂W1 reads (W2ᵀR) ∘ (1 − H²): one pass, not square, subtract and elementMult
        assertTrue(java.util.regex.Pattern.compile("(\\w+)\\.data\\[i\\] = \\1\\.data\\[i\\] \\* \\(1\\.0 - (\\w+)\\.data\\[i\\] \\* \\2\\.data\\[i\\]\\);")
                .matcher(body).find(), body);
        assertFalse(body.contains("Elementwise.square("), body);
        assertFalse(body.contains("elementMult("), body);
    }

    @Test
    void aSumOfAnElementwiseChainAllocatesNoVector() {
        String body = workspaceMethod(compile(models("""
                @Differentiable(wrt = "w")
                static double logistic(DMatrixRMaj X, DMatrixRMaj w, DMatrixRMaj y) {
                    DMatrixRMaj z = mult(X, w);
                    return sum(softplus(z)) - dot(y, z);
                }
                """)), "LogisticWorkspace", "value");

        assertTrue(body.contains("sum += Elementwise.softplus(z.data[i])"), body);
        assertFalse(body.contains("Elementwise.softplus(z, "), body);
    }

    /**
     * norm's derivatives divide by the norm: the gradient x / ‖x‖, the Hessian (I − uuᵀ) / ‖x‖ and the
     * Hessian-vector product (v − (uᵀv) u) / ‖x‖, never a power of 1 / ‖x‖ times x or xxᵀ (which
     * overflow or underflow at magnitudes where the derivatives do not: MagnitudesTest).
     */
    @Test
    void normsDerivativesAreQuotientsByTheNorm() {
        Compilation c = compile(models("""
                @Differentiable(wrt = "x", hessian = true)
                static double length(DMatrixRMaj x) {
                    return norm(x);
                }
                """));
        String gradient = workspaceMethod(c, "LengthWorkspace", "gradX");
        String hessian = workspaceMethod(c, "LengthWorkspace", "hessianX");
        String product = workspaceMethod(c, "LengthWorkspace", "hessVecX");

        assertTrue(gradient.contains("CommonOps_DDRM.divide(x, norm, gradX);"), gradient);
        // in vec(x): x may have several columns
        assertTrue(hessian.contains("CommonOps_DDRM.multOuter(t3, t1);") && hessian.contains(") / norm;"), hessian);
        assertTrue(product.contains("CommonOps_DDRM.divide(x, norm, t1);") && product.contains(") / norm;"), product);
        for (String body : new String[] {gradient, hessian, product}) {
            assertFalse(body.contains("1.0 / norm"), body);
            assertFalse(body.contains("multOuter(x,"), body);
        }
        // and the Javadoc says so, a matrix divided by a double written as such
        String source = generatedSource(c, "test.ModelsGradients");
        assertTrue(source.contains("* ∂f/∂x = x / ‖x‖\n"), source);
        assertTrue(source.contains("* H = (I − vec(x / ‖x‖) vec(x / ‖x‖)ᵀ) / ‖x‖\n"), source);
        assertTrue(source.contains("* H v = (v − ⟨x / ‖x‖, v⟩ (x / ‖x‖)) / ‖x‖\n"), source);
    }

    /** The body of {@code method} in the generated workspace class {@code workspace}. */
    private static String workspaceMethod(Compilation compilation, String workspace, String method) {
        assertThat(compilation).succeededWithoutWarnings();
        String source = generatedSource(compilation, "test.ModelsGradients");
        int type = source.indexOf("class " + workspace + " ");
        int start = source.indexOf(" " + method + "(", type);
        assertTrue(type >= 0 && start >= 0, "no " + workspace + "." + method + " in\n" + source);
        return source.substring(start, source.indexOf("\n        }\n", start));
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
