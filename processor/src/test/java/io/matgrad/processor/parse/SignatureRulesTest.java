package io.matgrad.processor.parse;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.matgrad.processor.testing.Compilations.compile;
import static io.matgrad.processor.testing.Compilations.compileWithoutRuntime;
import static io.matgrad.processor.testing.Compilations.models;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The declaration and the annotation: one test per rule, each error on the element or value at fault. */
class SignatureRulesTest {

    @Test
    void instanceMethodIsAnError() {
        JavaFileObject source = models("""
                @Differentiable
                public double instance(DMatrixRMaj A) {
                    return sum(A);
                }
                """);
        assertThat(compile(source))
                .hadErrorContaining("[MatgradNotStatic] @Differentiable method instance must be static: the generated"
                        + " gradient methods are static and call it with its parameters only; add the static modifier")
                .inFile(source).onLineContaining("public double instance(");
    }

    @Test
    void methodWithoutBodyIsAnError() {
        JavaFileObject source = models("""
                @Differentiable
                static native double nativeMethod(DMatrixRMaj A);
                """);
        assertThat(compile(source))
                .hadErrorContaining("[MatgradNoBody] @Differentiable method nativeMethod has no body")
                .inFile(source).onLineContaining("nativeMethod(");
    }

    @Test
    void typeParametersAreAnError() {
        JavaFileObject source = models("""
                @Differentiable
                static <T, U> double generic(DMatrixRMaj A) {
                    return sum(A);
                }
                """);
        assertThat(compile(source))
                .hadErrorContaining("[MatgradTypeParameters] @Differentiable method generic declares type parameters"
                        + " <T, U>")
                .inFile(source).onLineContaining("generic(");
    }

    @Test
    void methodWithoutParametersIsAnError() {
        JavaFileObject source = models("""
                @Differentiable
                static double constant() {
                    return 1.0;
                }
                """);
        assertThat(compile(source))
                .hadErrorContaining("[MatgradNoParameters] @Differentiable method constant has no parameters, so"
                        + " there is nothing to differentiate with respect to")
                .inFile(source).onLineContaining("constant()");
    }

    @Test
    void parameterOfTypeOutsideTheLanguageIsAnError() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(DMatrixRMaj A, int n, DMatrixRMaj[] Bs, String name) {
                    return sum(A);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradParameterType] parameter n has type int: the parameters of a"
                        + " @Differentiable method are DMatrixRMaj or double; write double instead (Java widens int"
                        + " values to double)")
                .inFile(source).onLineContaining("int n");
        assertThat(c).hadErrorContaining("[MatgradParameterType] parameter Bs has type DMatrixRMaj[]: the parameters"
                + " of a @Differentiable method are DMatrixRMaj or double; pass one DMatrixRMaj instead of an array");
        assertThat(c).hadErrorContaining("[MatgradParameterType] parameter name has type String");
        assertThat(c).hadErrorCount(3);
    }

    @Test
    void simpleMatrixParameterIsAnErrorThatSaysHowToConvert() {
        JavaFileObject simpleMatrix = JavaFileObjects.forSourceString("org.ejml.simple.SimpleMatrix",
                "package org.ejml.simple; public class SimpleMatrix {}");
        JavaFileObject source = models("""
                @Differentiable
                static double f(org.ejml.simple.SimpleMatrix M) {
                    return 1.0;
                }
                """);
        assertThat(compile(simpleMatrix, source))
                .hadErrorContaining("[MatgradParameterType] parameter M has type SimpleMatrix: the parameters of a"
                        + " @Differentiable method are DMatrixRMaj or double; write DMatrixRMaj instead"
                        + " (SimpleMatrix.getDDRM() gives one)")
                .inFile(source).onLineContaining("SimpleMatrix M");
    }

    @Test
    void returnTypeOutsideTheLanguageIsAnError() {
        JavaFileObject source = models("""
                @Differentiable
                static float single(double s) {
                    return 1f;
                }

                @Differentiable
                static void nothing(double s) {
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradReturnType] @Differentiable method single returns float: it must"
                        + " return double (a scalar function, for gradients) or DMatrixRMaj (an m x 1 vector function,"
                        + " for Jacobians); write double instead")
                .inFile(source).onLineContaining("single(");
        assertThat(c).hadErrorContaining("[MatgradReturnType] @Differentiable method nothing returns void")
                .inFile(source).onLineContaining("nothing(");
        assertThat(c).hadErrorCount(2);
    }

    @Test
    void wrtNamingAnUnknownParameterIsAnErrorWithASuggestion() {
        JavaFileObject source = models("""
                @Differentiable(wrt = {"x", "bb"})
                static double leastSquares(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
                    return normSq(sub(mult(A, x), b));
                }
                """);
        assertThat(compile(source))
                .hadErrorContaining("[MatgradUnknownWrt] wrt names \"bb\", which is not a parameter of leastSquares:"
                        + " wrt lists parameter names, here A, x, b; did you mean \"b\"?")
                .inFile(source).onLineContaining("\"bb\"");
    }

    @Test
    void wrtNamingAParameterTwiceIsAnError() {
        JavaFileObject source = models("""
                @Differentiable(wrt = {"x",
                        "x"})
                static double f(DMatrixRMaj A, DMatrixRMaj x) {
                    return dot(x, x);
                }
                """);
        assertThat(compile(source))
                .hadErrorContaining("[MatgradDuplicateWrt] wrt names \"x\" twice; list each parameter once")
                .inFile(source).onLineContaining("        \"x\"})");
    }

    @Test
    void hessianOfAVectorFunctionIsAnError() {
        JavaFileObject source = models("""
                @Differentiable(wrt = "x",
                        hessian = true)
                static DMatrixRMaj residual(DMatrixRMaj A, DMatrixRMaj x) {
                    return mult(A, x);
                }
                """);
        assertThat(compile(source))
                .hadErrorContaining("[MatgradHessianOfVectorFunction] hessian = true asks for Hessians, which exist"
                        + " for double-valued functions only, but residual returns DMatrixRMaj")
                .inFile(source).onLineContaining("hessian = true");
    }

    @Test
    void wrtNamingAParameterTheResultIgnoresIsAWarning() {
        JavaFileObject source = models("""
                @Differentiable(wrt = {"x",
                        "b"})
                static double f(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
                    DMatrixRMaj unused = sub(mult(A, x), b);
                    return normSq(mult(A, x));
                }

                @Differentiable
                static double g(double s, DMatrixRMaj A) {
                    return sum(A);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("[MatgradConstantInWrt] f does not depend on b, so its derivatives with"
                        + " respect to b are zero everywhere; check that the formula uses it, or remove it from wrt")
                .inFile(source).onLineContaining("        \"b\"})");
        // the default wrt, the first parameter: the warning is on the method
        assertThat(c).hadWarningContaining("[MatgradConstantInWrt] g does not depend on s")
                .inFile(source).onLineContaining("static double g(");
        assertThat(c).hadWarningCount(2);
    }

    @Test
    void abstractMethodIsAnError() {
        JavaFileObject source = JavaFileObjects.forSourceString("test.Base", """
                package test;

                import io.matgrad.annotations.Differentiable;
                import org.ejml.data.DMatrixRMaj;

                abstract class Base {
                    @Differentiable
                    abstract double loss(DMatrixRMaj A);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradNotStatic] @Differentiable method loss must be static")
                .inFile(source).onLineContaining("abstract double loss(");
        assertThat(c).hadErrorContaining("[MatgradNoBody] @Differentiable method loss has no body")
                .inFile(source).onLineContaining("abstract double loss(");
        assertThat(c).hadErrorCount(2);
    }

    @Test
    void missingRuntimeIsAnError() {
        JavaFileObject source = JavaFileObjects.forSourceString("test.Plain", """
                package test;

                import io.matgrad.annotations.Differentiable;

                class Plain {
                    @Differentiable
                    static double square(double s) {
                        return s * s;
                    }
                }
                """);
        Compilation c = compileWithoutRuntime(source);
        assertThat(c).hadErrorContaining("[MatgradMissingRuntime] io.matgrad.runtime.MatrixOps is not on"
                        + " the classpath")
                .inFile(source).onLineContaining("square(");
        assertThat(c).hadErrorContaining("add the io.matgrad:matgrad-runtime dependency");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void emptyWrtMeansTheFirstParameter() {
        ParseHarness.Result r = ParseHarness.compile(models("""
                @Differentiable
                static double f(DMatrixRMaj A, double s) {
                    return s * sum(A);
                }
                """));
        assertThat(r.compilation()).succeeded();
        assertThat(r.function("f").wrt()).containsExactly(r.function("f").parameters().get(0));
        assertThat(r.function("f").hessian()).isFalse();
    }

    @Test
    void methodOfNestedStaticClassParses() {
        ParseHarness.Result r = ParseHarness.compile(models("""
                static final class Inner {
                    static final double SCALE = 3;

                    @Differentiable(wrt = {"s", "A"}, hessian = true)
                    static double nested(DMatrixRMaj A, double s) {
                        return SCALE * s * trace(A);
                    }
                }
                """));
        assertThat(r.compilation()).succeeded();
        assertThat(r.function("nested").wrt().stream().map(v -> v.name()).toList()).containsExactly("s", "A").inOrder();
        assertThat(r.function("nested").hessian()).isTrue();
    }
}
