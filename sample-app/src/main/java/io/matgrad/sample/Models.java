package io.matgrad.sample;

import static io.matgrad.runtime.MatrixOps.*;

import io.matgrad.annotations.Differentiable;
import org.ejml.data.DMatrixRMaj;

/**
 * The sample's four models, written as plain formulas. matgrad generates {@code ModelsGradients}
 * from them at compile time (gradients, Jacobians, Hessians, Hessian-vector products and
 * allocation-free workspaces); each method here stays an ordinary Java method that evaluates its
 * function, which is all the finite-difference comparison runs use.
 *
 * <p>The language has no element access, so whatever a formula needs of a vector's structure
 * arrives as data: a vector of ones, a mask, a design matrix.
 */
public final class Models {
    private Models() {}

    /**
     * Penalised logistic regression, the negative log-likelihood of labels {@code y ∈ {0, 1}ⁿ} under
     * {@code P(yᵢ = 1) = σ(xᵢᵀw)} plus a ridge penalty:
     *
     * <pre>
     * f(w) = Σᵢ [softplus(zᵢ) − yᵢ zᵢ] + (λ/2) ‖m ∘ w‖²,   z = Xw
     * ∇f   = Xᵀ(σ(z) − y) + λ m ∘ m ∘ w
     * ∇²f  = Xᵀ diag(σ(z) ∘ (1 − σ(z))) X + λ diag(m ∘ m)
     * </pre>
     *
     * {@code X} is n x p, one row per sample with a leading 1 for the intercept; the mask {@code m}
     * is 0 for the intercept and 1 for the weights, so that only the weights are penalised.
     * {@code softplus(z) = log(1 + eᶻ)} is computed without overflow.
     */
    @Differentiable(wrt = "w", hessian = true)
    public static double logisticLoss(DMatrixRMaj X, DMatrixRMaj w, DMatrixRMaj y, DMatrixRMaj m, double lambda) {
        DMatrixRMaj z = mult(X, w);
        return sum(sub(softplus(z), elementMult(y, z))) + 0.5 * lambda * normSq(elementMult(m, w));
    }

    /**
     * The negative log-likelihood of n centred samples (the rows of {@code D}, n x p) under a
     * Gaussian with covariance {@code S = LLᵀ + εI}, up to the constant {@code (np/2) log 2π}:
     *
     * <pre>
     * f(L) = (n/2) log det S + (1/2) tr(S⁻¹ DᵀD),   S = LLᵀ + εI
     * </pre>
     *
     * Any real p x p matrix {@code L} gives a positive definite {@code S} (the {@code jitter} εI
     * keeps it so even where L is singular), so an unconstrained minimiser can search over L. The
     * minimum is the sample covariance {@code S = DᵀD / n}. The mean, estimated by the sample mean
     * whatever S is, is subtracted beforehand.
     */
    @Differentiable(wrt = "L")
    public static double gaussianNegLogLikelihood(DMatrixRMaj L, DMatrixRMaj D, DMatrixRMaj jitter, double n) {
        DMatrixRMaj S = add(mult(L, transpose(L)), jitter);
        return 0.5 * n * logDet(S) + 0.5 * trace(solve(S, mult(transpose(D), D)));
    }

    /**
     * The residuals of a logistic curve of life expectancy {@code y} against log income {@code t},
     *
     * <pre>
     * r(a, b, c, d) = a 1 + b σ(c (t − d 1)) − y
     * </pre>
     *
     * {@code a} is the life expectancy of the poorest, {@code a + b} that of the richest, {@code d}
     * the log income halfway between and {@code c} the steepness there; {@code ones} is the vector
     * of ones. Each parameter is a {@code double}, so each generated {@code nameJacobianA ... D} is
     * one column of the n x 4 Jacobian, {@code ∂r/∂c = b σ'(c (t − d)) ∘ (t − d)} and so on,
     * computed elementwise in O(n).
     */
    @Differentiable(wrt = {"a", "b", "c", "d"})
    public static DMatrixRMaj lifeExpectancyResiduals(DMatrixRMaj t, DMatrixRMaj y, DMatrixRMaj ones,
            double a, double b, double c, double d) {
        DMatrixRMaj curve = add(scale(a, ones), scale(b, sigmoid(scale(c, sub(t, scale(d, ones))))));
        return sub(curve, y);
    }

    /**
     * The residuals of a trend of the Mauna Loa CO2 record: a yearly cycle of two harmonics over a
     * constant baseline, linear in β, plus an exponential rise,
     *
     * <pre>
     * r(β, A, k) = Bβ + A exp(k t) − CO2
     * </pre>
     *
     * The design {@code B} (n x 5) has the columns 1, sin 2πy, cos 2πy, sin 4πy, cos 4πy of the
     * time y in years, so that {@code β = (β₀, s₁, c₁, s₂, c₂)} is the baseline and the seasonal
     * amplitudes; {@code t} is the time in decades since 1958. The generated Jacobians are the
     * design itself ({@code ∂r/∂β = B}) and the columns {@code ∂r/∂A = exp(k t)} and
     * {@code ∂r/∂k = A exp(k t) ∘ t}.
     */
    @Differentiable(wrt = {"beta", "amplitude", "rate"})
    public static DMatrixRMaj co2Residuals(DMatrixRMaj B, DMatrixRMaj t, DMatrixRMaj co2, DMatrixRMaj beta,
            double amplitude, double rate) {
        DMatrixRMaj trend = add(mult(B, beta), scale(amplitude, exp(scale(rate, t))));
        return sub(trend, co2);
    }
}
