package io.matgrad.tests;

import static io.matgrad.runtime.MatrixOps.*;

import io.matgrad.annotations.Differentiable;
import org.ejml.data.DMatrixRMaj;

/**
 * The full operator set: inverse, solve, determinant, log-determinant, the elementwise functions,
 * diag, the norms, logSumExp and {@code Math.*}; each alone, in chains with the core language
 * (matrix-valued {@code wrt} reaching through them), and in the models people write with them.
 */
public class Operators {

    // ---------------------------------------------------------------- one operator at a time

    @Differentiable(wrt = {"X", "C"})
    public static double traceOfInverse(DMatrixRMaj C, DMatrixRMaj X) {
        return trace(mult(C, inv(X)));
    }

    @Differentiable(wrt = "S")
    public static double sumOfInverse(DMatrixRMaj S) {
        return sum(inv(S));
    }

    @Differentiable(wrt = {"A", "b", "c"})
    public static double solveVector(DMatrixRMaj A, DMatrixRMaj b, DMatrixRMaj c) {
        return dot(c, solve(A, b));
    }

    @Differentiable(wrt = {"A", "B"})
    public static double solveMatrix(DMatrixRMaj A, DMatrixRMaj B, DMatrixRMaj C) {
        return trace(mult(C, solve(A, B)));
    }

    @Differentiable(wrt = "X")
    public static double determinant(DMatrixRMaj X) {
        return det(X);
    }

    @Differentiable(wrt = {"X", "a"})
    public static double scaledDeterminant(double a, DMatrixRMaj X) {
        return a * det(X) + det(scale(a, X));
    }

    @Differentiable(wrt = "X")
    public static double logDeterminant(DMatrixRMaj X) {
        return logDet(X);
    }

    @Differentiable(wrt = {"A", "B", "C"})
    public static double productAndQuotient(DMatrixRMaj A, DMatrixRMaj B, DMatrixRMaj C) {
        return sum(elementDiv(elementMult(A, B), C));
    }

    @Differentiable(wrt = {"A", "P"})
    public static double expAndLog(DMatrixRMaj A, DMatrixRMaj P) {
        return sum(exp(A)) + dot(A, log(P));
    }

    @Differentiable(wrt = {"A", "B"})
    public static double tanhSigmoidSoftplus(DMatrixRMaj A, DMatrixRMaj B) {
        return sum(tanh(A)) + dot(B, sigmoid(A)) + dot(B, softplus(scale(2.0, A)));
    }

    @Differentiable(wrt = {"A", "P"})
    public static double squareAndSqrt(DMatrixRMaj A, DMatrixRMaj P) {
        return dot(square(A), P) + sum(sqrt(P));
    }

    @Differentiable(wrt = {"P", "A"})
    public static double constantPowers(DMatrixRMaj P, DMatrixRMaj A) {
        return sum(pow(P, 2.5)) + sum(pow(A, 3.0)) + dot(A, pow(P, -0.5));
    }

    @Differentiable(wrt = {"P", "e"})
    public static double variablePower(DMatrixRMaj P, double e) {
        return sum(pow(P, e));
    }

    @Differentiable(wrt = {"v", "A"})
    public static double diagonal(DMatrixRMaj v, DMatrixRMaj A) {
        return trace(mult(diag(v), A)) + normSq(mult(A, diag(v)));
    }

    @Differentiable(wrt = {"A", "x"})
    public static double norms(DMatrixRMaj A, DMatrixRMaj x) {
        return norm(A) + norm(mult(A, x)) * normSq(x);
    }

    @Differentiable(wrt = "A")
    public static double logSumExpOfMatrix(DMatrixRMaj A) {
        return logSumExp(A);
    }

    @Differentiable(wrt = {"a", "b"})
    public static double mathFunctions(double a, double b) {
        return Math.exp(a) + Math.log(b) + Math.sqrt(a * b) + Math.pow(a, b) + Math.tanh(a - b) + Math.pow(b, 3.0);
    }

    @Differentiable(wrt = "x")
    public static double mathOfReductions(DMatrixRMaj x) {
        double s = normSq(x);
        return Math.exp(-s) * Math.log(1 + sum(square(x))) + Math.sqrt(dot(x, x)) + Math.pow(s, 1.5) + Math.tanh(sum(x));
    }

    // ---------------------------------------------------------------- chains with the core language

    /** ‖(S + XXᵀ)⁻¹y‖²: X reaches the inverse through a product and a sum. */
    @Differentiable(wrt = {"X", "y"})
    public static double inverseOfGram(DMatrixRMaj S, DMatrixRMaj X, DMatrixRMaj y) {
        return normSq(mult(inv(add(S, mult(X, transpose(X)))), y));
    }

    /** tr((XᵀX)⁻¹) for a tall X: a matrix wrt through a Gram matrix and an inverse. */
    @Differentiable(wrt = "X")
    public static double traceOfInverseGram(DMatrixRMaj X) {
        return trace(inv(mult(transpose(X), X)));
    }

    /** log det(S + WWᵀ), the low-rank-plus-diagonal covariance of factor analysis. */
    @Differentiable(wrt = {"W", "S"})
    public static double logDetLowRank(DMatrixRMaj S, DMatrixRMaj W) {
        return logDet(add(S, mult(W, transpose(W))));
    }

    @Differentiable(wrt = {"X", "Y", "a"})
    public static double determinantOfCombination(DMatrixRMaj X, DMatrixRMaj Y, double a) {
        return det(add(X, scale(0.1 * a, Y))) / (1 + a * a);
    }

    /** A nonlinear least-squares residual through solve: ‖A⁻¹(B tanh(Cx)) − y‖². */
    @Differentiable(wrt = {"A", "B", "x"})
    public static double solveOfNonlinear(DMatrixRMaj A, DMatrixRMaj B, DMatrixRMaj C, DMatrixRMaj x, DMatrixRMaj y) {
        return normSq(sub(solve(A, mult(B, tanh(mult(C, x)))), y));
    }

    @Differentiable(wrt = {"W", "V", "x"})
    public static double gatedUnit(DMatrixRMaj W, DMatrixRMaj V, DMatrixRMaj x) {
        return sum(elementMult(sigmoid(mult(W, x)), tanh(mult(V, x))));
    }

    @Differentiable(wrt = {"A", "x"})
    public static double nestedElementwise(DMatrixRMaj A, DMatrixRMaj x) {
        return logSumExp(softplus(mult(A, exp(scale(0.5, x)))));
    }

    @Differentiable(wrt = {"P", "Q"})
    public static double logOfQuotient(DMatrixRMaj P, DMatrixRMaj Q) {
        return sum(log(elementDiv(P, Q))) + norm(sqrt(elementMult(P, Q)));
    }

    /** diag through a solve: Σ ((diag(e^d) + A)⁻¹ b)ᵢ. */
    @Differentiable(wrt = {"d", "A"})
    public static double diagonalShiftSolve(DMatrixRMaj d, DMatrixRMaj A, DMatrixRMaj b) {
        return sum(solve(add(diag(exp(d)), A), b));
    }

    /** log det(A) + tr(A⁻¹) − log det(A⁻¹): logDet of an inverse, and a symmetric indefinite A. */
    @Differentiable(wrt = "A")
    public static double logDetOfInverse(DMatrixRMaj A) {
        return logDet(A) + trace(inv(A)) - logDet(inv(A));
    }

    /** The closed-form ridge fit as a function of λ and the data: ‖y − X(XᵀX + λI)⁻¹Xᵀy‖². */
    @Differentiable(wrt = {"lambda", "X", "y"})
    public static double ridgeFitResidual(DMatrixRMaj X, DMatrixRMaj y, DMatrixRMaj I, double lambda) {
        DMatrixRMaj w = solve(add(mult(transpose(X), X), scale(lambda, I)), mult(transpose(X), y));
        return normSq(sub(y, mult(X, w)));
    }

    /** A scalar chain through every kind of Math function of matrix reductions. */
    @Differentiable(wrt = {"S", "c"})
    public static double mathOfMatrixFunctions(DMatrixRMaj S, double c) {
        double t = logDet(scale(c, S));
        return Math.pow(Math.exp(t / 10), 2.0) + Math.log(det(S)) * Math.tanh(c) + Math.sqrt(trace(inv(S)));
    }

    // ---------------------------------------------------------------- models

    /**
     * The negative log-likelihood of N samples (the columns of X) under N(μ, S), up to a constant:
     * N/2 log det S + 1/2 tr(S⁻¹ Σᵢ (xᵢ − μ)(xᵢ − μ)ᵀ).
     */
    @Differentiable(wrt = {"mu", "S"})
    public static double gaussianNll(DMatrixRMaj X, DMatrixRMaj mu, DMatrixRMaj S, DMatrixRMaj ones) {
        double n = sum(ones);
        DMatrixRMaj centered = sub(X, mult(mu, transpose(ones)));
        DMatrixRMaj scatter = mult(centered, transpose(centered));
        return n / 2 * logDet(S) + 0.5 * trace(solve(S, scatter));
    }

    /** The Gaussian NLL parametrized by the covariance's Cholesky-like factor: S = LLᵀ + εI. */
    @Differentiable(wrt = {"mu", "L"})
    public static double gaussianNllFactor(DMatrixRMaj X, DMatrixRMaj mu, DMatrixRMaj L, DMatrixRMaj I, DMatrixRMaj ones) {
        DMatrixRMaj S = add(mult(L, transpose(L)), scale(0.1, I));
        DMatrixRMaj centered = sub(X, mult(mu, transpose(ones)));
        return sum(ones) / 2 * logDet(S) + 0.5 * trace(mult(inv(S), mult(centered, transpose(centered))));
    }

    /** Gaussian graphical model: − log det P + tr(S P), minimized by the precision matrix P = S⁻¹. */
    @Differentiable(wrt = "P")
    public static double precisionEstimation(DMatrixRMaj S, DMatrixRMaj P) {
        return -logDet(P) + trace(mult(S, P));
    }

    /** Graphical lasso's smooth part with a ridge penalty: − log det P + tr(SP) + λ/2 ‖P‖². */
    @Differentiable(wrt = {"P", "lambda"})
    public static double penalizedPrecision(DMatrixRMaj S, DMatrixRMaj P, double lambda) {
        return -logDet(P) + dot(S, P) + lambda / 2 * normSq(P);
    }

    /** Logistic regression's loss: Σ softplus(Xw) − yᵀXw + λ‖w‖². */
    @Differentiable(wrt = {"w", "lambda"})
    public static double logisticRegression(DMatrixRMaj X, DMatrixRMaj w, DMatrixRMaj y, double lambda) {
        DMatrixRMaj z = mult(X, w);
        return sum(softplus(z)) - dot(y, z) + lambda * normSq(w);
    }

    /**
     * Logistic regression as cross-entropy of probabilities: −Σ y log σ(z) + (1 − y) log(1 − σ(z)),
     * with 1 − σ(z) written σ(−z): the same function, defined for every input, where a vector of
     * ones passed in as a parameter is not (the generated test draws every parameter at random, and
     * log(ones − σ(z)) is NaN wherever a random "one" is below σ(z)).
     */
    @Differentiable(wrt = {"w", "X"})
    public static double logisticCrossEntropy(DMatrixRMaj X, DMatrixRMaj w, DMatrixRMaj y) {
        DMatrixRMaj z = mult(X, w);
        DMatrixRMaj logP = log(sigmoid(z));
        DMatrixRMaj logQ = log(sigmoid(neg(z)));
        return -(dot(y, logP) + sum(logQ) - dot(y, logQ));
    }

    /** A two-layer tanh network on a batch (columns of X): ½‖W₂ tanh(W₁X + b1ᵀ) − Y‖². */
    @Differentiable(wrt = {"W1", "W2", "b"})
    public static double twoLayerTanhNetwork(DMatrixRMaj W1, DMatrixRMaj W2, DMatrixRMaj b, DMatrixRMaj X, DMatrixRMaj Y,
            DMatrixRMaj ones) {
        DMatrixRMaj hidden = tanh(add(mult(W1, X), mult(b, transpose(ones))));
        return 0.5 * normSq(sub(mult(W2, hidden), Y));
    }

    /** Matrix completion: ½‖M ∘ (Y − UVᵀ)‖² + λ/2 (‖U‖² + ‖V‖²), M the observed entries. */
    @Differentiable(wrt = {"U", "V"})
    public static double maskedMatrixFactorization(DMatrixRMaj Y, DMatrixRMaj M, DMatrixRMaj U, DMatrixRMaj V, double lambda) {
        DMatrixRMaj residual = elementMult(M, sub(Y, mult(U, transpose(V))));
        return 0.5 * normSq(residual) + lambda / 2 * (normSq(U) + normSq(V));
    }

    /** Non-negative factorization with positivity by exp: ½‖Y − exp(A) exp(B)‖². */
    @Differentiable(wrt = {"A", "B"})
    public static double exponentialFactorization(DMatrixRMaj Y, DMatrixRMaj A, DMatrixRMaj B) {
        return 0.5 * normSq(sub(Y, mult(exp(A), exp(B))));
    }

    /** A Gaussian process's marginal likelihood: yᵀ(K + σ²I)⁻¹y + log det(K + σ²I), K given. */
    @Differentiable(wrt = {"y", "sigma", "K"})
    public static double kernelQuadraticForm(DMatrixRMaj K, DMatrixRMaj y, DMatrixRMaj I, double sigma) {
        DMatrixRMaj C = add(K, scale(sigma * sigma, I));
        return dot(y, solve(C, y)) + logDet(C);
    }

    @Differentiable(wrt = {"X", "b"})
    public static double inverseQuadraticForm(DMatrixRMaj X, DMatrixRMaj b) {
        return dot(b, mult(inv(X), b));
    }

    /** Softmax cross-entropy of one sample: logSumExp(Wx) − yᵀWx. */
    @Differentiable(wrt = {"W", "x"})
    public static double softmaxCrossEntropy(DMatrixRMaj W, DMatrixRMaj x, DMatrixRMaj y) {
        DMatrixRMaj z = mult(W, x);
        return logSumExp(z) - dot(y, z);
    }

    /** Multinomial logistic regression on a batch, one logSumExp per sample column. */
    @Differentiable(wrt = "W")
    public static double softmaxTwoSamples(DMatrixRMaj W, DMatrixRMaj x1, DMatrixRMaj x2, DMatrixRMaj y1, DMatrixRMaj y2) {
        DMatrixRMaj z1 = mult(W, x1);
        DMatrixRMaj z2 = mult(W, x2);
        return logSumExp(z1) - dot(y1, z1) + logSumExp(z2) - dot(y2, z2) + 0.01 * normSq(W);
    }

    /** A Poisson regression's negative log-likelihood: Σ exp(Xw) − yᵀXw. */
    @Differentiable(wrt = "w")
    public static double poissonRegression(DMatrixRMaj X, DMatrixRMaj w, DMatrixRMaj y) {
        DMatrixRMaj z = mult(X, w);
        return sum(exp(z)) - dot(y, z);
    }

    /** The Student-t-like robust loss Σ log(1 + r²/ν) with r = Ax − b. */
    @Differentiable(wrt = {"x", "nu"})
    public static double robustRegression(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b, DMatrixRMaj ones, double nu) {
        DMatrixRMaj r = sub(mult(A, x), b);
        return sum(log(add(ones, scale(1 / nu, square(r)))));
    }
}
