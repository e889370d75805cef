package io.matgrad.tests;

import static io.matgrad.runtime.MatrixOps.*;

import io.matgrad.annotations.Differentiable;
import org.ejml.data.DMatrixRMaj;

/** Helpers that {@link Composition} calls from another class: overloads of one name, by arity. */
public class CompositionLayers {

    /** A dense layer with a bias, {@code tanh(W x + b)}. */
    @Differentiable(wrt = "x")
    public static DMatrixRMaj layer(DMatrixRMaj W, DMatrixRMaj x, DMatrixRMaj b) {
        DMatrixRMaj z = add(mult(W, x), b);
        return tanh(z);
    }

    /** A dense layer without a bias, {@code tanh(W x)}. */
    @Differentiable(wrt = "x")
    public static DMatrixRMaj layer(DMatrixRMaj W, DMatrixRMaj x) {
        DMatrixRMaj z = mult(W, x);
        return tanh(z);
    }
}
