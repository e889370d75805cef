package io.matgrad.processor.fuzz;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.matgrad.processor.testing.Compilations;
import io.matgrad.processor.testing.InMemoryClasses;
import io.matgrad.runtime.GradientCheck;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Property-based test of the whole pipeline: random well-typed {@code @Differentiable} methods
 * ({@link Generator}) compiled by the real processor, many per compilation, and each generated
 * derivative checked against central finite differences of the annotated method itself, an
 * ordinary Java method and the independent truth: {@code nameGradX} of scalar functions,
 * {@code nameJacobianX} of vector functions, {@code nameHessianX} (against second differences) and
 * {@code nameHessVecX} (against the Hessian) where {@code hessian = true}. {@code nameValueAndGrad}
 * must agree with the value and the gradients, and no generated method may modify its inputs.
 *
 * <p>Function number {@code k} of a run is generated from the seed {@code matgrad.fuzz.seed + k}
 * alone, and failures print it; to rerun one:
 * {@code mvn -pl processor -am verify -Dtest=GradientFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dmatgrad.fuzz.seed=SEED -Dmatgrad.fuzz.count=1}. A long run:
 * {@code -Dmatgrad.fuzz.count=100000} (and a new {@code -Dmatgrad.fuzz.seed=...} for new functions).
 *
 * <p>Samples whose value is not finite at the drawn inputs, or whose method throws there, are
 * skipped and counted: the generator keeps arguments in their domains, but a composition can still
 * overflow.
 */
class GradientFuzzTest {
    private static final long SEED = Long.getLong("matgrad.fuzz.seed", 20_250_601L);
    private static final int COUNT = Integer.getInteger("matgrad.fuzz.count", 2_000);
    private static final int BATCH = Integer.getInteger("matgrad.fuzz.batch", 125);
    private static final int DEPTH = Integer.getInteger("matgrad.fuzz.depth", 6);
    /**
     * {@code -Dmatgrad.fuzz.dump=DIR}: writes every generated source there, so that two versions of
     * the processor can be compared on the same functions (a refactoring must not change them).
     */
    private static final String DUMP = System.getProperty("matgrad.fuzz.dump");
    /** Finite differences of deep compositions agree to about 1e-8; a wrong gradient is off by O(1). */
    private static final double TOLERANCE = 1e-5;
    /**
     * The rounding error of a central difference, relative to the function's value: about
     * {@code eps |f| / h} with {@code h = 1e-6}, with room for rounding inside f. It dominates where
     * the gradient is tiny next to the value, as in {@code tanh(det(S))} for a large determinant.
     */
    private static final double NOISE = 1e-7;
    /** The same derivatives computed two ways by generated code: only rounding may differ. */
    private static final double SAME = 1e-9;

    /**
     * Seeds whose functions fail because of a known bug, reproduced on its own in
     * {@link KnownBugsTest}: reported, not failed, so the build stays green until the bug is fixed.
     * A known seed that passes fails the test, so the list is pruned when a bug is fixed.
     */
    private static final Map<Long, String> KNOWN_BUGS = Map.of();

    /** What happened to each function, for the summary. */
    private static final class Counts {
        int generated;
        int compiled;
        int checked;
        int skipped;
        int overflowed;
        int undecided;
        int jacobians;
        int hessians;
        int failed;
        int known;
        int derivatives;
        double worstError;
    }

    private final Counts counts = new Counts();
    private final List<String> failures = new ArrayList<>();
    /** The functions every check passed on, by name. */
    private final Set<String> checked = new HashSet<>();
    private final Set<Long> failedSeeds = new HashSet<>();
    private final Map<String, Integer> usage = Generator.newUsage();

    @Test
    void generatedDerivativesMatchFiniteDifferencesOfTheMethods() {
        long start = System.nanoTime();
        for (int first = 0; first < COUNT; first += BATCH) {
            List<Generator.Function> batch = new ArrayList<>();
            for (int k = first; k < Math.min(first + BATCH, COUNT); k++) {
                batch.add(new Generator(new Random(SEED + k), usage).function("f" + k, DEPTH));
            }
            counts.generated += batch.size();
            run("Batch" + first, batch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "matgrad fuzz (seed %d, depth %d): %d generated, %d compiled, %d checked"
                        + " (%d derivatives, %d of them Jacobians and %d Hessians; worst error %.1e of the tolerance),"
                        + " %d skipped (not finite), %d with a non-finite derivative (overflow inside the formula),"
                        + " %d not compiled (dimensions equal by chance, undecidable), %d failed (%d of them"
                        + " known bugs), in %.1f s%n",
                SEED, DEPTH, counts.generated, counts.compiled, counts.checked, counts.derivatives, counts.jacobians,
                counts.hessians, counts.worstError, counts.skipped, counts.overflowed, counts.undecided,
                counts.failed,
                counts.known, seconds);
        System.out.println("matgrad fuzz: calls written per function: " + usage);

        assertWithMessage("fuzz failures (first 10 of %s; each names its seed):\n%s", failures.size(),
                String.join("\n\n", failures.subList(0, Math.min(10, failures.size()))))
                .that(failures).isEmpty();
        List<Long> fixed = KNOWN_BUGS.keySet().stream()
                .filter(seed -> seed >= SEED && seed < SEED + COUNT && !failedSeeds.contains(seed))
                .sorted()
                .toList();
        assertWithMessage("seeds listed in KNOWN_BUGS now pass: remove them").that(fixed).isEmpty();
        if (COUNT >= 500) {
            assertWithMessage("every function of the language is exercised").that(usage.keySet())
                    .containsAtLeastElementsIn(Generator.languageFunctions());
            assertWithMessage("most samples are checked, not skipped").that(counts.checked)
                    .isAtLeast(counts.generated * 8 / 10);
        }
    }

    /**
     * Checks hand-written functions ({@link Functions}) as the fuzzer checks its own, for minimizing
     * a failure; returns the failures. Their names must be {@code f} and a number.
     */
    static List<String> probe(List<Generator.Function> functions) {
        GradientFuzzTest t = new GradientFuzzTest();
        t.run("Probe", functions);
        return t.failures;
    }

    private static void dump(Compilation compilation) {
        if (DUMP == null) {
            return;
        }
        for (javax.tools.JavaFileObject file : compilation.generatedSourceFiles()) {
            try {
                java.nio.file.Path path = java.nio.file.Path.of(DUMP, java.nio.file.Path.of(file.toUri().getPath()).getFileName().toString());
                java.nio.file.Files.createDirectories(path.getParent());
                java.nio.file.Files.writeString(path, file.getCharContent(true));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** What a sweep found: its failures, and the functions every check passed on (not skipped, not failed). */
    record Sweep(List<String> failures, Set<String> checked) {}

    /**
     * Checks given functions as the fuzzer checks its own, in one class named {@code className}:
     * for sweeps over the language's table.
     */
    static Sweep sweep(String className, List<Generator.Function> functions) {
        GradientFuzzTest t = new GradientFuzzTest();
        t.run(className, functions);
        return new Sweep(t.failures, t.checked);
    }

    /** Compiles {@code functions} as one class and checks each; on a failed compilation, bisects to the culprits. */
    private void run(String className, List<Generator.Function> functions) {
        Compilation compilation = Compilations.compile(source(className, functions));
        if (compilation.status() != Compilation.Status.SUCCESS) {
            if (functions.size() == 1) {
                String messages = Compilations.messages(compilation);
                if (undecided(messages)) {
                    counts.undecided++; // a kron or concatenation the generator sized by chance alike
                } else {
                    fail(functions.get(0), "did not compile:\n" + messages);
                }
            } else {
                // bisect: a failure of one function fails its whole class
                int half = functions.size() / 2;
                run(className + "a", functions.subList(0, half));
                run(className + "b", functions.subList(half, functions.size()));
            }
            return;
        }
        counts.compiled += functions.size();
        dump(compilation);
        InMemoryClasses classes = new InMemoryClasses(compilation);
        Class<?> models = classes.load("fuzz." + className);
        Class<?> gradients = classes.load("fuzz." + className + "Gradients");
        for (Generator.Function f : functions) {
            try {
                check(f, models, gradients);
            } catch (RuntimeException | AssertionError e) {
                fail(f, "threw " + e);
            }
        }
    }

    /**
     * Whether the only errors are equalities of computed dimensions that matgrad cannot decide at
     * compile time: the generator's concrete sizes can make {@code kron(A, B)} as large as another
     * matrix by chance, which its symbolic shapes do not say.
     */
    private static boolean undecided(String messages) {
        return messages.lines().filter(l -> l.startsWith("ERROR")).allMatch(l -> l.contains("[MatgradShapeUndecided]"));
    }

    private static JavaFileObject source(String className, List<Generator.Function> functions) {
        return JavaFileObjects.forSourceString("fuzz." + className, """
                package fuzz;

                import static io.matgrad.runtime.MatrixOps.*;

                import io.matgrad.annotations.Differentiable;
                import io.matgrad.annotations.Shape;
                import io.matgrad.runtime.MatrixOps;
                import org.ejml.data.DMatrixRMaj;

                public class %s {
                %s}
                """.formatted(className, functions.stream().map(Generator.Function::source).collect(Collectors.joining("\n"))));
    }

    /** The tolerances of one kind of derivative: see {@link #TOLERANCE} and {@link #NOISE}. */
    private record Tolerance(double relative, double noise) {}

    private static final Tolerance FIRST_ORDER = new Tolerance(TOLERANCE, NOISE);
    /** Second differences (step 1e-4) are good to about 1e-8 relative, and lose eps |f| / h^2 to rounding. */
    private static final Tolerance SECOND_ORDER = new Tolerance(1e-4, 1e-6);

    private void check(Generator.Function f, Class<?> models, Class<?> gradients) {
        Method method = method(models, f.name());
        Object[] args = inputs(f, new Random(seed(f) ^ 0x9E3779B97F4A7C15L));
        DMatrixRMaj value;
        try {
            value = asMatrix(invoke(method, args));
        } catch (ArithmeticException e) {
            counts.skipped++; // e.g. singular to working precision after all
            return;
        }
        if (MatrixFeatures_DDRM.hasUncountable(value)) {
            counts.skipped++;
            return;
        }
        double scale = CommonOps_DDRM.elementMaxAbs(value);
        List<DMatrixRMaj> matrixGradients = new ArrayList<>();
        for (String x : f.wrt()) {
            int i = indexOf(f, x);
            boolean scalar = f.parameters().get(i).scalar();
            DMatrixRMaj at = asMatrix(args[i]);
            java.util.function.Function<DMatrixRMaj, DMatrixRMaj> of =
                    m -> asMatrix(invoke(method, replaced(args, i, scalar ? (Object) m.get(0) : m)));
            String derivative = f.vector() ? "Jacobian" : "Grad";
            Object analytic = invokeUnmodified(f, method(gradients, f.name() + derivative + capitalize(x)), args, args.length);
            DMatrixRMaj numeric = f.vector()
                    ? GradientCheck.numericalJacobian(of, at)
                    : GradientCheck.numericalGradient(m -> of.apply(m).get(0), at);
            if (!compare(f, (f.vector() ? "J" : "∂f/∂") + x, asMatrix(analytic), numeric, FIRST_ORDER, scale)) {
                return;
            }
            if (f.vector()) {
                counts.jacobians++;
            }
            if (!f.vector() && !scalar) {
                matrixGradients.add((DMatrixRMaj) analytic);
            }
            if (f.hessian() && !hessianAgrees(f, gradients, args, i, of, at, scale)) {
                return;
            }
        }
        if (!matrixGradients.isEmpty() && !valueAndGradientAgree(f, gradients, args, value.get(0), matrixGradients)) {
            return;
        }
        if (!f.vector() && !workspaceValueAgrees(f, gradients, args, value.get(0))) {
            return;
        }
        counts.checked++;
        checked.add(f.name());
    }

    /**
     * {@code nameHessianX} against second differences of the method, and {@code nameHessVecX}
     * against the Hessian it belongs to.
     */
    private boolean hessianAgrees(Generator.Function f, Class<?> gradients, Object[] args, int i,
            java.util.function.Function<DMatrixRMaj, DMatrixRMaj> of, DMatrixRMaj at, double scale) {
        String x = f.parameters().get(i).name();
        DMatrixRMaj hessian = asMatrix(invokeUnmodified(f, method(gradients, f.name() + "Hessian" + capitalize(x)), args,
                args.length));
        DMatrixRMaj numeric = GradientCheck.numericalHessian(m -> of.apply(m).get(0), at);
        if (ratio(hessian, numeric, SECOND_ORDER, scale) > 1 && !MatrixFeatures_DDRM.hasUncountable(numeric)) {
            // Second differences err by O(h^2) times the fourth derivative, which a steep formula
            // near a small entry (1 / x^2 at x = 1e-3) makes larger than the tolerance: before
            // calling the Hessian wrong, cancel that term by Richardson's extrapolation from steps
            // h and h/2.
            DMatrixRMaj halfStep = GradientCheck.numericalHessian(m -> of.apply(halfway(at, m)).get(0), at);
            CommonOps_DDRM.scale(4, halfStep); // the Hessian in y, x = at + (y - at)/2, is H/4
            DMatrixRMaj extrapolated = new DMatrixRMaj(numeric.numRows, numeric.numCols);
            CommonOps_DDRM.add(4.0 / 3, halfStep, -1.0 / 3, numeric, extrapolated);
            numeric = extrapolated;
        }
        if (!compare(f, "H" + x, hessian, numeric, SECOND_ORDER, scale)) {
            return false;
        }
        counts.hessians++;
        if (f.parameters().get(i).scalar()) {
            return true; // Hessian-vector products are for n x 1 parameters
        }
        DMatrixRMaj direction = RandomMatrices_DDRM.rectangle(at.numRows, at.numCols, -1, 1, new Random(seed(f)));
        Object[] withDirection = Arrays.copyOf(args, args.length + 1);
        withDirection[args.length] = direction;
        DMatrixRMaj product = asMatrix(invokeUnmodified(f, method(gradients, f.name() + "HessVec" + capitalize(x)),
                withDirection, withDirection.length));
        // H vec(v), entries of v numbered column by column, as the Hessian numbers them
        DMatrixRMaj expected = CommonOps_DDRM.mult(hessian, columnMajor(direction), null);
        double difference = NormOps_DDRM.normF(CommonOps_DDRM.subtract(expected, columnMajor(product), null));
        // rounding relative to the terms of H v, not to H v, which may cancel to (nearly) 0
        double terms = Math.max(NormOps_DDRM.normF(hessian), Math.max(1, scale)) * NormOps_DDRM.normF(direction);
        if (!(difference <= SAME * terms)) {
            fail(f, "H" + x + " v differs from the Hessian times v:\n" + product + "H vec(v):\n" + expected);
            return false;
        }
        return true;
    }

    /**
     * Compares an analytic and a numerical derivative, counting the outcome; false unless they agree.
     *
     * @param scale the largest magnitude of the function's value, which rounding in finite differences is relative to
     */
    private boolean compare(Generator.Function f, String what, DMatrixRMaj analytic, DMatrixRMaj numeric,
            Tolerance tolerance, double scale) {
        if (analytic.numRows != numeric.numRows || analytic.numCols != numeric.numCols) {
            fail(f, what + " is " + analytic.numRows + "x" + analytic.numCols + ", finite differences give "
                    + numeric.numRows + "x" + numeric.numCols);
            return false;
        }
        if (MatrixFeatures_DDRM.hasUncountable(numeric)) {
            counts.skipped++;
            return false;
        }
        if (MatrixFeatures_DDRM.hasUncountable(analytic)) {
            overflowed(f, what + " has non-finite entries:\n" + analytic + "finite differences give\n" + numeric);
            return false;
        }
        double ratio = ratio(analytic, numeric, tolerance, scale);
        if (!(ratio <= 1)) {
            fail(f, what + " is off by " + GradientCheck.relativeError(numeric, analytic) + "\nanalytic:\n" + analytic
                    + "numerical:\n" + numeric);
            return false;
        }
        counts.derivatives++;
        counts.worstError = Math.max(counts.worstError, ratio);
        return true;
    }

    /** The difference of two derivatives over what the tolerance allows: at most 1 if they agree. */
    private static double ratio(DMatrixRMaj analytic, DMatrixRMaj numeric, Tolerance tolerance, double scale) {
        double difference = NormOps_DDRM.normF(CommonOps_DDRM.subtract(analytic, numeric, null));
        double norm = Math.max(NormOps_DDRM.normF(analytic), NormOps_DDRM.normF(numeric));
        return difference / (tolerance.relative() * norm
                + tolerance.noise() * Math.max(1, scale) * Math.sqrt(analytic.getNumElements()));
    }

    /** {@code at + (y - at) / 2}: differences in y are differences in x with half the step. */
    private static DMatrixRMaj halfway(DMatrixRMaj at, DMatrixRMaj y) {
        DMatrixRMaj x = new DMatrixRMaj(y.numRows, y.numCols);
        CommonOps_DDRM.subtract(y, at, x);
        CommonOps_DDRM.scale(0.5, x);
        CommonOps_DDRM.addEquals(x, at);
        return x;
    }

    /** A double as a 1 x 1 matrix; a matrix as it is. */
    private static DMatrixRMaj asMatrix(Object value) {
        return value instanceof Double d ? new DMatrixRMaj(1, 1, true, d) : (DMatrixRMaj) value;
    }

    /** The entries of {@code m} as a column, numbered column by column. */
    private static DMatrixRMaj columnMajor(DMatrixRMaj m) {
        DMatrixRMaj vec = new DMatrixRMaj(m.getNumElements(), 1);
        for (int c = 0, k = 0; c < m.numCols; c++) {
            for (int r = 0; r < m.numRows; r++) {
                vec.data[k++] = m.get(r, c);
            }
        }
        return vec;
    }

    /** {@code nameValueAndGrad} returns the method's value and fills each output with the gradient. */
    private boolean valueAndGradientAgree(Generator.Function f, Class<?> gradients, Object[] args, double value,
            List<DMatrixRMaj> expected) {
        Object[] withOutputs = Arrays.copyOf(args, args.length + expected.size());
        for (int k = 0; k < expected.size(); k++) {
            withOutputs[args.length + k] = new DMatrixRMaj(1, 1); // the wrong shape: it must be reshaped
        }
        double combined = (Double) invokeUnmodified(f, method(gradients, f.name() + "ValueAndGrad"), withOutputs, args.length);
        if (!(GradientCheck.relativeError(value, combined) < SAME)) {
            fail(f, "ValueAndGrad returns " + combined + ", the method " + value);
            return false;
        }
        for (int k = 0; k < expected.size(); k++) {
            DMatrixRMaj out = (DMatrixRMaj) withOutputs[args.length + k];
            if (out.numRows != expected.get(k).numRows || out.numCols != expected.get(k).numCols
                    || !(GradientCheck.relativeError(expected.get(k), out) < SAME)) {
                fail(f, "ValueAndGrad's gradient " + k + " differs from the gradient method's:\n" + out + expected.get(k));
                return false;
            }
        }
        return true;
    }

    /** {@code NameWorkspace.value}, the allocation-free value (its own schedule), is the method's value. */
    private boolean workspaceValueAgrees(Generator.Function f, Class<?> gradients, Object[] args, double value) {
        Object workspace;
        try {
            workspace = Class.forName(gradients.getName() + "$" + capitalize(f.name()) + "Workspace", true,
                    gradients.getClassLoader()).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            fail(f, "no usable workspace: " + e);
            return false;
        }
        Object[] copies = Arrays.stream(args).map(a -> a instanceof DMatrixRMaj d ? d.copy() : a).toArray();
        double computed;
        try {
            computed = (Double) method(workspace.getClass(), "value").invoke(workspace, copies);
        } catch (ReflectiveOperationException e) {
            fail(f, "the workspace's value threw " + (e.getCause() != null ? e.getCause() : e));
            return false;
        }
        if (!(GradientCheck.relativeError(value, computed) < SAME)) {
            fail(f, "the workspace's value is " + computed + ", the method's " + value);
            return false;
        }
        return true;
    }

    /**
     * Draws the arguments: entries in [-1, 1] (in [0.5, 1.5] for a positive parameter), SPD matrices
     * with eigenvalues at least 1.
     */
    private static Object[] inputs(Generator.Function f, Random random) {
        return f.parameters().stream().map(p -> {
            if (p.positive()) {
                return p.scalar() ? (Object) (0.5 + random.nextDouble())
                        : RandomMatrices_DDRM.rectangle(p.rows(), p.cols(), 0.5, 1.5, random);
            }
            if (p.scalar()) {
                return (Object) (2 * random.nextDouble() - 1);
            }
            if (p.spd()) {
                DMatrixRMaj spd = RandomMatrices_DDRM.symmetricPosDef(p.rows(), random);
                CommonOps_DDRM.addEquals(spd, CommonOps_DDRM.identity(p.rows()));
                return spd;
            }
            return RandomMatrices_DDRM.rectangle(p.rows(), p.cols(), -1, 1, random);
        }).toArray();
    }

    /** Invokes {@code m} on copies of {@code args} and checks the first {@code inputs} were left alone. */
    private Object invokeUnmodified(Generator.Function f, Method m, Object[] args, int inputs) {
        Object[] copies = Arrays.stream(args).map(a -> a instanceof DMatrixRMaj d ? d.copy() : a).toArray();
        Object result = invoke(m, copies);
        for (int i = 0; i < inputs; i++) {
            if (args[i] instanceof DMatrixRMaj d && !MatrixFeatures_DDRM.isIdentical(d, (DMatrixRMaj) copies[i], 0)) {
                throw new AssertionError(m.getName() + " modified its argument " + f.parameters().get(i).name());
            }
        }
        System.arraycopy(copies, inputs, args, inputs, args.length - inputs);
        return result;
    }

    /**
     * A NaN or infinite generated derivative where finite differences are finite: the formula
     * overflows inside (exp(u) is infinite for a large u even where (1 + exp(u))^-0.5 is 0) while its
     * derivative underflows. Loud, not silently wrong: counted and printed, not failed.
     */
    private void overflowed(Generator.Function f, String what) {
        counts.overflowed++;
        System.out.println("matgrad fuzz: non-finite gradient, seed " + seed(f) + ": " + what.lines().findFirst().orElse(""));
    }

    private void fail(Generator.Function f, String what) {
        counts.failed++;
        failedSeeds.add(seed(f));
        String known = KNOWN_BUGS.get(seed(f));
        if (known != null) {
            counts.known++;
            System.out.println("matgrad fuzz: known bug, seed " + seed(f) + ": " + known);
            return;
        }
        String failure = "seed " + seed(f) + " (-Dmatgrad.fuzz.seed=" + seed(f) + " -Dmatgrad.fuzz.count=1): " + what
                + "\n" + f.source();
        System.out.println("matgrad fuzz: FAILED " + failure);
        failures.add(failure);
    }

    private static long seed(Generator.Function f) {
        return SEED + Long.parseLong(f.name().substring(1));
    }

    private static Object invoke(Method m, Object[] args) {
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new AssertionError(m.getName() + " threw " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static Method method(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no method " + name + " in " + type.getName()));
    }

    private static Object[] replaced(Object[] args, int i, Object value) {
        Object[] copy = args.clone();
        copy[i] = value;
        return copy;
    }

    private static int indexOf(Generator.Function f, String name) {
        for (int i = 0; i < f.parameters().size(); i++) {
            if (f.parameters().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static String capitalize(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
