package io.matgrad.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.matgrad.processor.testing.Compilations.errorsTagged;
import static io.matgrad.processor.testing.Compilations.messages;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.matgrad.processor.testing.Compilations;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.zip.ZipFile;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A build without matgrad-runtime: one {@code [MatgradMissingRuntime]} for the whole compilation, on
 * the first {@code @Differentiable} method, and nothing else from matgrad; javac's own errors about
 * the missing classes stay.
 */
class MissingRuntimeTest {
    private static final JavaFileObject MODELS = Compilations.models("""
            @Differentiable(wrt = "x")
            static double leastSquares(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
                DMatrixRMaj r = sub(mult(A, x), b);
                return dot(r, r);
            }

            @Differentiable(wrt = {"x", "s"}, hessian = true)
            static double shaped(@Shape("n x n") DMatrixRMaj A, @Shape("n x 1") DMatrixRMaj x, double s) {
                return s * normSq(mult(A, x)) + Math.exp(sum(x));
            }

            @Differentiable
            static double square(double s) {
                return s * s;
            }
            """);

    private static final JavaFileObject OTHER = JavaFileObjects.forSourceString("test.Other", """
            package test;

            import static io.matgrad.runtime.MatrixOps.*;

            import io.matgrad.annotations.Differentiable;
            import org.ejml.data.DMatrixRMaj;

            class Other {
                @Differentiable
                static double other(DMatrixRMaj A) {
                    return trace(A);
                }
            }
            """);

    @Test
    void withoutTheRuntimeOneErrorForTheWholeCompilation() {
        Compilation c = Compilations.compile(new DifferentiableProcessor(), Compilations.withoutRuntime(), MODELS, OTHER);
        assertThat(c).hadErrorContaining("[MatgradMissingRuntime] io.matgrad.runtime.MatrixOps is not on the"
                        + " classpath")
                .inFile(MODELS).onLineContaining("static double leastSquares(");
        assertWithMessage(messages(c)).that(errorsTagged(c, "[MatgradMissingRuntime]")).isEqualTo(1);
        assertWithMessage(messages(c)).that(errorsTagged(c, "[Matgrad")).isEqualTo(1);
        // javac's own, about the user's imports: not matgrad's to suppress
        assertThat(c).hadErrorContaining("package io.matgrad.runtime does not exist").inFile(MODELS);
    }

    @Test
    void withoutTheRuntimeAndEjmlOneErrorForTheWholeCompilation() {
        List<File> classpath = Compilations.withoutRuntime().stream().filter(f -> !contains(f, "org/ejml/data/DMatrixRMaj.class"))
                .toList();
        Compilation c = Compilations.compile(new DifferentiableProcessor(), classpath, MODELS, OTHER);
        assertThat(c).hadErrorContaining("[MatgradMissingRuntime] io.matgrad.runtime.MatrixOps (and EJML's"
                        + " org.ejml.data.DMatrixRMaj) is not on the classpath")
                .inFile(MODELS).onLineContaining("static double leastSquares(");
        assertWithMessage(messages(c)).that(errorsTagged(c, "[Matgrad")).isEqualTo(1);
        assertThat(c).hadErrorContaining("package org.ejml.data does not exist").inFile(MODELS);
        assertThat(messages(c)).contains("symbol:   class DMatrixRMaj");
    }

    private static boolean contains(File entry, String path) {
        if (entry.isDirectory()) {
            return new File(entry, path).isFile();
        }
        try (ZipFile jar = new ZipFile(entry)) {
            return jar.getEntry(path) != null;
        } catch (IOException e) {
            return false;
        }
    }
}
