package io.matgrad.tests;

import static io.matgrad.runtime.MatrixOps.*;

import io.matgrad.annotations.Differentiable;
import org.ejml.data.DMatrixRMaj;

/**
 * Functions whose annotated method fails where the function its formula denotes does not: matgrad
 * differentiates the formula as exact arithmetic simplifies it (an unused local is not computed,
 * 0·x = 0, x − x = 0), so the generated code returns the finite value of the simplified formula
 * where the method throws or gives NaN because of such a term.
 */
public class Semantics {

    /** The unused inverse throws at a singular S in the method; the function is ‖x‖². */
    @Differentiable(wrt = "x")
    public static double unusedInverse(DMatrixRMaj S, DMatrixRMaj x) {
        DMatrixRMaj unused = inv(S);
        return normSq(x);
    }

    /** 0 · logDet(S) throws at a singular S in the method; the function is ‖x‖². */
    @Differentiable(wrt = "x")
    public static double zeroTimesLogDet(DMatrixRMaj S, DMatrixRMaj x) {
        return normSq(x) + 0.0 * logDet(S);
    }

    /** 0 · Σ e^x is 0 · ∞ = NaN in the method where e^x overflows; the function is ‖x‖². */
    @Differentiable(wrt = "x")
    public static double zeroTimesOverflow(DMatrixRMaj x) {
        return normSq(x) + 0.0 * sum(exp(x));
    }

    /** e^x − e^x is ∞ − ∞ = NaN in the method where e^x overflows; the function is ‖x‖². */
    @Differentiable(wrt = "x")
    public static double differenceOfOverflows(DMatrixRMaj x) {
        return normSq(x) + sum(sub(exp(x), exp(x)));
    }
}
