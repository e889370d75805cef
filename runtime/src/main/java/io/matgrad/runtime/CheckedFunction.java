package io.matgrad.runtime;

import io.matgrad.runtime.Sampler.Constraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;

/**
 * One {@code @Differentiable} function as {@link GradientCheck#verifyAll(Class)} sees it: its
 * parameters with their symbolic sizes and domains, the annotated method itself (the truth), and
 * every method matgrad generated for it. The processor writes these, in the class
 * {@code CGradientsChecks} beside {@code CGradients}; the annotation itself is not visible at run
 * time (it has CLASS retention).
 *
 * <p>Each evaluation is a call of one method on the arguments of a {@link Point}, e.g.
 * {@code p -> ModelsGradients.leastSquaresGradX(p.matrix(0), p.matrix(1), p.matrix(2))}. Generated
 * code numbers its calls instead and implements {@link Calls}, one {@code switch} per function
 * rather than a lambda per method, which javac compiles several times faster.
 */
public final class CheckedFunction {

    /** What a generated method computes. */
    public enum Kind {
        /** The function's value (a workspace's {@code value}). */
        VALUE,
        /** {@code nameGradX}, {@code gradX}: shaped like x (a double for a double x). */
        GRADIENT,
        /** {@code nameValueAndGrad}: the value, and the gradients written into the outputs. */
        VALUE_AND_GRADIENT,
        /** {@code nameJacobianX} of a matrix function. */
        JACOBIAN,
        /** {@code nameHessianX}: vec(x) by vec(x) (a double for a double x). */
        HESSIAN,
        /** {@code nameHessVecX}: H v for the direction {@link Point#direction()}, shaped like x. */
        HESSIAN_VECTOR_PRODUCT
    }

    /** The arguments of one evaluation. */
    public interface Point {
        /** Argument {@code i}, a matrix parameter. */
        DMatrixRMaj matrix(int i);

        /** Argument {@code i}, a double parameter. */
        double scalar(int i);

        /** The {@code k}th output the method writes into (for workspace methods and {@code nameValueAndGrad}). */
        DMatrixRMaj output(int k);

        /** The direction of a Hessian-vector product, shaped like its parameter. */
        DMatrixRMaj direction();
    }

    /**
     * The methods of the functions of one class, by number: what generated code implements, a
     * {@code switch} over {@code call} per function.
     */
    public interface Calls {
        /** Call {@code call} of function {@code function}, a method returning a double, at {@code p}. */
        double scalar(int function, int call, Point p);

        /** Call {@code call} of function {@code function}, a method returning a matrix, at {@code p}. */
        DMatrixRMaj matrix(int function, int call, Point p);
    }

    /** A method returning a double. */
    @FunctionalInterface
    public interface ScalarEvaluation {
        double at(Point p);
    }

    /** A method returning a matrix. */
    @FunctionalInterface
    public interface MatrixEvaluation {
        DMatrixRMaj at(Point p);
    }

    /**
     * A parameter: {@code rows} and {@code cols} are sizes ({@code "3"}) or names of dimensions
     * ({@code "A.numCols"}); parameters sharing a name share the size.
     */
    public record Parameter(String name, boolean matrix, String rows, String cols, Set<Constraint> constraints) {
        public Parameter {
            Objects.requireNonNull(name);
            constraints = Set.copyOf(constraints);
        }
    }

    /**
     * One generated method.
     *
     * @param method its name as a user calls it: {@code leastSquaresGradX}, {@code LeastSquaresWorkspace.gradX}
     * @param wrt the parameters it differentiates with respect to (the outputs' order, for
     *     {@link Kind#VALUE_AND_GRADIENT}); empty for {@link Kind#VALUE}
     * @param scalar whether it returns a double (else a matrix)
     */
    public record Derivative(Kind kind, String method, List<String> wrt, boolean scalar, ScalarEvaluation scalarValue,
            MatrixEvaluation matrixValue) {
        public Derivative {
            wrt = List.copyOf(wrt);
        }
    }

    private final String signature;
    private final List<Parameter> parameters;
    private final ScalarEvaluation scalarValue;
    private final MatrixEvaluation matrixValue;
    private final boolean denominatorLayout;
    private final List<Derivative> derivatives;
    private final Map<String, Integer> leastSizes;

    private CheckedFunction(Builder b) {
        this.signature = b.signature;
        this.parameters = List.copyOf(b.parameters);
        this.scalarValue = b.scalarValue;
        this.matrixValue = b.matrixValue;
        this.denominatorLayout = b.denominatorLayout;
        this.derivatives = List.copyOf(b.derivatives);
        this.leastSizes = Map.copyOf(b.leastSizes);
    }

    /** For a function declared {@code signature}, as in {@code "f(DMatrixRMaj A, double s)"}. */
    public static Builder builder(String signature) {
        return new Builder(signature, null, 0);
    }

    /**
     * For a function declared {@code signature}, number {@code function} of {@code calls}, whose
     * methods are given by call number ({@link Builder#scalarValue(int)}, ...).
     */
    public static Builder builder(String signature, Calls calls, int function) {
        return new Builder(signature, Objects.requireNonNull(calls), function);
    }

    public String signature() {
        return signature;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** Whether the function returns a double (else a matrix). */
    public boolean isScalar() {
        return scalarValue != null;
    }

    /** The annotated method, for a double-valued function. */
    public ScalarEvaluation scalarValue() {
        return scalarValue;
    }

    /** The annotated method, for a matrix-valued function. */
    public MatrixEvaluation matrixValue() {
        return matrixValue;
    }

    /** Whether Jacobians are in denominator layout (the transpose of numerator layout). */
    public boolean denominatorLayout() {
        return denominatorLayout;
    }

    public List<Derivative> derivatives() {
        return derivatives;
    }

    /** The least size of a free dimension ({@code "A.numRows"}), 0 if the formula asks none. */
    public int leastSize(String dimension) {
        return leastSizes.getOrDefault(dimension, 0);
    }

    /** The index of parameter {@code name}. */
    int indexOf(String name) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(signature + " has no parameter " + name);
    }

    /** Collects a function's description; generated code calls it, in one chain. */
    public static final class Builder {
        private final String signature;
        private final Calls calls;
        private final int function;
        private final List<Parameter> parameters = new ArrayList<>();
        private final List<Derivative> derivatives = new ArrayList<>();
        private final Map<String, Integer> leastSizes = new HashMap<>();
        private ScalarEvaluation scalarValue;
        private MatrixEvaluation matrixValue;
        private boolean denominatorLayout;

        private Builder(String signature, Calls calls, int function) {
            this.signature = Objects.requireNonNull(signature);
            this.calls = calls;
            this.function = function;
        }

        private ScalarEvaluation scalarCall(int call) {
            if (calls == null) {
                throw new IllegalStateException("numbered calls need builder(signature, calls, function)");
            }
            return p -> calls.scalar(function, call, p);
        }

        private MatrixEvaluation matrixCall(int call) {
            if (calls == null) {
                throw new IllegalStateException("numbered calls need builder(signature, calls, function)");
            }
            return p -> calls.matrix(function, call, p);
        }

        /** The annotated method of a double-valued function: call {@code call}. */
        public Builder scalarValue(int call) {
            return scalarValue(scalarCall(call));
        }

        /** The annotated method of a matrix-valued function: call {@code call}. */
        public Builder matrixValue(int call) {
            return matrixValue(matrixCall(call));
        }

        /** A generated method, call {@code call}, computing {@code kind} with respect to {@code wrt}, returning a double. */
        public Builder scalarDerivative(Kind kind, String method, int call, String... wrt) {
            return scalarDerivative(kind, method, List.of(wrt), scalarCall(call));
        }

        /** A generated method, call {@code call}, computing {@code kind} with respect to {@code wrt}, returning a matrix. */
        public Builder matrixDerivative(Kind kind, String method, int call, String... wrt) {
            return matrixDerivative(kind, method, List.of(wrt), matrixCall(call));
        }

        /** A matrix parameter, next in declaration order. */
        public Builder matrix(String name, String rows, String cols, Constraint... constraints) {
            parameters.add(new Parameter(name, true, rows, cols, Set.of(constraints)));
            return this;
        }

        /**
         * The free dimension {@code dimension} ({@code "A.numRows"}) is at least {@code size}: the
         * formula reads an entry or a block at a constant position.
         */
        public Builder atLeast(String dimension, int size) {
            leastSizes.merge(dimension, size, Math::max);
            return this;
        }

        /** A double parameter, next in declaration order. */
        public Builder scalar(String name, Constraint... constraints) {
            parameters.add(new Parameter(name, false, "1", "1", Set.of(constraints)));
            return this;
        }

        /** The annotated method of a double-valued function. */
        public Builder scalarValue(ScalarEvaluation method) {
            scalarValue = method;
            return this;
        }

        /** The annotated method of a matrix-valued function. */
        public Builder matrixValue(MatrixEvaluation method) {
            matrixValue = method;
            return this;
        }

        /** Jacobians are in denominator layout. */
        public Builder denominatorLayout() {
            denominatorLayout = true;
            return this;
        }

        /** A generated method computing {@code kind} with respect to {@code wrt}, returning a double. */
        public Builder scalarDerivative(Kind kind, String method, List<String> wrt, ScalarEvaluation evaluation) {
            derivatives.add(new Derivative(kind, method, wrt, true, evaluation, null));
            return this;
        }

        /** A generated method computing {@code kind} with respect to {@code wrt}, returning a matrix. */
        public Builder matrixDerivative(Kind kind, String method, List<String> wrt, MatrixEvaluation evaluation) {
            derivatives.add(new Derivative(kind, method, wrt, false, null, evaluation));
            return this;
        }

        public CheckedFunction build() {
            if ((scalarValue == null) == (matrixValue == null)) {
                throw new IllegalStateException(signature + ": exactly one value method");
            }
            return new CheckedFunction(this);
        }
    }
}
