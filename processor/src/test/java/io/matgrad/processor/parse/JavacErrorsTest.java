package io.matgrad.processor.parse;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.matgrad.processor.testing.Compilations.assertNoMatgradDiagnostic;
import static io.matgrad.processor.testing.Compilations.compile;
import static io.matgrad.processor.testing.Compilations.models;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Errors javac reports get no message of matgrad's on top, and the method is not parsed: unknown
 * names, wrong arity or argument types, missing returns, operators on matrices.
 */
class JavacErrorsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        // unknown names
        "return sum(mult(A, y));",
        "return sum(mlt(A, A));",
        "return MatrixOps.summ(A);",
        "return Matrixops.sum(A);",
        "return sum(unknown.pkg.Ops.mult(A, A));",
        // wrong arity, wrong argument types
        "return sum(mult(A));",
        "return sum(scale(A, A));",
        "return Math.exp(A);",
        "return sum(A, A);",
        // operators on matrices, dereferencing a double
        "return sum(A + A);",
        "return sum(-A);",
        "return s.doubleValue();",
        "return A.noSuchMethod();",
        // types
        "return A;",
        "double t = A; return t;",
        "DMatrixRMaj B = 2.0; return sum(B);",
        "Undefined B = A; return sum(B);",
        // statements
        "double t = s;",
        "return s; double t = s;",
        "double s = 2.0; return s;",
        "double t = 1.0; double t = 2.0; return t;",
        "var t; return s;",
        // an instance method from a static context
        "return instanceHelper(s);",
    })
    void javacErrorsGetNoMatgradMessage(String body) {
        Compilation c = compile(models(
                "double instanceHelper(double v) { return v; }",
                "@Differentiable static double f(DMatrixRMaj A, double s) { " + body + " }"));
        assertThat(c).failed();
        assertNoMatgradDiagnostic(c);
    }
}
