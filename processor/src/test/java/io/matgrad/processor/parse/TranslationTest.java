package io.matgrad.processor.parse;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.matgrad.processor.parse.ParseHarness.compile;
import static io.matgrad.processor.parse.ParseHarness.models;

import com.google.testing.compile.JavaFileObjects;
import io.matgrad.processor.ir.Binding;
import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.DimRequirement;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.lang.ElementwiseFunction;
import io.matgrad.processor.ir.Function;
import io.matgrad.processor.lang.Power;
import io.matgrad.processor.lang.Reduction;
import io.matgrad.processor.ir.Shape;
import io.matgrad.processor.ir.ShapeCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Valid bodies translate to the expected IR, with locals inlined as shared nodes. */
class TranslationTest {
    private static ParseHarness.Result kitchen;

    @BeforeAll
    static void compileKitchen() {
        kitchen = compile(JavaFileObjects.forResource("parse/test/Kitchen.java"));
    }

    @Test
    void everyConstructCompilesWithoutDiagnostics() {
        assertThat(kitchen.compilation()).succeededWithoutWarnings();
        assertThat(kitchen.functions().keySet()).containsExactly("logistic", "scalars", "matrixFunctions", "residual");
        for (Function f : kitchen.functions().values()) {
            ShapeCheck.verify(f.result());
            f.locals().forEach(b -> ShapeCheck.verify(b.value()));
        }
    }

    @Test
    void logisticRegression() {
        Function f = kitchen.function("logistic");
        Expr.Variable x = variable("X", Dim.rows("X"), Dim.cols("X"));
        Expr.Variable y = variable("y", Dim.rows("X"), Dim.cols("y"));
        Expr.Variable w = variable("w", Dim.cols("X"), Dim.cols("y"));
        Expr.Variable b = new Expr.Variable("b", Shape.SCALAR);
        Expr.Variable lambda = new Expr.Variable("lambda", Shape.SCALAR);
        Expr z = new Expr.Add(new Expr.MatMul(x, w), new Expr.Scale(b, y));
        Expr fit = new Expr.Sub(new Expr.Call(Reduction.SUM, new Expr.Call(ElementwiseFunction.SOFTPLUS, z)), new Expr.Dot(y, z));
        Expr penalty = new Expr.Mul(new Expr.Mul(new Expr.Constant(0.5), lambda), new Expr.Call(Reduction.NORM_SQ, w));

        assertThat(f.name()).isEqualTo("logistic");
        assertThat(f.parameters()).containsExactly(x, y, w, b, lambda).inOrder();
        assertThat(f.wrt()).containsExactly(w, b).inOrder();
        assertThat(f.locals()).containsExactly(new Binding("z", z), new Binding("fit", fit), new Binding("penalty", penalty))
                .inOrder();
        assertThat(f.result()).isEqualTo(new Expr.Add(fit, penalty));
        assertThat(f.isScalar()).isTrue();
    }

    @Test
    void scalarArithmeticAndMathFunctions() {
        Function f = kitchen.function("scalars");
        Expr.Variable s = new Expr.Variable("s", Shape.SCALAR);
        Expr.Variable t = new Expr.Variable("t", Shape.SCALAR);
        Expr u = new Expr.Add(
                new Expr.Call(ElementwiseFunction.EXP, new Expr.Neg(s)),
                new Expr.Div(new Expr.Call(ElementwiseFunction.LOG, t), new Expr.Call(ElementwiseFunction.SQRT, new Expr.Constant(Math.PI))));
        Expr v = new Expr.Sub(
                new Expr.Call(Power.POW, u, new Expr.Constant(2)),
                new Expr.Mul(new Expr.Call(ElementwiseFunction.TANH, s), new Expr.Constant(Math.E)));
        Expr result = new Expr.Add(
                new Expr.Div(new Expr.Neg(new Expr.Mul(u, v)), new Expr.Constant(4)), new Expr.Constant(1e-3));
        assertThat(f.locals()).containsExactly(new Binding("u", u), new Binding("v", v)).inOrder();
        assertThat(f.result()).isEqualTo(result);
        assertThat(f.requirements()).isEmpty();
    }

    @Test
    void matrixFunctionsAndTheirShapes() {
        Function f = kitchen.function("matrixFunctions");
        // add(A, transpose(A)) makes A square; diag(v) makes v a column; mult(diag(v), ...) and
        // solve(S, ...) tie v's and B's rows to A's.
        Expr.Variable a = variable("A", Dim.rows("A"), Dim.rows("A"));
        Expr.Variable b = variable("B", Dim.rows("A"), Dim.cols("B"));
        Expr.Variable v = variable("v", Dim.rows("A"), Dim.ONE);
        assertThat(f.parameters()).containsExactly(a, b, v).inOrder();

        Expr s = new Expr.Add(a, new Expr.Transpose(a));
        Expr first = new Expr.Add(
                new Expr.Add(new Expr.Call(Reduction.TRACE, new Expr.Inverse(s)), new Expr.Call(Reduction.DET, s)),
                new Expr.Call(Reduction.LOG_DET, new Expr.Mul(s, s)));
        Expr second = new Expr.Add(
                new Expr.Call(Reduction.NORM, new Expr.Div(new Expr.Call(ElementwiseFunction.EXP, b), new Expr.Call(ElementwiseFunction.SIGMOID, b))),
                new Expr.Call(Reduction.LOG_SUM_EXP, new Expr.Call(ElementwiseFunction.TANH, new Expr.Call(ElementwiseFunction.LOG,
                        new Expr.Call(ElementwiseFunction.SQUARE, new Expr.Call(ElementwiseFunction.SQRT, b))))));
        Expr c = new Expr.Solve(s, new Expr.Neg(new Expr.MatMul(new Expr.Diag(v), new Expr.Call(Power.POW, b, new Expr.Constant(3)))));
        assertThat(f.locals().stream().map(Binding::value).toList()).containsExactly(s, first, second, c).inOrder();
        assertThat(f.result()).isEqualTo(new Expr.Add(new Expr.Add(first, second),
                new Expr.Call(Reduction.SUM, new Expr.Sub(c, c))));
        assertThat(f.requirements()).containsExactly(
                new DimRequirement(Dim.cols("A"), Dim.rows("A"), "add(A, transpose(A))"),
                new DimRequirement(Dim.cols("v"), Dim.ONE, "diag(v)"),
                new DimRequirement(Dim.rows("v"), Dim.rows("B"), "mult(diag(v), pow(B, 3))"),
                new DimRequirement(Dim.rows("v"), Dim.rows("A"), "solve(S, neg(mult(diag(v), pow(B, 3))))"))
                .inOrder();
    }

    @Test
    void matrixFunctionReturnsAMatrixOfAnyShape() {
        Function f = kitchen.function("residual");
        Expr.Variable x = (Expr.Variable) f.parameters().get(1);
        assertThat(f.isScalar()).isFalse();
        // x's columns are free: the function is m x k for an n x k x, its Jacobian in vec
        assertThat(f.result().shape()).isEqualTo(Shape.matrix(Dim.rows("A"), x.shape().cols()));
        assertThat(x.shape().cols()).isNotEqualTo(Dim.ONE);
        assertThat(f.requirements().stream().map(DimRequirement::origin)).doesNotContain("return sub(mult(A, x), b)");
    }

    @Test
    void localsAreInlinedAsSharedNodes() {
        ParseHarness.Result r = compile(models("""
                @Differentiable(wrt = "x")
                static double leastSquares(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
                    DMatrixRMaj r = sub(mult(A, x), b);
                    DMatrixRMaj unused = mult(A, x);
                    return dot(r, r);
                }
                """));
        Function f = r.function("leastSquares");
        Expr.Dot dot = (Expr.Dot) f.result();
        Expr local = f.locals().get(0).value();
        assertThat(dot.left()).isSameInstanceAs(local);
        assertThat(dot.right()).isSameInstanceAs(local);
        // Interned: the unused local's value is the product inside r, and the parameters are the
        // variables the body uses.
        Expr product = ((Expr.Sub) local).left();
        assertThat(f.locals().get(1).value()).isSameInstanceAs(product);
        assertThat(((Expr.MatMul) product).left()).isSameInstanceAs(f.parameters().get(0));
        assertThat(f.wrt().get(0)).isSameInstanceAs(f.parameters().get(1));
    }

    @Test
    void literalsAndConstantsAreNumbers() {
        ParseHarness.Result r = compile(models("""
                static final long BIG = 3L;
                static final float QUARTER = 0.25f;

                @Differentiable
                static double f(double s) {
                    double a = 2 * s + BIG;
                    double b = QUARTER * -1.0 + Math.PI + Double.MAX_VALUE + 0x10;
                    return a * b;
                }
                """));
        assertThat(r.compilation()).succeeded();
        Expr.Variable s = new Expr.Variable("s", Shape.SCALAR);
        Expr a = new Expr.Add(new Expr.Mul(new Expr.Constant(2), s), new Expr.Constant(3));
        Expr b = new Expr.Add(new Expr.Add(new Expr.Add(
                new Expr.Mul(new Expr.Constant(0.25), new Expr.Constant(-1)), new Expr.Constant(Math.PI)),
                new Expr.Constant(Double.MAX_VALUE)), new Expr.Constant(16));
        assertThat(r.function("f").result()).isEqualTo(new Expr.Mul(a, b));
    }

    @Test
    void typeNamesResolveLikeJava() {
        // A class of the same package named Math shadows java.lang.Math, and a fully qualified
        // MatrixOps works without any import.
        ParseHarness.Result r = compile(
                JavaFileObjects.forSourceString("test.Math", """
                        package test;

                        public final class Math {
                            public static double exp(double v) { return v; }
                        }
                        """),
                JavaFileObjects.forSourceString("test.Shadowed", """
                        package test;

                        import io.matgrad.annotations.Differentiable;

                        class Shadowed {
                            @Differentiable
                            static double f(org.ejml.data.DMatrixRMaj A, double s) {
                                return Math.exp(s) + io.matgrad.runtime.MatrixOps.sum(A);
                            }

                            @Differentiable
                            static double g(org.ejml.data.DMatrixRMaj A, double s) {
                                return java.lang.Math.exp(s) + io.matgrad.runtime.MatrixOps.sum(A);
                            }
                        }
                        """));
        assertThat(r.compilation()).hadErrorContaining("[MatgradUnsupportedCall] Math.exp(s) calls Math.exp");
        assertThat(r.compilation()).hadErrorCount(1);
        assertThat(r.functions().keySet()).containsExactly("g");
    }

    @Test
    void singleStaticImportShadowsImportOnDemand() {
        ParseHarness.Result r = compile(JavaFileObjects.forSourceString("test.Imports", """
                package test;

                import static io.matgrad.runtime.MatrixOps.*;
                import static io.matgrad.runtime.MatrixOps.exp;
                import static java.lang.Math.exp;

                import io.matgrad.annotations.Differentiable;
                import org.ejml.data.DMatrixRMaj;

                class Imports {
                    @Differentiable
                    static double f(DMatrixRMaj A, double s) {
                        return exp(s) * sum(exp(A));
                    }
                }
                """));
        assertThat(r.compilation()).succeeded();
        Expr.Variable a = variable("A", Dim.rows("A"), Dim.cols("A"));
        Expr.Variable s = new Expr.Variable("s", Shape.SCALAR);
        assertThat(r.function("f").result()).isEqualTo(new Expr.Mul(
                new Expr.Call(ElementwiseFunction.EXP, s), new Expr.Call(Reduction.SUM, new Expr.Call(ElementwiseFunction.EXP, a))));
    }

    private static Expr.Variable variable(String name, Dim rows, Dim cols) {
        return new Expr.Variable(name, Shape.matrix(rows, cols));
    }

}
