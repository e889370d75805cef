package io.matgrad.benchmarks;

import static io.matgrad.runtime.MatrixOps.*;

import io.matgrad.annotations.Differentiable;
import org.ejml.data.DMatrixRMaj;

/** The formula of the Hessian benchmarks, with {@code hessian = true}. */
public final class SecondOrderFunctions {
    private SecondOrderFunctions() {}

    /** Logistic regression's negative log-likelihood, whose Hessian is Xᵀ diag(σ(z) ∘ (1 − σ(z))) X. */
    @Differentiable(wrt = "w", hessian = true)
    public static double logistic(DMatrixRMaj X, DMatrixRMaj w, DMatrixRMaj y) {
        DMatrixRMaj z = mult(X, w);
        return sum(softplus(z)) - dot(y, z);
    }
}
