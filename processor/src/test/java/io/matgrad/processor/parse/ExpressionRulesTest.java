package io.matgrad.processor.parse;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.matgrad.processor.testing.Compilations.compile;
import static io.matgrad.processor.testing.Compilations.compileWithoutRuntime;
import static io.matgrad.processor.testing.Compilations.models;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.matgrad.processor.lang.Language;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Expressions outside the language: one test per rule, each error at the expression at fault. */
class ExpressionRulesTest {

    @Test
    void conditionalOperatorIsAnError() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(double s) {
                    return s > 0 ? s : -s;
                }
                """);
        assertThat(compile(source))
                .hadErrorContaining("[MatgradConditional] the conditional operator ?: is not differentiable: it picks"
                        + " a value by a comparison; write one @Differentiable method per case, or a smooth formula"
                        + " such as sigmoid or softplus")
                .inFile(source).onLineContaining("s > 0 ?");
    }

    @Test
    void lambdasAndMethodReferencesAreErrors() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(double s) {
                    java.util.function.DoubleUnaryOperator square = v -> v * v;
                    java.util.function.DoubleUnaryOperator e = (Math::exp);
                    return s;
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradLambda] lambdas and method references are not differentiable: write"
                        + " the formula inline")
                .inFile(source).onLineContaining("v -> v * v");
        assertThat(c).hadErrorContaining("[MatgradLambda]").inFile(source).onLineContaining("Math::exp");
        assertThat(c).hadErrorCount(2);
    }

    @Test
    void argumentsOfACallOutsideTheLanguageAreNotReportedOnTheirOwn() {
        JavaFileObject source = models("""
                static double apply(java.util.function.DoubleUnaryOperator f, double s) { return f.applyAsDouble(s); }

                @Differentiable
                static double f(double s) {
                    return apply(v -> v * v, s);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradUnsupportedCall] apply(v -> v * v, s) calls Models.apply");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void newIsAnError() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(DMatrixRMaj A) {
                    return dot(A, new DMatrixRMaj(A));
                }
                """);
        assertThat(compile(source))
                .hadErrorContaining("[MatgradNew] new is not allowed: a @Differentiable function creates no objects of"
                        + " its own; compute matrices with MatrixOps functions")
                .inFile(source).onLineContaining("new DMatrixRMaj(A)");
    }

    @Test
    void callsOnAMatrixAreErrors() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(DMatrixRMaj A, DMatrixRMaj x) {
                    x.set(0, 0, 1.0);
                    double a = A.unsafe_get(0, 0);
                    DMatrixRMaj B = A.copy();
                    return a + sum(B);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradMatrixMethod] x.set(0, 0, 1.0) calls a method of DMatrixRMaj: a"
                        + " @Differentiable body uses matrices only as arguments of MatrixOps functions; matrices are"
                        + " never modified")
                .inFile(source).onLineContaining("x.set(");
        assertThat(c).hadErrorContaining("[MatgradMatrixMethod] A.unsafe_get(0, 0) calls a method of DMatrixRMaj: a"
                        + " @Differentiable body uses matrices only as arguments of MatrixOps functions; read an entry"
                        + " with get(i, j), its indices int constants")
                .inFile(source).onLineContaining("A.unsafe_get(");
        assertThat(c).hadErrorContaining("values are never modified, so use the matrix itself")
                .inFile(source).onLineContaining("A.copy()");
        assertThat(c).hadErrorCount(3);
    }

    @Test
    void fieldReadsAreErrors() {
        JavaFileObject source = models("""
                static double weight = 2.0;

                @Differentiable
                static double f(DMatrixRMaj A, double s) {
                    double w = weight * s;
                    double n = A.data.length;
                    return w + n + sum(A);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradFieldRead] weight reads a field: a @Differentiable function depends"
                        + " only on its parameters and on compile-time constants (static final fields with constant"
                        + " values); pass its value as a parameter, or make it a constant (static final double weight"
                        + " = 2.0;)")
                .inFile(source).onLineContaining("weight * s");
        assertThat(c).hadErrorContaining("[MatgradFieldRead] A.data reads a field: a @Differentiable function depends"
                        + " only on its parameters and on compile-time constants (static final fields with constant"
                        + " values); of a matrix, a formula reads numRows and numCols, and entries with get(i, j)")
                .inFile(source).onLineContaining("A.data.length");
    }

    @Test
    void assignmentsToFieldsAndMatrixEntriesAreErrors() {
        JavaFileObject source = models("""
                static double weight = 2.0;

                @Differentiable
                static double f(DMatrixRMaj A, double s) {
                    weight = s;
                    A.data[0] = s;
                    A.numRows += 1;
                    return s * sum(A);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradAssignment] weight = s assigns to weight: a @Differentiable body"
                        + " never modifies parameters, fields or matrices; compute the new value into a new local"
                        + " instead, e.g. double value = s;")
                .inFile(source).onLineContaining("weight = s;");
        assertThat(c).hadErrorContaining("[MatgradAssignment] A.data[0] = s assigns to A.data[0]")
                .inFile(source).onLineContaining("A.data[0] = s;");
        assertThat(c).hadErrorContaining("[MatgradAssignment] A.numRows += 1 assigns to A.numRows")
                .inFile(source).onLineContaining("A.numRows += 1;");
        assertThat(c).hadErrorCount(3);
    }

    @Test
    void callsOfEjmlAreErrorsThatNameTheMatrixOpsFunction() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(DMatrixRMaj A, DMatrixRMaj x) {
                    DMatrixRMaj y = org.ejml.dense.row.CommonOps_DDRM.mult(A, x, null);
                    DMatrixRMaj z = org.ejml.dense.row.CommonOps_DDRM.subtract(A, x, null);
                    return sum(y) + sum(z);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradUnsupportedCall] org.ejml.dense.row.CommonOps_DDRM.mult(A, x, null)"
                        + " calls CommonOps_DDRM.mult, which matgrad cannot differentiate: a @Differentiable body calls"
                        + " only io.matgrad.runtime.MatrixOps functions, " + Language.mathFunctions() + ", and"
                        + " @Differentiable methods of this compilation; use MatrixOps.mult")
                .inFile(source).onLineContaining("CommonOps_DDRM.mult(");
        assertThat(c).hadErrorContaining("use MatrixOps.sub").inFile(source).onLineContaining("CommonOps_DDRM.subtract(");
    }

    @Test
    void callsOfOtherMethodsAreErrorsWithASuggestion() {
        JavaFileObject source = models("""
                static DMatrixRMaj multiply(DMatrixRMaj a, DMatrixRMaj b) { return mult(a, b); }
                static double helper(double s) { return s; }

                @Differentiable
                static double f(DMatrixRMaj A, double s) {
                    return sum(multiply(A, A)) + helper(s) + Double.valueOf(s);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradUnsupportedCall] multiply(A, A) calls Models.multiply, which matgrad"
                + " cannot differentiate: a @Differentiable body calls only io.matgrad.runtime.MatrixOps functions, "
                + Language.mathFunctions() + ", and @Differentiable methods of this compilation; did you mean"
                + " MatrixOps.mult?");
        assertThat(c).hadErrorContaining("helper(s) calls Models.helper, which matgrad cannot differentiate");
        // a static helper of the language's types, in this compilation, could be differentiated through
        assertThat(c).hadErrorContaining("; annotate it with @Differentiable, and matgrad differentiates through the"
                        + " call; or inline its formula here with MatrixOps functions")
                .inFile(source).onLineContaining("helper(s)");
        assertThat(c).hadErrorContaining("Double.valueOf(s) calls Double.valueOf, which matgrad cannot differentiate:"
                + " a @Differentiable body calls only io.matgrad.runtime.MatrixOps functions, "
                + Language.mathFunctions() + ", and @Differentiable methods of this compilation; inline its formula"
                + " here with MatrixOps functions");
        assertThat(c).hadErrorContaining("Double.valueOf(s) calls Double.valueOf");
        assertThat(c).hadErrorCount(3);
    }

    @Test
    void callsOnObjectsInFieldsAreCallsOutsideTheLanguage() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(double s) {
                    System.out.println(s);
                    return s;
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradUnsupportedCall] System.out.println(s) calls PrintStream.println")
                .inFile(source).onLineContaining("System.out.println(s);");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void userMethodNamedLikeMatrixOpsShadowsTheStaticImport() {
        JavaFileObject source = models("""
                static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) { return MatrixOps.add(a, b); }

                @Differentiable
                static double f(DMatrixRMaj A, DMatrixRMaj B) {
                    return sum(mult(A, B));
                }

                @Differentiable
                static double qualified(DMatrixRMaj A, DMatrixRMaj B) {
                    return sum(MatrixOps.mult(A, B));
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradUnsupportedCall] mult(A, B) calls Models.mult, which"
                        + " matgrad cannot differentiate")
                .inFile(source).onLineContaining("sum(mult(A, B))");
        assertThat(c).hadErrorContaining("the class's own mult hides MatrixOps.mult (a method of the"
                + " class shadows static imports); rename it, or write MatrixOps.mult(...)");
        assertThat(c).hadErrorCount(1);
        assertThat(ParseHarness.compile(source).functions().keySet()).containsExactly("qualified");
    }

    @Test
    void unsupportedMathFunctionsAreErrors() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(double s) {
                    return Math.floor(s) + Math.cosh(s);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradMathFunction] Math.floor is not differentiable here: a"
                        + " @Differentiable body calls " + Language.mathFunctions() + " on doubles, and MatrixOps"
                        + " functions on matrices")
                .inFile(source).onLineContaining("Math.floor(s)");
        assertThat(c).hadErrorContaining("[MatgradMathFunction] Math.cosh is not differentiable here: a"
                + " @Differentiable body calls " + Language.mathFunctions() + " on doubles, and MatrixOps functions"
                + " on matrices; did you mean Math.cos?");
    }

    @Test
    void mathRandomIsAnError() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(double s) {
                    return s * Math.random();
                }
                """);
        assertThat(compile(source))
                .hadErrorContaining("[MatgradRandom] Math.random() is not a function of the inputs")
                .inFile(source).onLineContaining("Math.random()");
    }

    @Test
    void recursionIsAnErrorAndItsCallersSayTheyCallAMethodWithErrors() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(double s) {
                    return f(s);
                }

                @Differentiable
                static double g(double s) {
                    return s * Models.f(s);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradRecursion] f(s) makes Models.f recursive (Models.f → Models.f):"
                        + " matgrad differentiates through a call of a @Differentiable method by putting the called"
                        + " method's formula in place of the call, which never ends for a method that calls itself,"
                        + " directly or through others; write the formula without the cycle")
                .inFile(source).onLineContaining("return f(s);");
        assertThat(c).hadErrorContaining("[MatgradCalleeError] Models.f(s) calls Models.f, which has errors of its own"
                        + " (reported there); once they are fixed, matgrad differentiates through the call")
                .inFile(source).onLineContaining("s * Models.f(s)");
        assertThat(c).hadErrorCount(2);
    }

    @Test
    void integerArithmeticIsAnError() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(double s) {
                    double half = 1 / 2;
                    double third = s / 3 + 2L * 4;
                    return half * s + third;
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradIntegerArithmetic] 1 / 2 is computed by Java in int arithmetic,"
                        + " giving 0, before it becomes a double; write double literals instead, e.g. 1.0 / 2")
                .inFile(source).onLineContaining("1 / 2");
        assertThat(c).hadErrorContaining("2L * 4 is computed by Java in long arithmetic, giving 8")
                .inFile(source).onLineContaining("2L * 4");
        // s / 3 is double arithmetic: 3 widens.
        assertThat(c).hadErrorCount(2);
    }

    @Test
    void floatArithmeticIsAnError() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(double s) {
                    return s * (1f / 3f);
                }
                """);
        assertThat(compile(source))
                .hadErrorContaining("[MatgradIntegerArithmetic] 1f / 3f is computed by Java in float arithmetic,"
                        + " giving 0.3333333432674408 rather than 0.3333333333333333, before it becomes a double; write"
                        + " double literals instead, e.g. 1.0 / 3f")
                .inFile(source).onLineContaining("1f / 3f");
    }

    @Test
    void operatorsOtherThanArithmeticAreErrors() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(double s) {
                    return s % 2.0;
                }
                """);
        assertThat(compile(source))
                .hadErrorContaining("[MatgradOperator] the operator % is not differentiable: on doubles a"
                        + " @Differentiable expression uses + - * / and unary -")
                .inFile(source).onLineContaining("s % 2.0");
    }

    @Test
    void castsAreErrors() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(double s) {
                    return (double) 2 * s;
                }
                """);
        assertThat(compile(source))
                .hadErrorContaining("[MatgradCast] casts are not allowed")
                .inFile(source).onLineContaining("(double) 2");
    }

    @Test
    void arrayAccessIsAnError() {
        JavaFileObject source = models("""
                static final double[] WEIGHTS = {1.0, 2.0};

                @Differentiable
                static double f(double s) {
                    return WEIGHTS[0] * s;
                }
                """);
        assertThat(compile(source))
                .hadErrorContaining("[MatgradArrayAccess] array access is not allowed")
                .inFile(source).onLineContaining("WEIGHTS[0]");
    }

    @Test
    void instanceofIsAnError() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(DMatrixRMaj A) {
                    boolean dense = A instanceof Object;
                    return sum(A);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradInstanceof] instanceof is not allowed")
                .inFile(source).onLineContaining("A instanceof Object");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void nonNumericLiteralsAreErrors() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(DMatrixRMaj A) {
                    return sum(scale('a', A));
                }
                """);
        assertThat(compile(source))
                .hadErrorContaining("[MatgradLiteral] char literals are not allowed: a @Differentiable expression"
                        + " computes with numbers; write a number such as 2.0")
                .inFile(source).onLineContaining("'a'");
    }

    @Test
    void stringLiteralsAreErrors() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(double s) {
                    return ("n" + s).length();
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradLiteral] String literals are not allowed")
                .inFile(source).onLineContaining("\"n\" + s");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void switchExpressionsAreErrors() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(double s) {
                    double t = switch (1) { default -> s; };
                    return t;
                }
                """);
        assertThat(compile(source))
                .hadErrorContaining("[MatgradBranch] switch statements are not differentiable")
                .inFile(source).onLineContaining("switch (1)");
    }

    @Test
    void matrixOpsFunctionsUnknownToTheProcessorAreErrors() {
        // A MatrixOps newer than the processor: compiled from source, in place of the runtime's.
        JavaFileObject matrixOps = JavaFileObjects.forSourceString("io.matgrad.runtime.MatrixOps", """
                package io.matgrad.runtime;

                import org.ejml.data.DMatrixRMaj;

                public final class MatrixOps {
                    public static double sum(DMatrixRMaj a) { return 0; }
                    public static DMatrixRMaj cube(DMatrixRMaj a) { return a; }
                }
                """);
        JavaFileObject source = models("""
                @Differentiable
                static double f(DMatrixRMaj A) {
                    return sum(cube(A));
                }
                """);
        assertThat(compileWithoutRuntime(matrixOps, source))
                .hadErrorContaining("[MatgradUnsupportedMatrixOps] MatrixOps.cube is not known to this matgrad"
                        + " processor: matgrad-runtime is probably newer than matgrad-processor")
                .inFile(source).onLineContaining("cube(A)");
    }
}
