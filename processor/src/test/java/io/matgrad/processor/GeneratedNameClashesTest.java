package io.matgrad.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.matgrad.processor.testing.Compilations.compile;
import static io.matgrad.processor.testing.Compilations.generatedSource;
import static io.matgrad.processor.testing.Compilations.models;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.matgrad.processor.emit.WorkspaceNames;
import io.matgrad.processor.testing.Classpath;
import io.matgrad.processor.testing.InMemoryClasses;
import java.lang.reflect.Method;
import java.util.List;
import javax.tools.JavaFileObject;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Two {@code @Differentiable} methods of one class never make the generated class uncompilable:
 * their workspaces get distinct names (ignoring case), and two static methods of one signature are
 * a positioned error instead of javac's "already defined".
 */
class GeneratedNameClashesTest {

    @Test
    void overloadsGetWorkspacesOfTheirOwn() throws Exception {
        Compilation c = compile(models("""
                @Differentiable
                static double f(DMatrixRMaj x) {
                    return normSq(x);
                }

                @Differentiable
                static double f(DMatrixRMaj x, double s) {
                    return s * sum(x);
                }
                """));
        assertThat(c).succeededWithoutWarnings();
        String source = generatedSource(c, "test.ModelsGradients");
        assertThat(source).contains("public static final class FWorkspace {");
        assertThat(source).contains("public static final class FWorkspace2 {");
        // each static method calls its own function's workspace
        Class<?> gradients = new InMemoryClasses(c).load("test.ModelsGradients");
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1}, {-2}, {3}});
        Method normSqGradient = gradients.getMethod("fGradX", DMatrixRMaj.class);
        Method sumGradient = gradients.getMethod("fGradX", DMatrixRMaj.class, double.class);
        assertThat(((DMatrixRMaj) normSqGradient.invoke(null, x)).data).usingTolerance(0).containsExactly(2, -4, 6);
        assertThat(((DMatrixRMaj) sumGradient.invoke(null, x, 5.0)).data).usingTolerance(0).containsExactly(5, 5, 5);
    }

    @Test
    void namesDifferingInCaseGetWorkspacesOfTheirOwn() {
        Compilation c = compile(models("""
                @Differentiable
                static double f(DMatrixRMaj x) {
                    return normSq(x);
                }

                @Differentiable
                static double F(DMatrixRMaj x) {
                    return sum(x);
                }

                @Differentiable
                static double fWorkspace2(DMatrixRMaj x) {
                    return sum(exp(x));
                }
                """));
        assertThat(c).succeededWithoutWarnings();
        String source = generatedSource(c, "test.ModelsGradients");
        assertThat(source).contains("public static DMatrixRMaj fGradX(DMatrixRMaj x) {\n        return new FWorkspace()");
        assertThat(source).contains("public static DMatrixRMaj FGradX(DMatrixRMaj x) {\n        return new FWorkspace2()");
        assertThat(source).contains("return new FWorkspace2Workspace()");
    }

    @Test
    void workspaceNamesAreUniqueIgnoringCase() {
        assertEquals(List.of("FWorkspace", "FWorkspace2", "GWorkspace", "FWorkspace3", "FWorkspace2Workspace"),
                WorkspaceNames.of(List.of("f", "F", "g", "f", "fWorkspace2")));
    }

    @Test
    void overloadsWhoseGeneratedMethodsWouldCollideAreAnError() {
        JavaFileObject source = models("""
                @Differentiable(wrt = {"x", "y"})
                static double f(DMatrixRMaj x, DMatrixRMaj y) {
                    return dot(x, y);
                }

                @Differentiable(wrt = "x")
                static double f(DMatrixRMaj x, DMatrixRMaj y, DMatrixRMaj z) { // the second f
                    return dot(x, y) + sum(z);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradGeneratedMethodClash] f(DMatrixRMaj x, DMatrixRMaj y, DMatrixRMaj z)"
                        + " would generate fValueAndGrad(DMatrixRMaj, DMatrixRMaj, DMatrixRMaj, DMatrixRMaj), which"
                        + " f(DMatrixRMaj x, DMatrixRMaj y) generates too, and one class cannot hold two methods of one"
                        + " signature; rename one of the two methods, or change its wrt or its parameters")
                .inFile(source).onLineContaining("// the second f");
        // and no "method fValueAndGrad(...) is already defined" from javac: the generated class compiled
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void generatedTestsOfOverloadsCompile() {
        Compilation c = Compiler.javac()
                .withProcessors(new DifferentiableProcessor())
                .withClasspath(Classpath.current())
                .withOptions("-Amatgrad.tests=true")
                .compile(models("""
                        @Differentiable
                        static double f(DMatrixRMaj x) {
                            return normSq(x);
                        }

                        @Differentiable
                        static double f(DMatrixRMaj x, double s) {
                            return s * sum(x);
                        }
                        """));
        assertThat(c).succeededWithoutWarnings();
        String test = generatedSource(c, "test.ModelsDerivativesTest");
        assertThat(test).contains("void fDerivatives()");
        assertThat(test).contains("void fDerivatives2()");
    }
}
