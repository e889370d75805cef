package io.matgrad.benchmarks;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * SameDiff (ND4J 1.0.0-M2.1, native CPU backend with OpenBLAS), float64, one thread: the suite's
 * functions as a SameDiff graph, built once, whose loss and gradients each call computes.
 */
final class SameDiffPeer implements PeerFunction {
    /**
     * The functions SameDiff can differentiate, in the suite's order. Not gaussianNll: in ND4J
     * 1.0.0-M2.1 MatrixDeterminant, Logdet and Cholesky have no gradient (doDiff throws), and
     * MatrixInverse's gradient multiplies elementwise by −(S⁻¹)², where the derivative is
     * −S⁻ᵀ G S⁻ᵀ, so ln|S| + tr(S⁻¹C) cannot be differentiated correctly.
     */
    static final Map<String, Formula<SDVariable>> FORMULAS = new LinkedHashMap<>();

    static {
        // ‖Ax − b‖²
        FORMULAS.put("leastSquares", a -> {
            SDVariable r = a.matrix(0).mmul(a.matrix(1)).sub(a.matrix(2));
            return r.mul(r).sum();
        });
        // ‖Ax − b‖² + λ‖x‖²
        FORMULAS.put("ridge", a -> {
            SameDiff sd = a.matrix(1).getSameDiff();
            SDVariable r = a.matrix(0).mmul(a.matrix(1)).sub(a.matrix(2));
            return sd.math().square(r).sum().add(sd.math().square(a.matrix(1)).sum().mul(a.scalar(3)));
        });
        // Σ softplus(Xw) − yᵀXw
        FORMULAS.put("logistic", a -> {
            SameDiff sd = a.matrix(1).getSameDiff();
            SDVariable z = a.matrix(0).mmul(a.matrix(1));
            return sd.nn().softplus(z).sum().sub(a.matrix(2).mul(z).sum());
        });
        // xᵀAx
        FORMULAS.put("quadraticForm", a -> a.matrix(1).mul(a.matrix(0).mmul(a.matrix(1))).sum());
        // ‖Y − UVᵀ‖²_F
        FORMULAS.put("matrixFactorization", a -> {
            SameDiff sd = a.matrix(1).getSameDiff();
            return sd.math().square(a.matrix(0).sub(a.matrix(1).mmul(sd.transpose(a.matrix(2))))).sum();
        });
        // ½‖W₂ tanh(W₁X) − Y‖²_F
        FORMULAS.put("twoLayerTanh", a -> {
            SameDiff sd = a.matrix(0).getSameDiff();
            SDVariable hidden = sd.math().tanh(a.matrix(0).mmul(a.matrix(2)));
            return sd.math().square(a.matrix(1).mmul(hidden).sub(a.matrix(3))).sum().mul(0.5);
        });
        // tr(AXB)
        FORMULAS.put("traceAXB", a -> a.matrix(1).getSameDiff().math().trace(a.matrix(0).mmul(a.matrix(1)).mmul(a.matrix(2))));
        // log Σ exp(Ax)
        FORMULAS.put("logSumExpOfAx", a -> a.matrix(1).getSameDiff().math().logSumExp(a.matrix(0).mmul(a.matrix(1))));
    }

    private final Problem problem;
    private final SameDiff sd;
    private final String loss;
    private final DMatrixRMaj[] wrt;
    private final INDArray[] parameters;
    private final List<String> parameterNames = new ArrayList<>();

    /** SameDiff's version of {@code function}, whose inputs are {@code problem}'s. */
    SameDiffPeer(String function, Problem problem) {
        Formula<SDVariable> formula = FORMULAS.get(function);
        if (formula == null) {
            throw new IllegalArgumentException("SameDiff cannot differentiate " + function + "; it can " + FORMULAS.keySet());
        }
        oneThread();
        this.problem = problem;
        sd = SameDiff.create();
        wrt = problem.wrt();
        parameters = new INDArray[wrt.length];
        List<Object> values = new ArrayList<>();
        List<Object> arguments = problem.arguments();
        for (int i = 0; i < arguments.size(); i++) {
            values.add(arguments.get(i) instanceof DMatrixRMaj m ? variable("a" + i, m) : arguments.get(i));
        }
        SDVariable f = formula.apply(new Formula.Arguments<>(values, SDVariable.class));
        loss = f.name();
        sd.setLossVariables(f);
        // Built here, not in the first call. SameDiff 1.0.0-M2.1 prints a line to System.out for
        // every op it differentiates; nothing that the report needs.
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            sd.createGradFunction();
        } finally {
            System.setOut(out);
        }
    }

    /**
     * ND4J on one thread: the threads an op may use at once ("master threads"; the size of
     * libnd4j's pool is fixed when it loads, from OMP_NUM_THREADS or the number of cores, and
     * setMaxThreads does nothing in this version), OpenMP (which libnd4j sets to the number of
     * cores when it loads, unless OMP_NUM_THREADS says otherwise) and OpenBLAS. Checked, since the
     * suite compares one thread each.
     */
    private static void oneThread() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        NativeOps nativeOps = NativeOpsHolder.getInstance().getDeviceNativeOps();
        nativeOps.setOmpNumThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
        int[] threads = {Nd4j.getEnvironment().maxMasterThreads(), nativeOps.ompGetMaxThreads(), Nd4j.factory().blas().getMaxThreads()};
        if (Arrays.stream(threads).anyMatch(t -> t != 1)) {
            throw new IllegalStateException("ND4J runs " + Arrays.toString(threads)
                    + " threads (per op, OpenMP, OpenBLAS); the suite compares one thread each");
        }
    }

    /** A float64 constant, or a variable (a parameter, with a gradient) for a {@code wrt} matrix. */
    private SDVariable variable(String name, DMatrixRMaj m) {
        INDArray array = Nd4j.create(Arrays.copyOf(m.data, m.getNumElements()), new long[] {m.numRows, m.numCols}, 'c');
        for (int i = 0; i < wrt.length; i++) {
            if (wrt[i] == m) {
                SDVariable parameter = sd.var(name, array);
                parameters[i] = parameter.getArr(); // the array SameDiff holds (it may have copied ours)
                parameterNames.add(name);
                return parameter;
            }
        }
        return sd.constant(name, array);
    }

    @Override
    public double valueAndGrad() {
        // The parameters' current values, as an optimiser's step would have left them.
        for (int i = 0; i < wrt.length; i++) {
            parameters[i].data().asNioDouble().put(wrt[i].data, 0, wrt[i].getNumElements());
        }
        OutAndGrad result = sd.calculateGradientsAndOutputs(null, List.of(loss), parameterNames);
        DMatrixRMaj[] gradients = problem.gradients(Implementation.SAMEDIFF);
        for (int i = 0; i < wrt.length; i++) {
            INDArray gradient = result.getGradients().get(parameterNames.get(i));
            gradient.dup('c').data().asNioDouble().get(gradients[i].data, 0, gradients[i].getNumElements());
        }
        return result.getOutputs().get(loss).getDouble(0);
    }

    @Override
    public Implementation implementation() {
        return Implementation.SAMEDIFF;
    }

    /** Nothing to free by hand: ND4J releases its arrays' native memory when they are collected. */
    @Override
    public void close() {}
}
