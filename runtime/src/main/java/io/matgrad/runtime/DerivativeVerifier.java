package io.matgrad.runtime;

import io.matgrad.runtime.CheckedFunction.Derivative;
import io.matgrad.runtime.CheckedFunction.Kind;
import io.matgrad.runtime.CheckedFunction.Parameter;
import io.matgrad.runtime.Verification.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * The work of {@link GradientCheck#verifyAll(Class, Sampler, long)}: for each function, draws
 * points in its domain and checks every generated method there against central differences of the
 * annotated method (values against the method itself; Hessians and Hessian-vector products against
 * differences of the gradient, checked first).
 */
final class DerivativeVerifier {
    /** Points per function. */
    static final int POINTS = 3;
    /** Draws per function before giving up on finding a point where it is finite. */
    static final int DRAWS = 60;
    /** For derivatives against central differences (see {@link GradientCheck}: about 1e-8 for smooth functions). */
    static final double TOLERANCE = 1e-5;
    /**
     * Central differences are also taken with twice the step; their difference estimates the
     * differences' own error, and an error up to this many times that estimate is accepted. It
     * matters only where rounding swamps the differences: where the derivative is tiny next to
     * the value (a saturated tanh), which no tolerance relative to the derivative survives.
     */
    static final double NOISE_FACTOR = 10;
    /** For a generated value against the method: one function, evaluated in another order. */
    static final double VALUE_TOLERANCE = 1e-8;
    /** Sizes of the free dimensions: small, and different from each other where there are few. */
    private static final int[] SIZES = {2, 3, 4, 5};
    /** Outputs arrive as 1 x 1 matrices over this many NaNs, so a method must reshape and overwrite them. */
    private static final int OUTPUT_CAPACITY = 4096;

    private final Sampler sampler;
    private final long seed;
    private final List<Check> checks = new ArrayList<>();
    private String firstFailureDetail;

    private DerivativeVerifier(Sampler sampler, long seed) {
        this.sampler = sampler;
        this.seed = seed;
    }

    /**
     * Checks every function of {@code functions}; returns what was checked, or throws an
     * AssertionError listing every failure.
     */
    static Verification verify(Class<?> models, CheckedFunctions functions, Sampler sampler, long seed) {
        DerivativeVerifier verifier = new DerivativeVerifier(sampler, seed);
        List<CheckedFunction> all = functions.functions();
        if (all.isEmpty()) {
            throw new AssertionError("GradientCheck.verifyAll(" + models.getName() + "): no @Differentiable method"
                    + " to check (private methods, and methods of private classes, are not visible to the generated"
                    + " checks)");
        }
        all.forEach(verifier::verify);
        Verification verification = new Verification(models, seed, verifier.checks);
        List<Check> failures = verification.failures();
        if (!failures.isEmpty()) {
            throw new AssertionError("GradientCheck.verifyAll(" + models.getName() + "), seed " + seed + ": "
                    + failures.size() + " of " + verification.checks().size() + " checks failed\n"
                    + failures.stream().map(c -> "  " + c).collect(Collectors.joining("\n"))
                    + (verifier.firstFailureDetail != null ? "\n" + verifier.firstFailureDetail : "")
                    + "\nto draw the same points: GradientCheck.verifyAll(" + models.getSimpleName()
                    + ".class, sampler, " + seed + "L)");
        }
        return verification;
    }

    private void verify(CheckedFunction f) {
        Random random = new Random(seed * 1_000_003L + f.signature().hashCode());
        int found = 0;
        for (int draw = 0; draw < DRAWS && found < POINTS; draw++) {
            Object[] args;
            try {
                args = draw(f, draw, random);
            } catch (RuntimeException e) {
                fail(f, "the sampler", 0, "", "threw " + e);
                return;
            }
            Object value;
            try {
                DrawnPoint at = new DrawnPoint(copies(args));
                value = f.isScalar() ? (Object) f.scalarValue().at(at) : f.matrixValue().at(at);
            } catch (ArithmeticException e) {
                continue; // a singular matrix: outside the domain
            } catch (RuntimeException e) {
                fail(f, "the annotated method", 0, "", "threw " + e + " at a drawn point");
                return;
            }
            if (!finite(value)) {
                continue;
            }
            found++;
            new PointCheck(f, args, value, found, random).run();
        }
        if (found == 0) {
            fail(f, "the annotated method", 0, "", "not finite (or singular) at any of " + DRAWS
                    + " drawn points; pass GradientCheck.verifyAll a Sampler that draws from the function's domain");
        }
    }

    /** The arguments of one point: sizes for the free dimensions, then each parameter from the sampler. */
    private Object[] draw(CheckedFunction f, int draw, Random random) {
        Map<String, Integer> sizes = new HashMap<>();
        List<Integer> free = new ArrayList<>(Arrays.stream(SIZES).boxed().toList());
        Collections.shuffle(free, random);
        List<Parameter> parameters = f.parameters();
        Object[] args = new Object[parameters.size()];
        for (int i = 0; i < args.length; i++) {
            Parameter p = parameters.get(i);
            int rows = size(p.rows(), f, sizes, free, random);
            int cols = size(p.cols(), f, sizes, free, random);
            Sampler.Parameter request = new Sampler.Parameter(f.signature(), p.name(), p.matrix(), rows, cols,
                    p.constraints(), draw);
            if (p.matrix()) {
                DMatrixRMaj m = sampler.matrix(request, random);
                if (m.numRows != rows || m.numCols != cols) {
                    throw new IllegalArgumentException("it drew " + p.name() + " " + Shapes.of(m) + ", not the "
                            + rows + "x" + cols + " asked for");
                }
                args[i] = m;
            } else {
                args[i] = sampler.scalar(request, random);
            }
        }
        return args;
    }

    /**
     * The size of {@code dimension}: a number, a free dimension ({@code "A.numRows"}, drawn once and
     * shared), or a sum or product of them as a concatenation or a Kronecker product has
     * ({@code "A.numRows + B.numRows"}, {@code "(A.numRows + 1) * B.numCols"}); at least what the
     * formula reads of it.
     */
    private static int size(String dimension, CheckedFunction f, Map<String, Integer> sizes, List<Integer> free,
            Random random) {
        String d = dimension.strip();
        int sum = split(d, '+');
        if (sum >= 0) {
            return size(d.substring(0, sum), f, sizes, free, random) + size(d.substring(sum + 1), f, sizes, free, random);
        }
        int product = split(d, '*');
        if (product >= 0) {
            return size(d.substring(0, product), f, sizes, free, random)
                    * size(d.substring(product + 1), f, sizes, free, random);
        }
        if (d.startsWith("(") && d.endsWith(")")) {
            return size(d.substring(1, d.length() - 1), f, sizes, free, random);
        }
        if (!d.isEmpty() && d.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(d);
        }
        return sizes.computeIfAbsent(d,
                name -> Math.max(f.leastSize(name),
                        sizes.size() < free.size() ? free.get(sizes.size()) : SIZES[random.nextInt(SIZES.length)]));
    }

    /** The index of the last {@code operator} outside parentheses in {@code text}, or -1. */
    private static int split(String text, char operator) {
        int depth = 0;
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                depth--;
            } else if (c == operator && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private void fail(CheckedFunction f, String method, int point, String arguments, String problem) {
        checks.add(new Check(f.signature(), method, point, arguments, Double.NaN, TOLERANCE, problem));
    }

    /** Every generated method of one function at one point. */
    private final class PointCheck {
        private final CheckedFunction f;
        private final Object[] args;
        private final Object value;
        private final int point;
        private final Random random;
        private final String arguments;
        /** Central differences of the method, by parameter index. */
        private final Map<Integer, Numerical> gradients = new HashMap<>();

        PointCheck(CheckedFunction f, Object[] args, Object value, int point, Random random) {
            this.f = f;
            this.args = args;
            this.value = value;
            this.point = point;
            this.random = random;
            this.arguments = IntStream.range(0, args.length)
                    .mapToObj(i -> f.parameters().get(i).name()
                            + (args[i] instanceof DMatrixRMaj m ? " " + Shapes.of(m) : ""))
                    .collect(Collectors.joining(", "));
        }

        void run() {
            for (Derivative d : f.derivatives()) {
                try {
                    check(d);
                } catch (RuntimeException e) {
                    record(d, Double.NaN, TOLERANCE, "threw " + e);
                }
            }
        }

        private void check(Derivative d) {
            DMatrixRMaj direction = null;
            if (d.kind() == Kind.HESSIAN_VECTOR_PRODUCT) {
                DMatrixRMaj x = (DMatrixRMaj) args[f.indexOf(d.wrt().get(0))];
                direction = Sampler.uniform(x.numRows, x.numCols, -1, 1, random);
            }
            // each call gets copies, so that a method that writes into its arguments is caught and
            // spoils no other check
            Object[] given = copies(args);
            DrawnPoint at = new DrawnPoint(given, direction == null ? null : direction.copy());
            Object result = d.scalar() ? (Object) d.scalarValue().at(at) : d.matrixValue().at(at);
            String problem = problems(given, at, result);
            if (problem != null) {
                record(d, Double.NaN, TOLERANCE, problem);
                return;
            }
            switch (d.kind()) {
                case VALUE -> record(d, error(value, result), VALUE_TOLERANCE, null);
                case GRADIENT -> compare(d, result, gradient(d.wrt().get(0)));
                case VALUE_AND_GRADIENT -> valueAndGradient(d, at, (Double) result);
                case JACOBIAN -> jacobian(d, result);
                case HESSIAN -> hessian(d, result);
                case HESSIAN_VECTOR_PRODUCT -> hessianVectorProduct(d, (DMatrixRMaj) result, direction);
            }
        }

        /** Inputs modified, or a workspace method returning something other than its output. */
        private String problems(Object[] given, DrawnPoint at, Object result) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof DMatrixRMaj m && !MatrixFeatures_DDRM.isIdentical(m, (DMatrixRMaj) given[i], 0)) {
                    return "modified its argument " + f.parameters().get(i).name();
                }
            }
            if (result instanceof DMatrixRMaj && !at.outputs.isEmpty() && result != at.outputs.get(0)) {
                return "returned a matrix other than the output it was passed";
            }
            return null;
        }

        private void valueAndGradient(Derivative d, DrawnPoint at, double result) {
            record(d, GradientCheck.relativeError((Double) value, result), VALUE_TOLERANCE, null);
            for (int k = 0; k < d.wrt().size(); k++) {
                DMatrixRMaj output = k < at.outputs.size() ? at.outputs.get(k) : null;
                if (output == null) {
                    record(d, Double.NaN, TOLERANCE, "did not write its output " + (k + 1) + ", ∂f/∂" + d.wrt().get(k));
                } else {
                    compare(d, output, gradient(d.wrt().get(k)));
                }
            }
        }

        private void jacobian(Derivative d, Object result) {
            int i = f.indexOf(d.wrt().get(0));
            DMatrixRMaj analytic = (DMatrixRMaj) result;
            Numerical numerical;
            if (args[i] instanceof DMatrixRMaj x) {
                numerical = jacobian(v -> matrixAt(with(i, v)), x);
                if (f.denominatorLayout()) {
                    numerical = new Numerical(CommonOps_DDRM.transpose((DMatrixRMaj) numerical.value(), null),
                            numerical.noise());
                }
            } else {
                // one column (a row in denominator layout), or dF/ds shaped like F: compared as vec(dF/ds)
                DMatrixRMaj s = new DMatrixRMaj(1, 1, true, (Double) args[i]);
                numerical = jacobian(v -> matrixAt(with(i, v.get(0))), s);
                if (analytic.getNumElements() == ((DMatrixRMaj) numerical.value()).getNumElements()) {
                    analytic = vec(analytic);
                }
            }
            compare(d, analytic, numerical);
        }

        private void hessian(Derivative d, Object result) {
            String x = d.wrt().get(0);
            int i = f.indexOf(x);
            Function<Object, Object> gradient = gradientMethod(x);
            if (args[i] instanceof DMatrixRMaj m) {
                compare(d, result, jacobian(v -> (DMatrixRMaj) gradient.apply(v), m));
            } else {
                compare(d, result, derivative(t -> (Double) gradient.apply(t), (Double) args[i]));
            }
        }

        /** Against the derivative of the gradient along the direction, {@code (∇f(x + tv) − ∇f(x − tv)) / 2t}. */
        private void hessianVectorProduct(Derivative d, DMatrixRMaj result, DMatrixRMaj direction) {
            String x = d.wrt().get(0);
            Function<Object, Object> gradient = gradientMethod(x);
            DMatrixRMaj at = (DMatrixRMaj) args[f.indexOf(x)];
            double t = GradientCheck.FIRST_ORDER_STEP * Math.max(1, NormOps_DDRM.normF(at))
                    / Math.max(NormOps_DDRM.normF(direction), Double.MIN_NORMAL);
            compare(d, result, Numerical.of(alongDirection(gradient, at, direction, t),
                    alongDirection(gradient, at, direction, 2 * t)));
        }

        private DMatrixRMaj alongDirection(Function<Object, Object> gradient, DMatrixRMaj x, DMatrixRMaj v, double t) {
            DMatrixRMaj up = x.copy();
            CommonOps_DDRM.addEquals(up, t, v);
            DMatrixRMaj down = x.copy();
            CommonOps_DDRM.addEquals(down, -t, v);
            DMatrixRMaj difference = CommonOps_DDRM.subtract((DMatrixRMaj) gradient.apply(up),
                    (DMatrixRMaj) gradient.apply(down), null);
            CommonOps_DDRM.scale(1 / (2 * t), difference);
            return difference;
        }

        private Numerical jacobian(Function<DMatrixRMaj, DMatrixRMaj> g, DMatrixRMaj x) {
            double h = GradientCheck.FIRST_ORDER_STEP;
            return Numerical.of(GradientCheck.numericalJacobian(g, x, h), GradientCheck.numericalJacobian(g, x, 2 * h));
        }

        private Numerical derivative(DoubleUnaryOperator g, double x) {
            double h = GradientCheck.FIRST_ORDER_STEP;
            return Numerical.of(GradientCheck.numericalDerivative(g, x, h), GradientCheck.numericalDerivative(g, x, 2 * h));
        }

        private Numerical gradient(ToDoubleFunction<DMatrixRMaj> g, DMatrixRMaj x) {
            double h = GradientCheck.FIRST_ORDER_STEP;
            return Numerical.of(GradientCheck.numericalGradient(g, x, h), GradientCheck.numericalGradient(g, x, 2 * h));
        }

        /**
         * The gradient with respect to {@code x} as a function of {@code x}: the first generated
         * gradient (itself checked against central differences of the method), or, if there is
         * none, central differences of the method.
         */
        private Function<Object, Object> gradientMethod(String x) {
            int i = f.indexOf(x);
            for (Derivative g : f.derivatives()) {
                if (g.kind() == Kind.GRADIENT && g.wrt().equals(List.of(x))) {
                    return v -> {
                        DrawnPoint at = new DrawnPoint(with(i, v), null);
                        return g.scalar() ? (Object) g.scalarValue().at(at) : g.matrixValue().at(at);
                    };
                }
            }
            return v -> v instanceof DMatrixRMaj m
                    ? GradientCheck.numericalGradient(u -> scalarAt(with(i, u)), m)
                    : (Object) GradientCheck.numericalDerivative(t -> scalarAt(with(i, t)), (Double) v);
        }

        /** Central differences of the method with respect to parameter {@code x}, once per point. */
        private Numerical gradient(String x) {
            int i = f.indexOf(x);
            return gradients.computeIfAbsent(i, k -> args[k] instanceof DMatrixRMaj m
                    ? gradient(v -> scalarAt(with(k, v)), m)
                    : derivative(t -> scalarAt(with(k, t)), (Double) args[k]));
        }

        /**
         * Records the relative error of {@code analytic}, accepted below {@link #TOLERANCE}, or below
         * {@link #NOISE_FACTOR} times the differences' estimated error where that is larger.
         */
        private void compare(Derivative d, Object analytic, Numerical numerical) {
            Object truth = numerical.value();
            if (analytic instanceof DMatrixRMaj a && truth instanceof DMatrixRMaj n
                    && (a.numRows != n.numRows || a.numCols != n.numCols)) {
                record(d, Double.NaN, TOLERANCE, "is " + Shapes.of(a) + ", but should be " + Shapes.of(n));
                return;
            }
            double error = error(truth, analytic);
            double scale = Math.max(Math.max(norm(truth), norm(analytic)), 1e-8);
            double tolerance = Math.max(TOLERANCE, NOISE_FACTOR * numerical.noise() / scale);
            record(d, error, tolerance, null);
            detail(d, error, tolerance, analytic, truth);
        }

        private void detail(Derivative d, double error, double tolerance, Object analytic, Object numerical) {
            if (!(error < tolerance) && firstFailureDetail == null) {
                firstFailureDetail = "the first failure, " + d.method() + " of " + f.signature() + " at point " + point
                        + " (" + arguments + "):\ngenerated:\n" + analytic + "\ncentral differences:\n" + numerical;
            }
        }

        private void record(Derivative d, double error, double tolerance, String problem) {
            checks.add(new Check(f.signature(), d.method(), point, arguments, error, tolerance, problem));
        }

        private double scalarAt(Object[] arguments) {
            return f.scalarValue().at(new DrawnPoint(arguments));
        }

        private DMatrixRMaj matrixAt(Object[] arguments) {
            return f.matrixValue().at(new DrawnPoint(arguments));
        }

        /** Copies of the arguments, with parameter {@code i} replaced. */
        private Object[] with(int i, Object replacement) {
            Object[] copy = copies(args);
            copy[i] = replacement;
            return copy;
        }
    }

    /** Central differences, and an estimate of their error: their distance from those of twice the step. */
    private record Numerical(Object value, double noise) {
        static Numerical of(Object h, Object twice) {
            return new Numerical(h, distance(h, twice));
        }
    }

    private static double distance(Object a, Object b) {
        if (a instanceof DMatrixRMaj x && b instanceof DMatrixRMaj y) {
            return NormOps_DDRM.normF(CommonOps_DDRM.subtract(x, y, null));
        }
        return Math.abs((Double) a - (Double) b);
    }

    private static double norm(Object a) {
        return a instanceof DMatrixRMaj m ? NormOps_DDRM.normF(m) : Math.abs((Double) a);
    }

    private static double error(Object expected, Object actual) {
        if (expected instanceof DMatrixRMaj e && actual instanceof DMatrixRMaj a) {
            return GradientCheck.relativeError(e, a);
        }
        if (expected instanceof Double e && actual instanceof Double a) {
            return GradientCheck.relativeError(e, a);
        }
        return Double.NaN; // a double for a matrix or the other way round: no tolerance accepts it
    }

    /** {@code vec(m)}, its columns stacked, as a column. */
    private static DMatrixRMaj vec(DMatrixRMaj m) {
        DMatrixRMaj column = new DMatrixRMaj(m.getNumElements(), 1);
        Vec.setColumn(column, 0, m);
        return column;
    }

    private static boolean finite(Object value) {
        return value instanceof Double d ? Double.isFinite(d) : !MatrixFeatures_DDRM.hasUncountable((DMatrixRMaj) value);
    }

    private static Object[] copies(Object[] args) {
        Object[] copies = args.clone();
        for (int i = 0; i < copies.length; i++) {
            if (copies[i] instanceof DMatrixRMaj m) {
                copies[i] = m.copy();
            }
        }
        return copies;
    }

    /** A point's arguments as generated code reads them, with outputs made on demand. */
    private static final class DrawnPoint implements CheckedFunction.Point {
        private final Object[] args;
        private final DMatrixRMaj direction;
        final List<DMatrixRMaj> outputs = new ArrayList<>();

        DrawnPoint(Object[] args) {
            this(args, null);
        }

        DrawnPoint(Object[] args, DMatrixRMaj direction) {
            this.args = args;
            this.direction = direction;
        }

        @Override
        public DMatrixRMaj matrix(int i) {
            return (DMatrixRMaj) args[i];
        }

        @Override
        public double scalar(int i) {
            return (Double) args[i];
        }

        @Override
        public DMatrixRMaj output(int k) {
            while (outputs.size() <= k) {
                DMatrixRMaj out = new DMatrixRMaj(1, OUTPUT_CAPACITY);
                Arrays.fill(out.data, Double.NaN);
                out.reshape(1, 1);
                outputs.add(out);
            }
            return outputs.get(k);
        }

        @Override
        public DMatrixRMaj direction() {
            if (direction == null) {
                throw new IllegalStateException("no direction: not a Hessian-vector product");
            }
            return direction;
        }
    }
}
