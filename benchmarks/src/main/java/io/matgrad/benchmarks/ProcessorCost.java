package io.matgrad.benchmarks;

import io.matgrad.annotations.Differentiable;
import io.matgrad.processor.DifferentiableProcessor;
import io.matgrad.runtime.MatrixOps;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * What matgrad adds to a build: javac, in-process through javax.tools, on one generated class of
 * {@code n} {@code @Differentiable} methods (the suite's nine formulas in turn), timed in three
 * configurations, interleaved round by round after warm-up rounds:
 *
 * <ol>
 *   <li><b>plain</b>: the class alone, no processor (javac's own work on the user's code);
 *   <li><b>matgrad</b>: the class with the processor, which writes and javac then compiles
 *       {@code Generated100Gradients} and {@code Generated100GradientsChecks};
 *   <li><b>plain + output</b>: no processor, but the class and matgrad's output from 2 together
 *       (javac's work on the generated code).
 * </ol>
 *
 * (2 − 1) / n is what a user pays per method; (2 − 3) / n is the processor's own work (parsing,
 * differentiating, optimising, writing) per method. The processor instance is handed to javac,
 * so its classes are as warm as javac's; a build that loads it afresh from the processor path
 * pays class loading and JIT warm-up on top, once per compilation.
 */
public final class ProcessorCost {
    private static final String PACKAGE = "bench";

    /** Median milliseconds per compilation of each configuration, and the spread. */
    public record Result(int methods, int rounds, Stats plain, Stats matgrad, Stats plainWithOutput) {
        /** The user's extra time per annotated method, ms. */
        public double perMethod() {
            return (matgrad.median - plain.median) / methods;
        }

        /** The processor's own time per method, without javac's compiling of its output, ms. */
        public double processorPerMethod() {
            return (matgrad.median - plainWithOutput.median) / methods;
        }

        public String markdown() {
            return String.format(Locale.ROOT, """
                    javac on one class of %d @Differentiable methods, in-process, median of %d rounds after warm-up (ms per compilation; min–max):

                    | configuration | ms | min–max |
                    |---|---:|---|
                    | plain javac, no processor | %.0f | %.0f–%.0f |
                    | javac + matgrad (writes and compiles the gradients class) | %.0f | %.0f–%.0f |
                    | plain javac on the class and matgrad's output | %.0f | %.0f–%.0f |

                    Added per annotated method: **%.1f ms** in all (goal ≤ 10 ms), of which the processor itself %.1f ms and javac compiling the generated code the rest.
                    """, methods, rounds, plain.median, plain.min, plain.max, matgrad.median, matgrad.min, matgrad.max,
                    plainWithOutput.median, plainWithOutput.min, plainWithOutput.max, perMethod(), processorPerMethod());
        }
    }

    /** Median, minimum and maximum of a sample, ms. */
    public record Stats(double median, double min, double max) {
        static Stats of(List<Double> sample) {
            double[] s = sample.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int mid = s.length / 2;
            double median = s.length % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
            return new Stats(median, s[0], s[s.length - 1]);
        }
    }

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final String classPath = classPath();

    public static void main(String[] args) throws IOException {
        int methods = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        System.out.println(new ProcessorCost().measure(methods, 8, 15).markdown());
    }

    /** Times {@code rounds} compilations of each configuration after {@code warmup} unrecorded ones. */
    public Result measure(int methods, int warmup, int rounds) throws IOException {
        Path work = Files.createTempDirectory("matgrad-processor-cost");
        try {
            Path source = work.resolve("src/" + PACKAGE + "/Generated" + methods + ".java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, source(methods));
            Path generatedDir = work.resolve("generated");
            // Once to obtain matgrad's output for the third configuration.
            compile(List.of(source), work.resolve("out"), generatedDir, true);
            List<Path> withOutput;
            try (Stream<Path> files = Files.walk(generatedDir)) {
                withOutput = Stream.concat(Stream.of(source), files.filter(p -> p.toString().endsWith(".java"))).toList();
            }
            // GeneratedNGradients, and GeneratedNGradientsChecks for GradientCheck.verifyAll
            if (withOutput.size() != 3) {
                throw new IllegalStateException("matgrad wrote " + (withOutput.size() - 1) + " sources, expected 2");
            }
            List<Double> plain = new ArrayList<>();
            List<Double> matgrad = new ArrayList<>();
            List<Double> plainWithOutput = new ArrayList<>();
            for (int round = 0; round < warmup + rounds; round++) {
                boolean record = round >= warmup;
                time(plain, record, () -> compile(List.of(source), work.resolve("out1"), work.resolve("gen1"), false));
                time(matgrad, record, () -> compile(List.of(source), work.resolve("out2"), work.resolve("gen2"), true));
                time(plainWithOutput, record, () -> compile(withOutput, work.resolve("out3"), work.resolve("gen3"), false));
            }
            return new Result(methods, rounds, Stats.of(plain), Stats.of(matgrad), Stats.of(plainWithOutput));
        } finally {
            delete(work);
        }
    }

    private static void time(List<Double> sample, boolean record, Runnable compilation) {
        long start = System.nanoTime();
        compilation.run();
        double ms = (System.nanoTime() - start) / 1e6;
        if (record) {
            sample.add(ms);
        }
    }

    /** Compiles {@code sources}; with {@code processor}, matgrad runs and writes into {@code generated}. */
    void compile(List<Path> sources, Path out, Path generated, boolean processor) {
        try {
            Files.createDirectories(out);
            Files.createDirectories(generated);
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
                List<String> options = new ArrayList<>(List.of("-classpath", classPath, "-d", out.toString(),
                        "-s", generated.toString(), "-implicit:none", "-Xlint:none"));
                if (!processor) {
                    options.add("-proc:none");
                }
                JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
                        files.getJavaFileObjectsFromPaths(sources));
                if (processor) {
                    task.setProcessors(List.<Processor>of(new DifferentiableProcessor()));
                }
                if (!task.call()) {
                    throw new IllegalStateException("javac failed: " + diagnostics.getDiagnostics());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A class of {@code methods} annotated methods, cycling through the suite's formulas. */
    static String source(int methods) {
        StringBuilder out = new StringBuilder("""
                package %s;

                import static io.matgrad.runtime.MatrixOps.*;

                import io.matgrad.annotations.Differentiable;
                import org.ejml.data.DMatrixRMaj;

                public final class Generated%d {
                """.formatted(PACKAGE, methods));
        for (int i = 0; i < methods; i++) {
            out.append(FORMULAS[i % FORMULAS.length].formatted(i)).append('\n');
        }
        return out.append("}\n").toString();
    }

    /** The bodies of {@link Functions}, each with a %d in its name. */
    private static final String[] FORMULAS = {
        """
            @Differentiable(wrt = "x")
            public static double leastSquares%d(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
                DMatrixRMaj r = sub(mult(A, x), b);
                return dot(r, r);
            }
        """,
        """
            @Differentiable(wrt = "x")
            public static double ridge%d(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b, double lambda) {
                return normSq(sub(mult(A, x), b)) + lambda * normSq(x);
            }
        """,
        """
            @Differentiable(wrt = "w")
            public static double logistic%d(DMatrixRMaj X, DMatrixRMaj w, DMatrixRMaj y) {
                DMatrixRMaj z = mult(X, w);
                return sum(softplus(z)) - dot(y, z);
            }
        """,
        """
            @Differentiable(wrt = "x")
            public static double quadraticForm%d(DMatrixRMaj A, DMatrixRMaj x) {
                return dot(x, mult(A, x));
            }
        """,
        """
            @Differentiable(wrt = "S")
            public static double gaussianNll%d(DMatrixRMaj S, DMatrixRMaj C) {
                return logDet(S) + trace(mult(inv(S), C));
            }
        """,
        """
            @Differentiable(wrt = {"U", "V"})
            public static double matrixFactorization%d(DMatrixRMaj Y, DMatrixRMaj U, DMatrixRMaj V) {
                return normSq(sub(Y, mult(U, transpose(V))));
            }
        """,
        """
            @Differentiable(wrt = {"W1", "W2"})
            public static double twoLayerTanh%d(DMatrixRMaj W1, DMatrixRMaj W2, DMatrixRMaj X, DMatrixRMaj Y) {
                DMatrixRMaj H = tanh(mult(W1, X));
                return 0.5 * normSq(sub(mult(W2, H), Y));
            }
        """,
        """
            @Differentiable(wrt = "X")
            public static double traceAXB%d(DMatrixRMaj A, DMatrixRMaj X, DMatrixRMaj B) {
                return trace(mult(mult(A, X), B));
            }
        """,
        """
            @Differentiable(wrt = "x")
            public static double logSumExpOfAx%d(DMatrixRMaj A, DMatrixRMaj x) {
                return logSumExp(mult(A, x));
            }
        """,
    };

    /**
     * The compilation class path: where the annotations, the runtime and EJML were loaded from.
     * Found from classes rather than java.class.path, which is a single jar under
     * {@code java -jar} and a manifest-only jar under Surefire.
     */
    private static String classPath() {
        return Stream.of(Differentiable.class, MatrixOps.class, DMatrixRMaj.class, CommonOps_DDRM.class)
                .map(ProcessorCost::location)
                .distinct()
                .reduce((a, b) -> a + File.pathSeparator + b)
                .orElseThrow();
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static List<String> formulas() {
        return Arrays.asList(FORMULAS);
    }
}
