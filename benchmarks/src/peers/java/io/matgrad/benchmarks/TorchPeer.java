package io.matgrad.benchmarks;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * PyTorch 2.7.1 through DJL 0.36, float64, one thread: the suite's functions written with DJL's
 * NDArray, differentiated by PyTorch's autograd.
 *
 * <p>libtorch comes from the {@code pytorch-native-cpu} jar and {@code ai.djl.offline} is set, so
 * nothing is downloaded at run time. PyTorch accumulates gradients into {@code .grad}: each call
 * zeroes them after reading them, as an optimiser's {@code zero_grad} would before the next
 * backward pass.
 */
final class TorchPeer implements PeerFunction {
    /**
     * The functions DJL can express, in the suite's order. Not gaussianNll: DJL 0.36's NDArray
     * (and its PyTorch JNI) has an inverse but no determinant, log-determinant, Cholesky or LU, so
     * ln|S| cannot be written (torch.logdet is reachable only from TorchScript, which needs Python
     * to build).
     */
    static final Map<String, Formula<NDArray>> FORMULAS = new LinkedHashMap<>();

    static {
        // ‖Ax − b‖²
        FORMULAS.put("leastSquares", a -> {
            NDArray r = a.matrix(0).matMul(a.matrix(1)).sub(a.matrix(2));
            return r.mul(r).sum();
        });
        // ‖Ax − b‖² + λ‖x‖²
        FORMULAS.put("ridge", a -> a.matrix(0).matMul(a.matrix(1)).sub(a.matrix(2)).square().sum()
                .add(a.matrix(1).square().sum().mul(a.scalar(3))));
        // Σ softplus(Xw) − yᵀXw, with PyTorch's (stable) softplus
        FORMULAS.put("logistic", a -> {
            NDArray z = a.matrix(0).matMul(a.matrix(1));
            return z.getNDArrayInternal().softPlus().sum().sub(a.matrix(2).mul(z).sum());
        });
        // xᵀAx
        FORMULAS.put("quadraticForm", a -> a.matrix(1).mul(a.matrix(0).matMul(a.matrix(1))).sum());
        // ‖Y − UVᵀ‖²_F
        FORMULAS.put("matrixFactorization", a -> a.matrix(0).sub(a.matrix(1).matMul(a.matrix(2).transpose())).square().sum());
        // ½‖W₂ tanh(W₁X) − Y‖²_F
        FORMULAS.put("twoLayerTanh", a -> a.matrix(1).matMul(a.matrix(0).matMul(a.matrix(2)).tanh()).sub(a.matrix(3))
                .square().sum().mul(0.5));
        // tr(AXB): DJL's PyTorch NDArray does not implement trace(), so the sum of the diagonal
        FORMULAS.put("traceAXB", a -> a.matrix(0).matMul(a.matrix(1)).matMul(a.matrix(2)).diagonal().sum());
        // log Σ exp(Ax): DJL has no logsumexp, so shifted by the (constant) maximum as by hand
        FORMULAS.put("logSumExpOfAx", a -> {
            NDArray z = a.matrix(0).matMul(a.matrix(1));
            NDArray max = z.max().stopGradient();
            return z.sub(max).exp().sum().log().add(max);
        });
    }

    static {
        // One thread each, inter-op and intra-op, unless the command line already said so; read
        // when the engine loads. Offline: libtorch is in the class path, never downloaded.
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
        System.setProperty("ai.djl.pytorch.num_interop_threads", System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
    }

    private final Problem problem;
    private final Formula<NDArray> formula;
    private final NDManager manager;
    private final Formula.Arguments<NDArray> arguments;
    private final DMatrixRMaj[] wrt;
    private final NDArray[] parameters;
    /** Native-order direct buffers the parameters' values are staged in (DJL's set() hands such a buffer to libtorch as it is). */
    private final ByteBuffer[] staging;

    /** PyTorch's version of {@code function}, whose inputs are {@code problem}'s. */
    TorchPeer(String function, Problem problem) {
        this.problem = problem;
        this.formula = FORMULAS.get(function);
        if (formula == null) {
            throw new IllegalArgumentException("PyTorch through DJL cannot express " + function + "; it can " + FORMULAS.keySet());
        }
        Engine engine = Engine.getEngine("PyTorch");
        if (JniUtils.getNumThreads() != 1 || JniUtils.getNumInteropThreads() != 1) {
            throw new IllegalStateException("PyTorch runs " + JniUtils.getNumThreads() + " intra-op and "
                    + JniUtils.getNumInteropThreads() + " inter-op threads; the suite compares one thread each");
        }
        manager = engine.newBaseManager();
        wrt = problem.wrt();
        parameters = new NDArray[wrt.length];
        staging = new ByteBuffer[wrt.length];
        List<Object> values = new ArrayList<>();
        for (Object argument : problem.arguments()) {
            values.add(argument instanceof DMatrixRMaj m ? tensor(m) : argument);
        }
        arguments = new Formula.Arguments<>(values, NDArray.class);
    }

    /** The matrix as a float64 tensor; a parameter's requires its gradient. */
    private NDArray tensor(DMatrixRMaj m) {
        NDArray t = manager.create(Arrays.copyOf(m.data, m.getNumElements()), new Shape(m.numRows, m.numCols));
        for (int i = 0; i < wrt.length; i++) {
            if (wrt[i] == m) {
                t.setRequiresGradient(true);
                parameters[i] = t;
                staging[i] = ByteBuffer.allocateDirect(Double.BYTES * m.getNumElements()).order(ByteOrder.nativeOrder());
            }
        }
        return t;
    }

    @Override
    public double valueAndGrad() {
        // The parameters' current values, as an optimiser's step would have left them.
        for (int i = 0; i < wrt.length; i++) {
            staging[i].clear();
            staging[i].asDoubleBuffer().put(wrt[i].data, 0, wrt[i].getNumElements());
            parameters[i].set(staging[i]);
        }
        DMatrixRMaj[] gradients = problem.gradients(Implementation.PYTORCH);
        // The scope closes every intermediate tensor of the call.
        try (NDScope scope = new NDScope(); GradientCollector collector = manager.getEngine().newGradientCollector()) {
            NDArray f = formula.apply(arguments);
            collector.backward(f);
            double value = f.getDouble();
            for (int i = 0; i < parameters.length; i++) {
                NDArray gradient = parameters[i].getGradient();
                gradient.toByteBuffer(true).asDoubleBuffer().get(gradients[i].data, 0, gradients[i].getNumElements());
                // zero_grad: backward() adds into .grad
                JniUtils.zeroGrad((PtNDArray) parameters[i]);
            }
            return value;
        }
    }

    @Override
    public Implementation implementation() {
        return Implementation.PYTORCH;
    }

    @Override
    public void close() {
        manager.close();
    }
}
