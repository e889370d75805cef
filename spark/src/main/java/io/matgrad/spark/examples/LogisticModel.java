package io.matgrad.spark.examples;

import static io.matgrad.runtime.MatrixOps.*;

import io.matgrad.annotations.Differentiable;
import org.ejml.data.DMatrixRMaj;

/**
 * The example's model, written as for one machine: matgrad generates {@code LogisticModelGradients}
 * when this module compiles. The data term is a sum over rows, so a block of rows evaluates it on its
 * own rows and Spark adds the blocks; the penalty depends on the weights alone and is added once, on
 * the driver.
 */
public final class LogisticModel {
    private LogisticModel() {}

    /**
     * A block's share of logistic regression's mean negative log-likelihood over m rows in all, for
     * the block's rows X with labels y in {0, 1}: {@code (1/m) Σᵢ softplus(xᵢᵀw) − yᵢ xᵢᵀw}, whose
     * gradient is {@code Xᵀ(σ(Xw) − y) / m}. The mean rather than the sum keeps the loss and its
     * gradient of order one whatever the number of rows, which is the scale BFGS's first step
     * assumes.
     */
    @Differentiable(wrt = "w")
    public static double logisticLoss(DMatrixRMaj X, DMatrixRMaj w, DMatrixRMaj y, double m) {
        DMatrixRMaj z = mult(X, w);
        return (sum(softplus(z)) - dot(y, z)) / m;
    }

    /** The ridge penalty {@code (λ/2)‖w‖²}. */
    @Differentiable(wrt = "w")
    public static double ridge(DMatrixRMaj w, double lambda) {
        return 0.5 * lambda * normSq(w);
    }
}
