package io.matgrad.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.runtime.GradientCheck;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged processor used without a build tool: javac with {@code -processorpath} naming the
 * processor jar alone, the way a user of plain javac, a shell script or an unusual build tool runs
 * it.
 */
class JavacConsumerIT {
    static final String MODELS = """
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
        UserCompilation compilation = new UserCompilation(work);
        UserCompilation.Result result = compilation.javac(MODELS);
        assertTrue(result.succeeded(), result.output());
        assertEquals("", result.output(), "javac printed warnings");

        Path generated = compilation.generated().resolve("com/example/ModelsGradients.java");
        assertTrue(Files.isRegularFile(generated), "javac -s wrote no " + generated);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {compilation.classes().toUri().toURL()}, getClass().getClassLoader())) {
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
        UserCompilation.Result result = new UserCompilation(work).javac(withLoop);
        assertFalse(result.succeeded(), result.output());
        assertTrue(result.output().contains("Models.java:12: error: [MatgradLoop]"), result.output());
    }

    @Test
    void theProcessorJarCarriesJavaPoetRelocatedAndRegistersTheProcessor() throws IOException {
        try (JarFile jar = new JarFile(UserCompilation.jar("matgrad.processor.jar"))) {
            List<String> entries = jar.stream().map(JarEntry::getName).collect(Collectors.toList());
            assertTrue(entries.contains("io/matgrad/processor/shaded/javapoet/JavaFile.class"), "JavaPoet is not shaded in");
            assertFalse(entries.stream().anyMatch(e -> e.startsWith("com/palantir/")), "JavaPoet is not relocated");
            assertTrue(entries.contains("io/matgrad/annotations/Differentiable.class"));
            String services = new String(jar.getInputStream(jar.getEntry("META-INF/services/javax.annotation.processing.Processor"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            // the second reports @Differentiable methods of local classes in rounds the first is not called in
            assertEquals(List.of("io.matgrad.processor.DifferentiableProcessor", "io.matgrad.processor.LocalClassesProcessor"),
                    services.strip().lines().toList());
        }
    }
}
