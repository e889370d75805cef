package io.matgrad.processor.parse;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.matgrad.processor.parse.ParseHarness.compile;
import static io.matgrad.processor.parse.ParseHarness.models;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.DimRequirement;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Function;
import io.matgrad.processor.lang.Reduction;
import io.matgrad.processor.ir.Shape;
import org.junit.jupiter.api.Test;

class ShapeInferenceTest {

    @Test
    void leastSquaresGetsCanonicalShapesAndRequirements() {
        ParseHarness.Result r = compile(models("""
                @Differentiable(wrt = "x")
                static double leastSquares(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
                    return normSq(sub(mult(A, x), b));
                }
                """));
        assertThat(r.compilation()).succeeded();
        Function f = r.function("leastSquares");

        Expr.Variable a = new Expr.Variable("A", Shape.ofParameter("A"));
        Expr.Variable x = new Expr.Variable("x", Shape.matrix(Dim.cols("A"), Dim.cols("x")));
        Expr.Variable b = new Expr.Variable("b", Shape.matrix(Dim.rows("A"), Dim.cols("x")));
        assertThat(f.parameters()).containsExactly(a, x, b).inOrder();
        assertThat(f.result()).isEqualTo(new Expr.Call(Reduction.NORM_SQ, new Expr.Sub(new Expr.MatMul(a, x), b)));
        assertThat(f.requirements()).containsExactly(
                new DimRequirement(Dim.rows("x"), Dim.cols("A"), "mult(A, x)"),
                new DimRequirement(Dim.rows("b"), Dim.rows("A"), "sub(mult(A, x), b)"),
                new DimRequirement(Dim.cols("b"), Dim.cols("x"), "sub(mult(A, x), b)"))
                .inOrder();
        assertThat(f.wrt()).containsExactly(x);
    }

    @Test
    void squareFunctionsMakeTheirOperandSquare() {
        Function f = compile(models("""
                @Differentiable
                static double f(DMatrixRMaj A, DMatrixRMaj B) {
                    return trace(A) + logDet(mult(B, A));
                }
                """)).function("f");
        assertThat(f.parameters()).containsExactly(
                new Expr.Variable("A", Shape.matrix(Dim.rows("A"), Dim.rows("A"))),
                new Expr.Variable("B", Shape.matrix(Dim.rows("A"), Dim.rows("A"))))
                .inOrder();
        assertThat(f.requirements()).containsExactly(
                new DimRequirement(Dim.cols("A"), Dim.rows("A"), "trace(A)"),
                new DimRequirement(Dim.cols("B"), Dim.rows("A"), "mult(B, A)"),
                new DimRequirement(Dim.rows("B"), Dim.cols("A"), "logDet(mult(B, A))"))
                .inOrder();
    }

    @Test
    void solveNeedsASquareMatrixWithTheRowsOfTheRightHandSide() {
        Function f = compile(models("""
                @Differentiable
                static double f(DMatrixRMaj A, DMatrixRMaj B) {
                    return sum(solve(A, B));
                }
                """)).function("f");
        Expr.Variable a = new Expr.Variable("A", Shape.matrix(Dim.rows("A"), Dim.rows("A")));
        Expr.Variable b = new Expr.Variable("B", Shape.matrix(Dim.rows("A"), Dim.cols("B")));
        assertThat(f.parameters()).containsExactly(a, b).inOrder();
        assertThat(f.result()).isEqualTo(new Expr.Call(Reduction.SUM, new Expr.Solve(a, b)));
    }

    @Test
    void matrixFunctionLeavesItsResultsShapeAsTheFormulaMakesIt() {
        Function f = compile(models("""
                @Differentiable
                static DMatrixRMaj f(DMatrixRMaj X, DMatrixRMaj w) {
                    return sigmoid(mult(X, w));
                }
                """)).function("f");
        assertThat(f.parameters().get(1).shape()).isEqualTo(Shape.matrix(Dim.cols("X"), Dim.cols("w")));
        assertThat(f.result().shape()).isEqualTo(Shape.matrix(Dim.rows("X"), Dim.cols("w")));
        assertThat(f.requirements()).containsExactly(new DimRequirement(Dim.rows("w"), Dim.cols("X"), "mult(X, w)"));
    }

    @Test
    void equalDimensionsNeedNoRequirement() {
        Function f = compile(models("""
                @Differentiable
                static double f(DMatrixRMaj A) {
                    return dot(A, A) + sum(elementMult(transpose(A), transpose(A)));
                }
                """)).function("f");
        assertThat(f.requirements()).isEmpty();
        assertThat(f.parameters().get(0).shape()).isEqualTo(Shape.ofParameter("A"));
    }
}
