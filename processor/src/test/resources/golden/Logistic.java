package golden;

import static io.matgrad.runtime.MatrixOps.*;

import io.matgrad.annotations.Differentiable;
import org.ejml.data.DMatrixRMaj;

public class Logistic {
    /** The negative log-likelihood of logistic regression, with labels y in {0, 1}. */
    @Differentiable(wrt = "w", hessian = true)
    public static double logisticLoss(DMatrixRMaj X, DMatrixRMaj w, DMatrixRMaj y) {
        DMatrixRMaj z = mult(X, w);
        return sum(sub(softplus(z), elementMult(y, z)));
    }

    /** Class probabilities, a vector function. */
    @Differentiable(wrt = "w")
    public static DMatrixRMaj probabilities(DMatrixRMaj X, DMatrixRMaj w) {
        return sigmoid(mult(X, w));
    }
}
