package io.matgrad.processor.parse;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.matgrad.processor.testing.Compilations.compile;
import static io.matgrad.processor.testing.Compilations.models;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics of the language's rows, broadcasts, blocks and entries: each at the call at
 * fault, with the rule it breaks and the sizes that break it.
 */
class LanguageDiagnosticsTest {

    @Test
    void aRowVectorOfTheWrongShapeIsAnErrorAtTheCall() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(@Shape("4 x 3") DMatrixRMaj A, @Shape("3 x 1") DMatrixRMaj r) {
                    double s = sum(A);
                    return s + sum(addRowVector(A, r));
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradShapeMismatch] addRowVector(A, r) needs r.numRows == 1, but r.numRows"
                        + " is 3 (from @Shape(\"3 x 1\") r) and 1; fix the operands' shapes")
                .inFile(source).onLineContaining("addRowVector(A, r)");
        assertThat(c).hadErrorContaining("[MatgradShapeMismatch] addRowVector(A, r) needs A.numCols == r.numCols, but"
                        + " A.numCols is 3 (from @Shape(\"4 x 3\") A) and r.numCols is 1 (from @Shape(\"3 x 1\") r)")
                .inFile(source).onLineContaining("addRowVector(A, r)");
        assertThat(c).hadErrorCount(2);
    }

    @Test
    void aColumnVectorOfTheWrongLengthIsAnErrorAtTheCall() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(@Shape("4 x 3") DMatrixRMaj A, @Shape("3 x 1") DMatrixRMaj c) {
                    return sum(addColumnVector(A, c));
                }
                """);
        assertThat(compile(source)).hadErrorContaining("[MatgradShapeMismatch] addColumnVector(A, c) needs A.numRows =="
                        + " c.numRows, but A.numRows is 4 (from @Shape(\"4 x 3\") A) and c.numRows is 3")
                .inFile(source).onLineContaining("addColumnVector(A, c)");
    }

    @Test
    void squareOnlyFunctionsOfARectangleAreErrors() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(@Shape("2 x 3") DMatrixRMaj A) {
                    return sum(extractDiag(A))
                            + sum(addIdentity(A, 1.0));
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradShapeMismatch] extractDiag(A) needs A.numRows == A.numCols, but"
                        + " A.numRows is 2 (from @Shape(\"2 x 3\") A) and A.numCols is 3")
                .inFile(source).onLineContaining("extractDiag(A)");
        assertThat(c).hadErrorContaining("[MatgradShapeMismatch] addIdentity(A, 1.0) needs A.numCols == A.numRows")
                .inFile(source).onLineContaining("addIdentity(A, 1.0)");
    }

    @Test
    void aBlockOutsideAMatrixOfKnownSizeIsAnError() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(@Shape("4 x 3") DMatrixRMaj A) {
                    return sum(extract(A, 0, 2, 0, 2))
                            + sum(extract(A, 1, 5, 0, 2));
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradArguments] extract(A, 1, 5, 0, 2) needs A.numRows >= 5, but A.numRows"
                        + " is 4")
                .inFile(source).onLineContaining("extract(A, 1, 5, 0, 2)");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void boundsOutOfOrderOrNotConstantAreErrors() {
        JavaFileObject source = models("""
                static final int LAST = 3;

                @Differentiable
                static double f(DMatrixRMaj A, double s) {
                    return sum(extract(A, 2, 1, 0, 2))
                            + sum(extract(A, 0, A.numRows, 0, 1))
                            + sum(extract(A, 0, LAST - 1, 0, 2 * 1));
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradArguments] extract(A, 2, 1, 0, 2) needs 0 <= r0 <= r1 and"
                        + " 0 <= c0 <= c1, but they are 2, 1, 0, 2")
                .inFile(source).onLineContaining("extract(A, 2, 1, 0, 2)");
        assertThat(c).hadErrorContaining("[MatgradArguments] extract(A, 0, A.numRows, 0, 1) needs its bounds to be"
                        + " compile-time constants: int literals, constants, or int arithmetic on them")
                .inFile(source).onLineContaining("extract(A, 0, A.numRows, 0, 1)");
        // constants and int arithmetic on them are bounds
        assertThat(c).hadErrorCount(2);
    }

    @Test
    void entriesOutsideTheMatrixAreErrors() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(@Shape("2 x 2") DMatrixRMaj A, DMatrixRMaj B) {
                    return A.get(1, 1)
                            + A.get(2, 0)
                            + B.get(-1, 0);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradArguments] A.get(2, 0) needs A.numRows >= 3, but A.numRows is 2")
                .inFile(source).onLineContaining("A.get(2, 0)");
        assertThat(c).hadErrorContaining("[MatgradArguments] B.get(-1, 0) needs indices of 0 or more, but they are -1, 0")
                .inFile(source).onLineContaining("B.get(-1, 0)");
        assertThat(c).hadErrorCount(2);
    }

    @Test
    void entriesAtIndicesKnownOnlyAtRunTimeAreErrors() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(DMatrixRMaj A) {
                    return A.get(A.numRows - 1, 0);
                }
                """);
        assertThat(compile(source)).hadErrorContaining("[MatgradArguments] A.get(A.numRows - 1, 0) needs int indices"
                        + " known at compile time: int literals, constants, or int arithmetic on them")
                .inFile(source).onLineContaining("A.get(A.numRows - 1, 0)");
    }

    @Test
    void aQuotientOfSizesIsAnError() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(DMatrixRMaj A) {
                    return normSq(A) / (A.numRows / 2);
                }
                """);
        assertThat(compile(source)).hadErrorContaining("[MatgradIntegerArithmetic] A.numRows / 2 is computed by Java in"
                        + " int arithmetic, giving the quotient rounded toward zero, before it becomes a double; write"
                        + " double literals instead, e.g. A.numRows / 2.0")
                .inFile(source).onLineContaining("A.numRows / 2");
    }

    @Test
    void sizesComputedTwoWaysThatCannotBeComparedAreErrors() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(DMatrixRMaj A, DMatrixRMaj B, DMatrixRMaj C) {
                    double stacked = dot(concatRows(A, B), C);
                    return stacked
                            + dot(kron(A, B), C);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradShapeUndecided] dot(kron(A, B), C) needs A.numRows * B.numRows =="
                        + " C.numRows, that is A.numRows * B.numRows == A.numRows + B.numRows, which matgrad cannot"
                        + " decide at compile time (a dimension computed by concatRows, concatColumns or kron against"
                        + " another); declare the sizes with @Shape(\"3 x 2\"), or rewrite the formula so that both"
                        + " sides are the same expression")
                .inFile(source).onLineContaining("dot(kron(A, B), C)");
        assertThat(c).hadErrorCount(1);
    }

    /** Stacking in either order gives the same number of rows: that much is decided. */
    @Test
    void sumsOfSizesInEitherOrderAreEqual() {
        JavaFileObject source = models("""
                @Differentiable(wrt = {"A", "B"})
                static double f(DMatrixRMaj A, DMatrixRMaj B) {
                    return dot(concatRows(A, B), concatRows(B, A));
                }
                """);
        assertThat(compile(source)).succeededWithoutWarnings();
    }
}
