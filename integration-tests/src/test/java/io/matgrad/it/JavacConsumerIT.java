package io.matgrad.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.runtime.GradientCheck;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged processor used without a build tool: javac with {@code -processorpath} naming the
 * processor jar alone, the way a user of plain javac, a shell script or an unusual build tool runs
 * it. The jars are this build's packaged artifacts (failsafe runs after {@code package}).
 */
class JavacConsumerIT {
    private static final String MODELS = """
            package com.example;

            import static io.matgrad.runtime.MatrixOps.*;

            import io.matgrad.annotations.Differentiable;
            import org.ejml.data.DMatrixRMaj;

            public class Models {
                @Differentiable(wrt = "x")
                public static double leastSquares(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
                    DMatrixRMaj r = sub(mult(A, x), b);
                    return dot(r, r);
                }
            }
            """;

    @TempDir
    Path work;

    @Test
    void theProcessorJarAloneOnTheProcessorPathGeneratesWorkingGradients() throws Exception {
        Path classes = compile(MODELS, "Models.java");

        Path generated = work.resolve("generated/com/example/ModelsGradients.java");
        assertTrue(Files.isRegularFile(generated), "javac -s wrote no " + generated);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> gradients = loader.loadClass("com.example.ModelsGradients");
            Method gradX = gradients.getMethod("leastSquaresGradX", DMatrixRMaj.class, DMatrixRMaj.class, DMatrixRMaj.class);
            Random random = new Random(3);
            DMatrixRMaj A = RandomMatrices_DDRM.rectangle(6, 3, -1, 1, random);
            DMatrixRMaj x = RandomMatrices_DDRM.rectangle(3, 1, -1, 1, random);
            DMatrixRMaj b = RandomMatrices_DDRM.rectangle(6, 1, -1, 1, random);
            // 2 Aᵀ(Ax − b)
            DMatrixRMaj r = new DMatrixRMaj(6, 1);
            CommonOps_DDRM.mult(A, x, r);
            CommonOps_DDRM.subtractEquals(r, b);
            DMatrixRMaj expected = new DMatrixRMaj(3, 1);
            CommonOps_DDRM.multTransA(2, A, r, expected);
            DMatrixRMaj actual = (DMatrixRMaj) gradX.invoke(null, A, x, b);
            assertTrue(GradientCheck.relativeError(expected, actual) < 1e-14, actual::toString);
        }
    }

    @Test
    void errorsReachPlainJavacWithTheirIdsAndPositions() throws Exception {
        String withLoop = MODELS.replace("DMatrixRMaj r = sub(mult(A, x), b);",
                "DMatrixRMaj r = sub(mult(A, x), b);\n        for (int i = 0; i < 2; i++) {}");
        Result result = javac(withLoop, "Models.java");
        assertFalse(result.succeeded(), result.output());
        assertTrue(result.output().contains("Models.java:12: error: [MatgradLoop]"), result.output());
    }

    @Test
    void theProcessorJarCarriesJavaPoetRelocatedAndRegistersTheProcessor() throws IOException {
        try (JarFile jar = new JarFile(property("matgrad.processor.jar"))) {
            List<String> entries = jar.stream().map(e -> e.getName()).collect(Collectors.toList());
            assertTrue(entries.contains("io/matgrad/processor/shaded/javapoet/JavaFile.class"), "JavaPoet is not shaded in");
            assertFalse(entries.stream().anyMatch(e -> e.startsWith("com/palantir/")), "JavaPoet is not relocated");
            assertTrue(entries.contains("io/matgrad/annotations/Differentiable.class"));
            String services = new String(jar.getInputStream(jar.getEntry("META-INF/services/javax.annotation.processing.Processor"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("io.matgrad.processor.DifferentiableProcessor", services.strip());
        }
    }

    /** Compiles one source file as a user would, requiring success; returns the class output directory. */
    private Path compile(String source, String fileName) throws IOException {
        Result result = javac(source, fileName);
        assertTrue(result.succeeded(), result.output());
        assertEquals("", result.output(), "javac printed warnings");
        return work.resolve("classes");
    }

    private record Result(boolean succeeded, String output) {}

    /**
     * {@code javac -processorpath matgrad-processor.jar -classpath annotations:runtime:ejml
     * -Xlint:all,-processing -s generated -d classes Models.java}.
     */
    private Result javac(String source, String fileName) throws IOException {
        Path sources = Files.createDirectories(work.resolve("src/com/example"));
        Path file = Files.writeString(sources.resolve(fileName), source);
        Files.createDirectories(work.resolve("classes"));
        Files.createDirectories(work.resolve("generated"));
        List<String> arguments = new ArrayList<>(List.of(
                "-processorpath", property("matgrad.processor.jar"),
                "-classpath", String.join(File.pathSeparator, property("matgrad.annotations.jar"),
                        property("matgrad.runtime.jar"), property("ejml.core.jar"), property("ejml.ddense.jar")),
                "--release", "17",
                "-Xlint:all,-processing", // see the maven-consumer's pom: javac's misfeature, not ours
                "-s", work.resolve("generated").toString(),
                "-d", work.resolve("classes").toString(),
                file.toString()));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = javac.run(null, output, output, arguments.toArray(String[]::new));
        return new Result(status == 0, output.toString(StandardCharsets.UTF_8));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertTrue(value != null && value.endsWith(".jar") && new File(value).isFile(),
                name + " should name a packaged jar, not " + value);
        return value;
    }
}
