package io.matgrad.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.matgrad.runtime.GradientCheck;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;

/**
 * Checks the generated derivatives of a {@code @Differentiable} method against central finite
 * differences of the method itself, which is an ordinary Java method computing its function with
 * MatrixOps: the independent truth. Table-driven, by the contract's names:
 * {@code nameGradX} for each {@code x} and {@code nameValueAndGrad}.
 *
 * <p>A parameter spec lists the parameters in order: {@code "A 5x3, x 3x1, b 5x1, lambda"}; a bare
 * name is a double (drawn from [0.5, 1.5]); a matrix may add a kind:
 * <ul>
 *   <li>{@code spd}: symmetric positive definite, well conditioned (a Cholesky factorization);
 *   <li>{@code symmetric}: symmetric indefinite, eigenvalues ±[1, 2] (symmetric, but LU);
 *   <li>{@code invertible}: non-symmetric and well conditioned, its rows rotated so that LU must
 *       pivot (the determinant is negative for even sizes);
 *   <li>{@code negdet}: non-symmetric, well conditioned, with a negative determinant;
 *   <li>{@code positive}: entries in [0.5, 1.5];
 *   <li>{@code identity}, {@code ones}: constants;
 *   <li>{@code mask}: entries 0 or 1;
 * </ul>
 * other entries are drawn from [-1, 1].
 */
final class GradientHarness {
    static final double TOLERANCE = 1e-6;
    private static final int SEEDS = 3;

    private GradientHarness() {}

    static void check(Class<?> models, String function, String parameters, String... wrt) {
        List<Parameter> spec = spec(parameters);
        Method f = method(models, function);
        Class<?> gradients = generatedClass(models);
        for (int seed = 1; seed <= SEEDS; seed++) {
            Random random = new Random(seed * 7919L + function.hashCode());
            Object[] args = spec.stream().map(p -> p.random(random)).toArray();
            List<DMatrixRMaj> matrixGradients = new ArrayList<>();
            for (String x : wrt) {
                int i = indexOf(spec, x);
                Method grad = method(gradients, function + "Grad" + capitalize(x));
                Object generated = invokeUnmodified(grad, args, null);
                String what = function + ": ∂f/∂" + x + " (seed " + seed + ")";
                if (spec.get(i).isScalar()) {
                    double numeric = GradientCheck.numericalDerivative(t -> value(f, replaced(args, i, t)), (Double) args[i]);
                    double error = GradientCheck.relativeError(numeric, (Double) generated);
                    assertTrue(error < TOLERANCE, what + " = " + generated + ", finite differences give " + numeric);
                } else {
                    DMatrixRMaj g = (DMatrixRMaj) generated;
                    assertEquals(((DMatrixRMaj) args[i]).numRows, g.numRows, what + " is shaped like " + x);
                    assertEquals(((DMatrixRMaj) args[i]).numCols, g.numCols, what + " is shaped like " + x);
                    GradientCheck.check(m -> value(f, replaced(args, i, m)), g, (DMatrixRMaj) args[i])
                            .requireBelow(TOLERANCE);
                    matrixGradients.add(g);
                }
            }
            if (!matrixGradients.isEmpty()) {
                checkValueAndGradient(f, gradients, args, matrixGradients);
            }
            checkWorkspaceValue(f, gradients, args);
        }
    }

    /** {@code NameWorkspace.value}, the allocation-free value, is the function's value. */
    private static void checkWorkspaceValue(Method f, Class<?> gradients, Object[] args) {
        String name = gradients.getName() + "$" + capitalize(f.getName()) + "Workspace";
        try {
            Class<?> type = Class.forName(name);
            Object workspace = type.getConstructor().newInstance();
            Method value = method(type, "value");
            Object[] copies = copies(args);
            double generated = (Double) value.invoke(workspace, copies);
            double truth = value(f, args);
            assertEquals(truth, generated, 1e-12 * Math.max(1, Math.abs(truth)), name + ".value");
        } catch (InvocationTargetException e) {
            throw new AssertionError(name + ".value threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no usable " + name, e);
        }
    }

    /** {@code nameValueAndGrad} returns the value and fills each output with the gradient. */
    private static void checkValueAndGradient(Method f, Class<?> gradients, Object[] args, List<DMatrixRMaj> expected) {
        Method valueAndGrad = method(gradients, f.getName() + "ValueAndGrad");
        Object[] withOutputs = Arrays.copyOf(args, args.length + expected.size());
        for (int k = 0; k < expected.size(); k++) {
            withOutputs[args.length + k] = new DMatrixRMaj(1, 1); // the wrong shape: it must be reshaped
        }
        double value = (Double) invokeUnmodified(valueAndGrad, withOutputs, args.length);
        double truth = value(f, args);
        assertEquals(truth, value, 1e-12 * Math.max(1, Math.abs(truth)), f.getName() + "ValueAndGrad's value");
        for (int k = 0; k < expected.size(); k++) {
            DMatrixRMaj out = (DMatrixRMaj) withOutputs[args.length + k];
            assertTrue(MatrixFeatures_DDRM.isEquals(expected.get(k), out, 1e-12 * Math.max(1, CommonOps_DDRM.elementMaxAbs(out))),
                    f.getName() + "ValueAndGrad's gradient " + k + " differs from the gradient method's");
        }
    }

    /**
     * {@code nameHessVecX(args, v)}, for a {@code v} drawn from {@code random} and shaped like
     * {@code x} (argument {@code i}), is shaped like {@code x} and is {@code H vec(v)}, for the
     * Hessian {@code h} already checked.
     */
    static void checkHessianVectorProduct(Class<?> generated, String function, String x, Object[] args, int i,
            DMatrixRMaj h, Random random) {
        DMatrixRMaj xi = (DMatrixRMaj) args[i];
        DMatrixRMaj v = RandomMatrices_DDRM.rectangle(xi.numRows, xi.numCols, -1, 1, random);
        Object[] withV = Arrays.copyOf(args, args.length + 1);
        withV[args.length] = v;
        DMatrixRMaj hv = (DMatrixRMaj) invokeUnmodified(method(generated, function + "HessVec" + capitalize(x)), withV, null);
        assertEquals(v.numRows, hv.numRows);
        assertEquals(v.numCols, hv.numCols);
        DMatrixRMaj expected = new DMatrixRMaj(h.numRows, 1);
        CommonOps_DDRM.mult(h, vec(v), expected);
        double error = GradientCheck.relativeError(expected, vec(hv));
        assertTrue(error < 1e-10, function + ": HessVec differs from H v by " + error);
    }

    /** {@code vec(m)}: the columns of {@code m} stacked, the order Jacobians and Hessians number entries in. */
    static DMatrixRMaj vec(DMatrixRMaj m) {
        DMatrixRMaj v = new DMatrixRMaj(m.getNumElements(), 1);
        int k = 0;
        for (int j = 0; j < m.numCols; j++) {
            for (int i = 0; i < m.numRows; i++) {
                v.data[k++] = m.get(i, j);
            }
        }
        return v;
    }

    /** Invokes {@code m} on copies of the arguments and checks it left the inputs (before {@code inputs}) alone. */
    static Object invokeUnmodified(Method m, Object[] args, Integer inputs) {
        Object[] copies = copies(args);
        Object result = invoke(m, copies);
        int n = inputs == null ? args.length : inputs;
        for (int i = 0; i < n; i++) {
            if (args[i] instanceof DMatrixRMaj d) {
                assertTrue(MatrixFeatures_DDRM.isIdentical(d, (DMatrixRMaj) copies[i], 0),
                        m.getName() + " modified its argument " + i);
            }
        }
        System.arraycopy(copies, n, args, n, args.length - n);
        return result;
    }

    /** The arguments with each matrix copied, so that a call can neither see nor change the originals. */
    private static Object[] copies(Object[] args) {
        return Arrays.stream(args).map(a -> a instanceof DMatrixRMaj d ? d.copy() : a).toArray();
    }

    static double value(Method f, Object[] args) {
        return (Double) invoke(f, args);
    }

    static Object invoke(Method m, Object[] args) {
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw new AssertionError(m.getName() + " threw " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    static Class<?> generatedClass(Class<?> models) {
        try {
            return Class.forName(models.getName() + "Gradients");
        } catch (ClassNotFoundException e) {
            throw new AssertionError("matgrad did not generate " + models.getName() + "Gradients", e);
        }
    }

    static Method method(Class<?> type, String name) {
        Method found = null;
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name)) {
                if (found != null) {
                    fail("two methods named " + name + " in " + type);
                }
                found = m;
            }
        }
        if (found == null) {
            fail("no method " + name + " in " + type.getName());
        }
        return found;
    }

    /** The parameters of a spec such as {@code "A 5x3, x 3x1, b 5x1, lambda"} (see the class comment). */
    static List<Parameter> spec(String parameters) {
        return Arrays.stream(parameters.split(",")).map(String::trim).map(Parameter::parse).toList();
    }

    /** A copy of {@code args} with argument {@code i} replaced by {@code value}. */
    static Object[] replaced(Object[] args, int i, Object value) {
        Object[] copy = args.clone();
        copy[i] = value;
        return copy;
    }

    /** The position of the parameter {@code name} in {@code spec}. */
    static int indexOf(List<Parameter> spec, String name) {
        for (int i = 0; i < spec.size(); i++) {
            if (spec.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no parameter " + name + " in the spec");
    }

    static String capitalize(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** One parameter of a spec. */
    record Parameter(String name, int rows, int cols, String kind) {
        static Parameter parse(String text) {
            String[] parts = text.split("\\s+");
            if (parts.length == 1) {
                return new Parameter(parts[0], 0, 0, "double");
            }
            String[] dims = parts[1].split("x");
            return new Parameter(parts[0], Integer.parseInt(dims[0]), Integer.parseInt(dims[1]),
                    parts.length > 2 ? parts[2] : "plain");
        }

        boolean isScalar() {
            return kind.equals("double");
        }

        Object random(Random random) {
            switch (kind) {
                case "double":
                    return 0.5 + random.nextDouble();
                case "spd": {
                    DMatrixRMaj spd = RandomMatrices_DDRM.symmetricPosDef(rows, random);
                    CommonOps_DDRM.addEquals(spd, 1.0, CommonOps_DDRM.identity(rows));
                    return spd;
                }
                case "symmetric": {
                    double[] eigenvalues = new double[rows];
                    for (int i = 0; i < rows; i++) {
                        eigenvalues[i] = (i % 2 == 0 ? -1 : 1) * (1 + random.nextDouble());
                    }
                    DMatrixRMaj q = RandomMatrices_DDRM.orthogonal(rows, rows, random);
                    DMatrixRMaj qd = new DMatrixRMaj(rows, rows);
                    CommonOps_DDRM.mult(q, CommonOps_DDRM.diag(eigenvalues), qd);
                    DMatrixRMaj s = new DMatrixRMaj(rows, rows);
                    CommonOps_DDRM.multTransB(qd, q, s);
                    DMatrixRMaj symmetric = new DMatrixRMaj(rows, rows);
                    CommonOps_DDRM.transpose(s, symmetric);
                    CommonOps_DDRM.addEquals(symmetric, s);
                    CommonOps_DDRM.scale(0.5, symmetric);
                    return symmetric;
                }
                case "invertible": {
                    DMatrixRMaj a = wellConditioned(rows, random);
                    DMatrixRMaj rotated = new DMatrixRMaj(rows, rows);
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < rows; j++) {
                            rotated.set((i + 1) % rows, j, a.get(i, j));
                        }
                    }
                    return rotated;
                }
                case "negdet": {
                    DMatrixRMaj a = wellConditioned(rows, random);
                    for (int j = 0; j < rows; j++) {
                        double t = a.get(0, j);
                        a.set(0, j, a.get(1, j));
                        a.set(1, j, t);
                    }
                    return a;
                }
                case "positive":
                    return RandomMatrices_DDRM.rectangle(rows, cols, 0.5, 1.5, random);
                case "identity":
                    return CommonOps_DDRM.identity(rows, cols);
                case "ones": {
                    DMatrixRMaj ones = new DMatrixRMaj(rows, cols);
                    ones.fill(1);
                    return ones;
                }
                case "mask": {
                    DMatrixRMaj mask = new DMatrixRMaj(rows, cols);
                    for (int i = 0; i < mask.data.length; i++) {
                        mask.data[i] = random.nextBoolean() ? 1 : 0;
                    }
                    return mask;
                }
                case "plain":
                    return RandomMatrices_DDRM.rectangle(rows, cols, -1, 1, random);
                default:
                    throw new IllegalArgumentException("unknown kind of matrix: " + kind);
            }
        }

        /** Entries in [-1, 1] with the diagonal shifted by n: diagonally dominant, so well conditioned. */
        private static DMatrixRMaj wellConditioned(int n, Random random) {
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(n, n, -1, 1, random);
            for (int i = 0; i < n; i++) {
                a.add(i, i, n);
            }
            return a;
        }
    }
}
