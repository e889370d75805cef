package io.matgrad.processor.parse;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.matgrad.processor.testing.Compilations.compile;
import static io.matgrad.processor.testing.Compilations.models;

import com.google.testing.compile.Compilation;
import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.DimRequirement;
import io.matgrad.processor.ir.Function;
import io.matgrad.processor.ir.Shape;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Shape} declarations: read into shape inference before the body, checked against it at the
 * expressions, and turned into requirements the generated code checks on entry.
 */
class ShapeDeclarationsTest {

    @Test
    void sharedNamesAndNumbersBecomeCanonicalShapesAndRequirements() {
        Function f = ParseHarness.compile(models("""
                @Differentiable(wrt = "x")
                static double f(@Shape("m x n") DMatrixRMaj A, @Shape("n x 1") DMatrixRMaj x, @Shape("3 x 2") DMatrixRMaj B) {
                    return normSq(mult(A, x)) + sum(B);
                }
                """)).function("f");
        assertThat(f.parameters().get(1).shape()).isEqualTo(Shape.matrix(Dim.cols("A"), Dim.ONE));
        assertThat(f.parameters().get(2).shape()).isEqualTo(Shape.matrix(new Dim.Fixed(3), new Dim.Fixed(2)));
        // declarations first, so the generated code checks them first; mult(A, x) then needs nothing new
        assertThat(f.requirements()).containsExactly(
                new DimRequirement(Dim.rows("x"), Dim.cols("A"), "@Shape(\"n x 1\") x"),
                new DimRequirement(Dim.cols("x"), Dim.ONE, "@Shape(\"n x 1\") x"),
                new DimRequirement(Dim.rows("B"), new Dim.Fixed(3), "@Shape(\"3 x 2\") B"),
                new DimRequirement(Dim.cols("B"), new Dim.Fixed(2), "@Shape(\"3 x 2\") B"))
                .inOrder();
    }

    @Test
    void oneNameForBothSidesMakesASquareMatrix() {
        Function f = ParseHarness.compile(models("""
                @Differentiable
                static double f(@Shape("n x n") DMatrixRMaj S) {
                    return trace(S) + logDet(S);
                }
                """)).function("f");
        assertThat(f.parameters().get(0).shape()).isEqualTo(Shape.matrix(Dim.rows("S"), Dim.rows("S")));
        assertThat(f.requirements())
                .containsExactly(new DimRequirement(Dim.cols("S"), Dim.rows("S"), "@Shape(\"n x n\") S"));
    }

    @Test
    void differentSizesAreAnErrorAtTheExpression() {
        JavaFileObject source = models("""
                @Differentiable(wrt = "x")
                static double f(@Shape("2 x 3") DMatrixRMaj A, @Shape("4 x 1") DMatrixRMaj x) {
                    DMatrixRMaj y = mult(A, x);
                    return sum(y);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradShapeMismatch] mult(A, x) needs A.numCols == x.numRows, but"
                        + " A.numCols is 3 (from @Shape(\"2 x 3\") A) and x.numRows is 4 (from @Shape(\"4 x 1\") x);"
                        + " fix the operands' shapes, e.g. swap or transpose an operand, or the @Shape declarations")
                .inFile(source).onLineContaining("DMatrixRMaj y = mult(A, x);");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void differentNamesForcedEqualAreAnErrorAtTheExpression() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(@Shape("m x n") DMatrixRMaj A) {
                    return trace(A);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradShapeMismatch] trace(A) needs A.numRows == A.numCols, but A.numRows"
                        + " is m (from @Shape(\"m x n\") A) and A.numCols is n (from @Shape(\"m x n\") A); different"
                        + " @Shape names are different dimensions; fix the operands, or declare one name where the"
                        + " dimensions are equal")
                .inFile(source).onLineContaining("return trace(A);");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void aNameWhereTheFormulaNeedsOneIsAnError() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(@Shape("n x k") DMatrixRMaj v) {
                    return trace(diag(v));
                }
                """);
        assertThat(compile(source))
                .hadErrorContaining("[MatgradShapeMismatch] diag(v) needs v.numCols == 1, but v.numCols is k (from"
                        + " @Shape(\"n x k\") v) and 1; different @Shape names are different dimensions")
                .inFile(source).onLineContaining("trace(diag(v))");
    }

    @Test
    void malformedShapesAreErrorsAtTheAnnotation() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(
                        @Shape("n by 1") DMatrixRMaj a,
                        @Shape("0 x 1") DMatrixRMaj b,
                        @Shape("n x 1.5") DMatrixRMaj c,
                        @Shape("n x 1") DMatrixRMaj d) {
                    return sum(a) + sum(b) + sum(c) + sum(d);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradShapeSyntax] @Shape(\"n by 1\") on a is not a shape: it is not two"
                        + " sizes separated by x; write \"rows x cols\", each a positive number or a name, e.g."
                        + " @Shape(\"n x 1\")")
                .inFile(source).onLineContaining("@Shape(\"n by 1\")");
        assertThat(c).hadErrorContaining("[MatgradShapeSyntax] @Shape(\"0 x 1\") on b is not a shape: 0 is not a"
                        + " positive size")
                .inFile(source).onLineContaining("@Shape(\"0 x 1\")");
        assertThat(c).hadErrorContaining("[MatgradShapeSyntax] @Shape(\"n x 1.5\") on c is not a shape")
                .inFile(source).onLineContaining("@Shape(\"n x 1.5\")");
        assertThat(c).hadErrorCount(3);
    }

    @Test
    void shapeOfADoubleIsAnError() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(DMatrixRMaj A, @Shape("1 x 1") double s) {
                    return s * sum(A);
                }
                """);
        assertThat(compile(source))
                .hadErrorContaining("[MatgradShapeOfDouble] @Shape on s, a double: only DMatrixRMaj parameters have"
                        + " shapes; remove the annotation")
                .inFile(source).onLineContaining("@Shape(\"1 x 1\") double s");
    }

    @Test
    void shapeOutsideADifferentiableMethodIsAWarning() {
        JavaFileObject source = models("""
                static double helper(@Shape("n x 1") DMatrixRMaj v) {
                    return sum(v);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("[MatgradShapeIgnored] @Shape on parameter v of helper has no effect:"
                        + " matgrad reads @Shape on parameters of @Differentiable methods only; annotate helper with"
                        + " @Differentiable, or remove @Shape")
                .inFile(source).onLineContaining("@Shape(\"n x 1\") DMatrixRMaj v");
    }

    @Test
    void consistentDeclarationsCompileCleanly() {
        Compilation c = compile(models("""
                @Differentiable(wrt = {"x", "S"})
                static double f(@Shape("m x n") DMatrixRMaj A, @Shape("n x 1") DMatrixRMaj x,
                        @Shape("m x 1") DMatrixRMaj b, @Shape("n x n") DMatrixRMaj S) {
                    return normSq(sub(mult(A, x), b)) + dot(x, mult(S, x)) + logDet(S);
                }
                """));
        assertThat(c).succeededWithoutWarnings();
    }
}
