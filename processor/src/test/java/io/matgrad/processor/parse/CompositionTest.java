package io.matgrad.processor.parse;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.matgrad.processor.testing.Compilations.compile;
import static io.matgrad.processor.testing.Compilations.errorsTagged;
import static io.matgrad.processor.testing.Compilations.generatedSource;
import static io.matgrad.processor.testing.Compilations.models;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.matgrad.processor.DifferentiableProcessor;
import io.matgrad.processor.ir.Binding;
import io.matgrad.processor.ir.DimRequirement;
import io.matgrad.processor.ir.Function;
import io.matgrad.processor.testing.Classpath;
import io.matgrad.processor.testing.InMemoryClasses;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaFileObject;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls of other {@code @Differentiable} methods (helpers): the callee's formula takes the call's
 * place in the caller's IR, with its shapes checked across the call; recursion, callees with errors
 * and callees without source are errors at the call. Derivatives through calls are checked against
 * central differences in processor-tests ({@code Composition}).
 */
class CompositionTest {

    private static final String LAYER = """
            @Differentiable(wrt = "x")
            static DMatrixRMaj layer(DMatrixRMaj W, DMatrixRMaj x) {
                DMatrixRMaj z = mult(W, x);
                return tanh(z);
            }
            """;

    // ---------------------------------------------------------------- the call is the callee's formula

    @Test
    void aHelperCallIsTheHelpersFormulaInPlace() {
        ParseHarness.Result r = ParseHarness.compile(models(LAYER, """
                @Differentiable(wrt = {"W1", "x"})
                static double network(DMatrixRMaj W1, DMatrixRMaj W2, DMatrixRMaj x, DMatrixRMaj y) {
                    DMatrixRMaj h = layer(W1, x);
                    DMatrixRMaj out = layer(W2, h);
                    return normSq(sub(out, y));
                }

                @Differentiable(wrt = {"W1", "x"})
                static double inlined(DMatrixRMaj W1, DMatrixRMaj W2, DMatrixRMaj x, DMatrixRMaj y) {
                    DMatrixRMaj z = mult(W1, x);
                    DMatrixRMaj h = tanh(z);
                    DMatrixRMaj z2 = mult(W2, h);
                    DMatrixRMaj out = tanh(z2);
                    return normSq(sub(out, y));
                }
                """));
        assertThat(r.compilation()).succeededWithoutWarnings();
        Function network = r.function("network");
        Function inlined = r.function("inlined");
        assertThat(network.result()).isEqualTo(inlined.result());
        assertThat(network.parameters()).isEqualTo(inlined.parameters());
        // the helper's local names the product, numbered the second time; the caller's own names win
        assertThat(network.locals()).isEqualTo(inlined.locals());
        assertThat(origins(network)).containsExactly(
                "layer(W1, x) (mult(W, x) in Models.layer)",
                "layer(W2, h) (mult(W, x) in Models.layer)",
                "sub(out, y)",
                "sub(out, y)").inOrder();
    }

    @Test
    void aHelperReturningADoubleIsATermOfTheCallersFormula() {
        ParseHarness.Result r = ParseHarness.compile(models("""
                @Differentiable
                static double penalty(DMatrixRMaj w, double lambda) {
                    double half = 0.5 * lambda;
                    return half * normSq(w);
                }

                @Differentiable(wrt = "x")
                static double ridge(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
                    return normSq(sub(mult(A, x), b)) + penalty(x, 2) + penalty(A, 1e-3);
                }

                @Differentiable(wrt = "x")
                static double inlined(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
                    return normSq(sub(mult(A, x), b)) + 0.5 * 2.0 * normSq(x) + 0.5 * 1e-3 * normSq(A);
                }
                """));
        assertThat(r.compilation()).succeededWithoutWarnings();
        assertThat(r.function("ridge").result()).isEqualTo(r.function("inlined").result());
        // each call's locals, numbered apart (constants, they name nothing in generated code)
        assertThat(names(r.function("ridge"))).containsExactly("half", "half2").inOrder();
    }

    @Test
    void nestedHelpersAreReadThroughEveryLevel() {
        ParseHarness.Result r = ParseHarness.compile(models("""
                @Differentiable
                static DMatrixRMaj c(DMatrixRMaj v) {
                    DMatrixRMaj e = exp(v);
                    return scale(1.0 / sum(e), e);
                }

                @Differentiable
                static DMatrixRMaj b(DMatrixRMaj W, DMatrixRMaj v) {
                    DMatrixRMaj p = c(mult(W, v));
                    return sub(p, v);
                }

                @Differentiable(wrt = "x")
                static double a(DMatrixRMaj W, DMatrixRMaj x) {
                    DMatrixRMaj d = b(W, x);
                    return dot(d, d);
                }

                @Differentiable(wrt = "x")
                static double inlined(DMatrixRMaj W, DMatrixRMaj x) {
                    DMatrixRMaj e = exp(mult(W, x));
                    DMatrixRMaj p = scale(1.0 / sum(e), e);
                    DMatrixRMaj d = sub(p, x);
                    return dot(d, d);
                }
                """));
        assertThat(r.compilation()).succeededWithoutWarnings();
        Function a = r.function("a");
        assertThat(a.result()).isEqualTo(r.function("inlined").result());
        assertThat(names(a)).containsExactly("e", "p", "d").inOrder();
        assertThat(origins(a)).containsExactly(
                "b(W, x) (mult(W, v) in Models.b)",
                "b(W, x) (sub(p, v) in Models.b)").inOrder();
    }

    @Test
    void inlinedLocalsAreNamedApartFromTheCallersNames() {
        ParseHarness.Result r = ParseHarness.compile(models("""
                @Differentiable
                static DMatrixRMaj helper(DMatrixRMaj a, DMatrixRMaj b) {
                    DMatrixRMaj z = mult(a, b);
                    DMatrixRMaj r = tanh(z);
                    return exp(r);
                }

                @Differentiable(wrt = "z")
                static double f(DMatrixRMaj W, DMatrixRMaj z) {
                    DMatrixRMaj u = helper(W, z);
                    DMatrixRMaj r = helper(W, u);
                    DMatrixRMaj z2 = sigmoid(r);
                    return sum(z2);
                }
                """));
        assertThat(r.compilation()).succeededWithoutWarnings();
        // z is a parameter, r and z2 are the caller's locals (r declared after the first call)
        assertThat(names(r.function("f"))).containsExactly("z3", "r2", "u", "z4", "r3", "r", "z2").inOrder();
    }

    @Test
    void theCallersNameForAValueWinsOverAHelpersName() {
        ParseHarness.Result r = ParseHarness.compile(models(LAYER, """
                @Differentiable(wrt = "x")
                static double f(DMatrixRMaj W, DMatrixRMaj x) {
                    DMatrixRMaj a = layer(W, x);
                    DMatrixRMaj product = mult(W, x);
                    return sum(a) + sum(product);
                }
                """));
        assertThat(r.compilation()).succeededWithoutWarnings();
        // layer's z is W x, which the caller calls product
        assertThat(names(r.function("f"))).containsExactly("a", "product").inOrder();
    }

    @Test
    void aHelpersMatrixResultNeedNotBeAColumn() {
        ParseHarness.Result r = ParseHarness.compile(models("""
                @Differentiable
                static DMatrixRMaj outer(DMatrixRMaj u, DMatrixRMaj v) {
                    return mult(u, transpose(v));
                }

                @Differentiable(wrt = "x")
                static double f(DMatrixRMaj x, DMatrixRMaj y, DMatrixRMaj S) {
                    return dot(S, outer(x, y));
                }
                """));
        assertThat(r.compilation()).succeededWithoutWarnings();
        assertThat(origins(r.function("f"))).containsExactly(
                "outer(x, y) (mult(u, transpose(v)) in Models.outer)",
                "dot(S, outer(x, y))",
                "dot(S, outer(x, y))").inOrder();
    }

    @Test
    void theCalleesAnnotationPlaysNoPartInTheCaller() {
        ParseHarness.Result r = ParseHarness.compile(models("""
                @Differentiable(wrt = "lambda", hessian = true)
                static double penalty(DMatrixRMaj w, double lambda) {
                    return lambda * normSq(w);
                }

                @Differentiable(wrt = "x")
                static double f(DMatrixRMaj x, double lambda) {
                    return penalty(x, lambda);
                }

                @Differentiable(wrt = "x")
                static double inlined(DMatrixRMaj x, double lambda) {
                    return lambda * normSq(x);
                }
                """));
        assertThat(r.compilation()).succeededWithoutWarnings();
        Function f = r.function("f");
        assertThat(f.result()).isEqualTo(r.function("inlined").result());
        assertThat(f.wrt()).containsExactly(f.parameter("x"));
        assertThat(f.hessian()).isFalse();
    }

    // ---------------------------------------------------------------- resolution, as Java resolves

    @Test
    void helpersOfAnotherClassAreCalledQualifiedOrStaticallyImported() {
        JavaFileObject helpers = JavaFileObjects.forSourceString("test.lib.Layers", """
                package test.lib;

                import static io.matgrad.runtime.MatrixOps.*;

                import io.matgrad.annotations.Differentiable;
                import org.ejml.data.DMatrixRMaj;

                public class Layers {
                    @Differentiable(wrt = "x")
                    public static DMatrixRMaj layer(DMatrixRMaj W, DMatrixRMaj x) {
                        return tanh(mult(W, x));
                    }

                    @Differentiable
                    public static double penalty(DMatrixRMaj w) {
                        return sum(square(w));
                    }
                }
                """);
        JavaFileObject models = JavaFileObjects.forSourceString("test.Models", """
                package test;

                import static io.matgrad.runtime.MatrixOps.*;
                import static test.lib.Layers.layer;
                import static test.lib.Layers.*;

                import io.matgrad.annotations.Differentiable;
                import org.ejml.data.DMatrixRMaj;
                import test.lib.Layers;

                public class Models {
                    @Differentiable(wrt = "x")
                    static double imported(DMatrixRMaj W, DMatrixRMaj x) {
                        return sum(layer(W, x)) + penalty(x);
                    }

                    @Differentiable(wrt = "x")
                    static double qualified(DMatrixRMaj W, DMatrixRMaj x) {
                        return sum(Layers.layer(W, x)) + test.lib.Layers.penalty(x);
                    }

                    @Differentiable(wrt = "x")
                    static double inlined(DMatrixRMaj W, DMatrixRMaj x) {
                        return sum(tanh(mult(W, x))) + sum(square(x));
                    }
                }
                """);
        ParseHarness.Result r = ParseHarness.compile(models, helpers);
        assertThat(r.compilation()).succeededWithoutWarnings();
        assertThat(r.function("imported").result()).isEqualTo(r.function("inlined").result());
        assertThat(r.function("qualified").result()).isEqualTo(r.function("inlined").result());
        // the helpers' class is generated in the same round, beside the caller's
        Compilation c = compile(models, helpers);
        assertThat(c).succeededWithoutWarnings();
        assertThat(generatedSource(c, "test.ModelsGradients")).contains("importedGradX");
        assertThat(generatedSource(c, "test.lib.LayersGradients")).contains("layerJacobianX");
    }

    @Test
    void overloadsAreChosenAsJavaChoosesThem() {
        ParseHarness.Result r = ParseHarness.compile(models("""
                @Differentiable
                static double size(DMatrixRMaj w) {
                    return normSq(w);
                }

                @Differentiable
                static double size(double s) {
                    return s * s;
                }

                @Differentiable
                static double size(DMatrixRMaj w, double p) {
                    return Math.pow(normSq(w), p);
                }

                @Differentiable(wrt = "x")
                static double f(DMatrixRMaj x, double s) {
                    return size(x) + size(s) + size(2) + size(x, 2);
                }

                @Differentiable(wrt = "x")
                static double inlined(DMatrixRMaj x, double s) {
                    return normSq(x) + s * s + 2.0 * 2.0 + Math.pow(normSq(x), 2.0);
                }
                """));
        assertThat(r.compilation()).succeededWithoutWarnings();
        assertThat(r.function("f").result()).isEqualTo(r.function("inlined").result());
    }

    @Test
    void aPrivateHelperOfTheSameClassIsCalled() {
        ParseHarness.Result r = ParseHarness.compile(models("""
                @Differentiable
                private static double penalty(DMatrixRMaj w) {
                    return normSq(w);
                }

                @Differentiable(wrt = "x")
                static double f(DMatrixRMaj x) {
                    return penalty(x) + Models.penalty(x);
                }

                @Differentiable(wrt = "x")
                static double inlined(DMatrixRMaj x) {
                    return normSq(x) + normSq(x);
                }
                """));
        assertThat(r.compilation()).succeededWithoutWarnings();
        assertThat(r.function("f").result()).isEqualTo(r.function("inlined").result());
    }

    @Test
    void aNonDifferentiableOverloadChosenByJavaIsStillOutsideTheLanguage() {
        JavaFileObject source = models("""
                static double size(double s) {
                    return s * s;
                }

                @Differentiable
                static double size(DMatrixRMaj w) {
                    return normSq(w);
                }

                @Differentiable(wrt = "x")
                static double f(DMatrixRMaj x, double s) {
                    return size(x) + size(s);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradUnsupportedCall] size(s) calls Models.size, which matgrad cannot"
                        + " differentiate")
                .inFile(source).onLineContaining("size(x) + size(s)");
        assertThat(c).hadErrorContaining("annotate it with @Differentiable");
        assertThat(c).hadErrorCount(1);
    }

    // ---------------------------------------------------------------- shapes across the call

    @Test
    void aHelperUsedTwiceWithDifferentShapesIsCheckedForEach() {
        ParseHarness.Result r = ParseHarness.compile(models("""
                @Differentiable
                static double quadratic(@Shape("n x n") DMatrixRMaj S, @Shape("n x 1") DMatrixRMaj v) {
                    return dot(v, mult(S, v));
                }

                @Differentiable(wrt = "x")
                static double f(@Shape("3 x 3") DMatrixRMaj P, @Shape("3 x 1") DMatrixRMaj x,
                        @Shape("m x m") DMatrixRMaj Q, @Shape("m x 1") DMatrixRMaj y) {
                    return quadratic(P, x) + quadratic(Q, y);
                }
                """));
        assertThat(r.compilation()).succeededWithoutWarnings();
        // the caller's declarations imply every rule of both calls
        assertThat(origins(r.function("f"))).doesNotContain("quadratic");
        for (String origin : origins(r.function("f"))) {
            assertThat(origin).startsWith("@Shape(");
        }
    }

    @Test
    void aShapeConflictWithTheCalleesRuleIsAnErrorAtTheCall() {
        JavaFileObject source = models(LAYER, """
                @Differentiable(wrt = "x")
                static double f(@Shape("3 x 4") DMatrixRMaj A, @Shape("5 x 1") DMatrixRMaj x) {
                    DMatrixRMaj h = layer(A, x);
                    return sum(h);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradShapeMismatch] layer(A, x) (mult(W, x) in Models.layer) needs"
                        + " A.numCols == x.numRows, but A.numCols is 4 (from @Shape(\"3 x 4\") A) and x.numRows is 5"
                        + " (from @Shape(\"5 x 1\") x); fix the operands' shapes")
                .inFile(source).onLineContaining("layer(A, x);");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void aShapeConflictWithTheCalleesDeclarationsIsAnErrorAtTheCall() {
        JavaFileObject source = models("""
                @Differentiable
                static double quadratic(@Shape("n x n") DMatrixRMaj S, @Shape("n x 1") DMatrixRMaj v) {
                    return dot(v, mult(S, v));
                }

                @Differentiable(wrt = "x")
                static double wide(@Shape("3 x 3") DMatrixRMaj S, @Shape("3 x 2") DMatrixRMaj x) {
                    return quadratic(S, x);
                }

                @Differentiable(wrt = "x")
                static double named(@Shape("k x k") DMatrixRMaj S, @Shape("m x 1") DMatrixRMaj x) {
                    return quadratic(S, x) + quadratic(S, x);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradShapeMismatch] quadratic(S, x) (@Shape(\"n x 1\") v in"
                        + " Models.quadratic) needs x.numCols == 1, but x.numCols is 2 (from @Shape(\"3 x 2\") x) and 1")
                .inFile(source).onLineContaining("return quadratic(S, x);");
        assertThat(c).hadErrorContaining("[MatgradShapeMismatch] quadratic(S, x) (@Shape(\"n x 1\") v in"
                        + " Models.quadratic) needs x.numRows == S.numRows, but x.numRows is m (from @Shape(\"m x 1\")"
                        + " x) and S.numRows is k (from @Shape(\"k x k\") S); different @Shape names are different"
                        + " dimensions")
                .inFile(source).onLineContaining("quadratic(S, x) + quadratic(S, x)");
        // one error per call
        assertThat(c).hadErrorCount(3);
    }

    @Test
    void aConflictDeepInNestedHelpersIsReportedAtTheOutermostCall() {
        JavaFileObject source = models("""
                @Differentiable
                static DMatrixRMaj inner(DMatrixRMaj A, DMatrixRMaj v) {
                    return mult(A, v);
                }

                @Differentiable
                static DMatrixRMaj outer(DMatrixRMaj A, DMatrixRMaj v) {
                    return tanh(inner(A, v));
                }

                @Differentiable(wrt = "x")
                static double f(@Shape("2 x 3") DMatrixRMaj A, @Shape("2 x 1") DMatrixRMaj x) {
                    return sum(outer(A, x));
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradShapeMismatch] outer(A, x) (mult(A, v) in Models.outer →"
                        + " Models.inner) needs A.numCols == x.numRows, but A.numCols is 3")
                .inFile(source).onLineContaining("sum(outer(A, x))");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void aCalleesRequirementIsCheckedAtRunTimeNamingTheCall() throws Exception {
        Compilation c = compile(models(LAYER, """
                @Differentiable(wrt = "x")
                public static double f(DMatrixRMaj A, DMatrixRMaj x) {
                    return sum(layer(A, x));
                }
                """));
        assertThat(c).succeededWithoutWarnings();
        Class<?> gradients = new InMemoryClasses(c).load("test.ModelsGradients");
        Method gradient = gradients.getMethod("fGradX", DMatrixRMaj.class, DMatrixRMaj.class);
        InvocationTargetException e = org.junit.jupiter.api.Assertions.assertThrows(InvocationTargetException.class,
                () -> gradient.invoke(null, new DMatrixRMaj(3, 4), new DMatrixRMaj(5, 1)));
        assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
        assertThat(e.getCause()).hasMessageThat().contains(
                "layer(A, x) (mult(W, x) in Models.layer) needs x.numRows == A.numCols");
    }

    // ---------------------------------------------------------------- errors at the call

    @Test
    void directRecursionIsAnErrorNamingTheCycle() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(DMatrixRMaj x) {
                    return normSq(x) + f(x);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradRecursion] f(x) makes Models.f recursive (Models.f → Models.f)")
                .inFile(source).onLineContaining("normSq(x) + f(x)");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void mutualRecursionIsAnErrorInEveryMethodOfTheCycle() {
        JavaFileObject source = models("""
                @Differentiable
                static double even(double s) {
                    return odd(s) * 2.0;
                }

                @Differentiable
                static double odd(double s) {
                    return third(s) + 1.0;
                }

                @Differentiable
                static double third(double s) {
                    return even(s) - 1.0;
                }

                @Differentiable
                static double outside(double s) {
                    return odd(s) + odd(2 * s);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradRecursion] odd(s) makes Models.even recursive (Models.even →"
                        + " Models.odd → Models.third → Models.even)")
                .inFile(source).onLineContaining("return odd(s) * 2.0;");
        assertThat(c).hadErrorContaining("[MatgradRecursion] third(s) makes Models.odd recursive (Models.odd →"
                        + " Models.third → Models.even → Models.odd)")
                .inFile(source).onLineContaining("return third(s) + 1.0;");
        assertThat(c).hadErrorContaining("[MatgradRecursion] even(s) makes Models.third recursive (Models.third →"
                        + " Models.even → Models.odd → Models.third)")
                .inFile(source).onLineContaining("return even(s) - 1.0;");
        // a caller outside the cycle: one error per call, no cascade
        assertThat(c).hadErrorContaining("[MatgradCalleeError] odd(s) calls Models.odd, which has errors of its own")
                .inFile(source).onLineContaining("odd(s) + odd(2 * s)");
        assertThat(c).hadErrorContaining("[MatgradCalleeError] odd(2 * s) calls Models.odd")
                .inFile(source).onLineContaining("odd(s) + odd(2 * s)");
        assertThat(c).hadErrorCount(5);
    }

    @Test
    void aCalleeWithAnErrorIsReportedOnceAndItsCallerSaysSo() {
        JavaFileObject source = models(LAYER, """
                @Differentiable
                static double broken(DMatrixRMaj w) {
                    double s = 0;
                    for (int i = 0; i < 3; i++) {
                        s = s + sum(w);
                    }
                    return s;
                }

                @Differentiable
                static double misshapen(@Shape("2 x 3") DMatrixRMaj A) {
                    return trace(A);
                }

                @Differentiable
                static DMatrixRMaj indirect(DMatrixRMaj w) {
                    return scale(broken(w), w);
                }

                @Differentiable(wrt = "x")
                static double f(DMatrixRMaj W, DMatrixRMaj x) {
                    DMatrixRMaj h = layer(W, x);
                    return broken(h) + misshapen(W) + sum(indirect(h));
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradLoop]").inFile(source).onLineContaining("for (int i = 0;");
        assertThat(c).hadErrorContaining("[MatgradShapeMismatch] trace(A) needs A.num")
                .inFile(source).onLineContaining("return trace(A);");
        assertThat(c).hadErrorContaining("[MatgradCalleeError] broken(w) calls Models.broken, which has errors of its"
                        + " own (reported there); once they are fixed, matgrad differentiates through the call")
                .inFile(source).onLineContaining("scale(broken(w), w)");
        assertThat(c).hadErrorContaining("[MatgradCalleeError] broken(h) calls Models.broken")
                .inFile(source).onLineContaining("return broken(h) + misshapen(W)");
        assertThat(c).hadErrorContaining("[MatgradCalleeError] misshapen(W) calls Models.misshapen")
                .inFile(source).onLineContaining("return broken(h) + misshapen(W)");
        assertThat(c).hadErrorContaining("[MatgradCalleeError] indirect(h) calls Models.indirect")
                .inFile(source).onLineContaining("return broken(h) + misshapen(W)");
        // the loop, the trace, indirect's call and f's three calls; nothing from the callees' bodies twice
        assertThat(errorsTagged(c, "[MatgradLoop]")).isEqualTo(1);
        assertThat(errorsTagged(c, "[MatgradShapeMismatch]")).isEqualTo(1);
        assertThat(c).hadErrorCount(6);
    }

    @Test
    void aCalleeCompiledEarlierIsAnErrorThatSaysWhatToDo(@TempDir Path directory) throws IOException {
        Compilation library = Compiler.javac().withClasspath(Classpath.current()).compile(
                JavaFileObjects.forSourceString("lib.Layers", """
                        package lib;

                        import static io.matgrad.runtime.MatrixOps.*;

                        import io.matgrad.annotations.Differentiable;
                        import org.ejml.data.DMatrixRMaj;

                        public class Layers {
                            @Differentiable(wrt = "x")
                            public static DMatrixRMaj layer(DMatrixRMaj W, DMatrixRMaj x) {
                                return tanh(mult(W, x));
                            }
                        }
                        """));
        assertThat(library).succeeded();
        Path jar = directory.resolve("layers.jar");
        writeJar(library, jar);
        JavaFileObject source = JavaFileObjects.forSourceString("test.Models", """
                package test;

                import static io.matgrad.runtime.MatrixOps.*;

                import io.matgrad.annotations.Differentiable;
                import lib.Layers;
                import org.ejml.data.DMatrixRMaj;

                public class Models {
                    @Differentiable(wrt = "x")
                    static double f(DMatrixRMaj W, DMatrixRMaj x) {
                        return sum(Layers.layer(W, x));
                    }
                }
                """);
        List<File> classpath = new ArrayList<>(Classpath.current());
        classpath.add(jar.toFile());
        Compilation c = Compiler.javac().withProcessors(new DifferentiableProcessor()).withClasspath(classpath)
                .compile(source);
        assertThat(c).hadErrorContaining("[MatgradCalleeWithoutSource] Layers.layer(W, x) calls lib.Layers.layer, a"
                        + " @Differentiable method of a class compiled earlier (from a jar, another module or an earlier"
                        + " compilation), whose formula matgrad cannot read: it differentiates through a call by reading"
                        + " the called method's source; declare layer in this compilation (copy it into a class"
                        + " compiled with this one), or inline its formula here")
                .inFile(source).onLineContaining("sum(Layers.layer(W, x))");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void argumentsWithErrorsAreReportedAndTheCallIsNot() {
        JavaFileObject source = models(LAYER, """
                @Differentiable(wrt = "x")
                static double f(DMatrixRMaj W, DMatrixRMaj x) {
                    return sum(layer(W, new DMatrixRMaj(x)));
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradNew]").inFile(source).onLineContaining("new DMatrixRMaj(x)");
        assertThat(c).hadErrorCount(1);
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> names(Function f) {
        return f.locals().stream().map(Binding::name).toList();
    }

    private static List<String> origins(Function f) {
        return f.requirements().stream().map(DimRequirement::origin).toList();
    }

    /** The class files {@code compilation} produced, as the jar {@code jar}. */
    private static void writeJar(Compilation compilation, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (JavaFileObject file : compilation.generatedFiles()) {
                if (file.getKind() != JavaFileObject.Kind.CLASS) {
                    continue;
                }
                // "/CLASS_OUTPUT/lib/Layers.class" → "lib/Layers.class"
                String path = file.toUri().getPath();
                out.putNextEntry(new JarEntry(path.substring(path.indexOf('/', 1) + 1)));
                try (InputStream in = file.openInputStream()) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }
}
