package io.matgrad.processor.parse;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.matgrad.processor.testing.Compilations.compile;
import static io.matgrad.processor.testing.Compilations.models;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The body is straight-line code: one test per rule, each error at the statement at fault. */
class StatementRulesTest {

    @Test
    void loopsAreErrors() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(DMatrixRMaj A, double s) {
                    for (int i = 0; i < 3; i++) {}
                    while (s > 0) {}
                    do {} while (s > 0);
                    for (double v : A.data) {}
                    return s;
                }
                """);
        Compilation c = compile(source);
        String message = "[MatgradLoop] loops are not differentiable: a @Differentiable body is straight-line code"
                + " (local declarations, then return); write the loop's result with matrix operations, e.g. mult or sum";
        assertThat(c).hadErrorContaining(message).inFile(source).onLineContaining("for (int i");
        assertThat(c).hadErrorContaining(message).inFile(source).onLineContaining("while (s > 0) {}");
        assertThat(c).hadErrorContaining(message).inFile(source).onLineContaining("do {}");
        assertThat(c).hadErrorContaining(message).inFile(source).onLineContaining("for (double v");
        assertThat(c).hadErrorCount(4);
    }

    @Test
    void branchesAreErrors() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(double s) {
                    if (s > 0) { return s; }
                    switch ((int) s) { default: }
                    return s;
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradBranch] if statements are not differentiable")
                .inFile(source).onLineContaining("if (s > 0)");
        assertThat(c).hadErrorContaining("[MatgradBranch] switch statements are not differentiable")
                .inFile(source).onLineContaining("switch (");
        assertThat(c).hadErrorContaining("write one @Differentiable method per case, or a smooth formula such as"
                + " sigmoid or softplus");
    }

    @Test
    void tryIsAnError() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(double s) {
                    try { double t = s; } finally { }
                    return s;
                }
                """);
        assertThat(compile(source))
                .hadErrorContaining("[MatgradTry] try statements are not allowed")
                .inFile(source).onLineContaining("try {");
    }

    @Test
    void throwIsAnError() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(double s) {
                    throw new IllegalArgumentException();
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradThrow] throw statements are not allowed")
                .inFile(source).onLineContaining("throw new");
        assertThat(c).hadErrorContaining("check arguments in the caller");
    }

    @Test
    void synchronizedIsAnError() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(double s) {
                    synchronized (Models.class) { double t = s; }
                    return s;
                }
                """);
        assertThat(compile(source))
                .hadErrorContaining("[MatgradSynchronized] synchronized is not allowed")
                .inFile(source).onLineContaining("synchronized (");
    }

    @Test
    void nestedBlocksAreErrors() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(double s) {
                    { double t = s; }
                    return s;
                }
                """);
        assertThat(compile(source))
                .hadErrorContaining("[MatgradBlock] nested blocks are not allowed")
                .inFile(source).onLineContaining("{ double t");
    }

    @Test
    void statementWhoseValueIsUnusedIsAnError() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(DMatrixRMaj A) {
                    mult(A, A);
                    return sum(A);
                }
                """);
        assertThat(compile(source))
                .hadErrorContaining("[MatgradStatement] a statement whose value is unused is not allowed: a"
                        + " @Differentiable body is straight-line code (local declarations, then return); assign the"
                        + " value to a local, e.g. DMatrixRMaj value = mult(A, A);")
                .inFile(source).onLineContaining("mult(A, A);");
    }

    @Test
    void otherStatementsAreErrors() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(double s) {
                    assert s > 0;
                    ;
                    class Local {}
                    return s;
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradStatement] an assert statement is not allowed")
                .inFile(source).onLineContaining("assert s");
        assertThat(c).hadErrorContaining("[MatgradStatement] an empty statement (a lone ;) is not allowed");
        assertThat(c).hadErrorContaining("[MatgradStatement] a local class is not allowed")
                .inFile(source).onLineContaining("class Local");
    }

    @Test
    void localWithoutInitializerIsAnError() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(double s) {
                    double t;
                    t = s * 2;
                    return t;
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradUninitializedLocal] local t is declared without a value: each local"
                        + " is assigned once, where it is declared; write double t = <expression>;")
                .inFile(source).onLineContaining("double t;");
        // The later assignment is part of that one error.
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void localOfTypeOutsideTheLanguageIsAnError() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(double s) {
                    int n = 2;
                    var m = 3;
                    double[] a = {s};
                    return s;
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradLocalType] local n has type int: the locals of a @Differentiable"
                        + " body are DMatrixRMaj or double; write double instead")
                .inFile(source).onLineContaining("int n = 2;");
        assertThat(c).hadErrorContaining("[MatgradLocalType] local m has type int (var takes the type of 3)")
                .inFile(source).onLineContaining("var m = 3;");
        assertThat(c).hadErrorContaining("write double m = 3;");
        assertThat(c).hadErrorContaining("[MatgradLocalType] local a has type double[]")
                .inFile(source).onLineContaining("double[] a");
        assertThat(c).hadErrorCount(3);
    }

    @Test
    void assignmentToParameterIsAnError() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(double s, DMatrixRMaj A) {
                    s = s * 2;
                    s += 1;
                    s++;
                    return s;
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradAssignment] s = s * 2 assigns to parameter s: a @Differentiable"
                        + " body never modifies parameters, fields or matrices; compute the new value into a new"
                        + " local instead, e.g. double s2 = s * 2;")
                .inFile(source).onLineContaining("s = s * 2;");
        assertThat(c).hadErrorContaining("e.g. double s2 = s + 1;").inFile(source).onLineContaining("s += 1;");
        assertThat(c).hadErrorContaining("[MatgradAssignment] s++ assigns to parameter s")
                .inFile(source).onLineContaining("s++;");
    }

    @Test
    void reassignedLocalIsAnError() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(DMatrixRMaj A, DMatrixRMaj x) {
                    DMatrixRMaj r = mult(A, x);
                    r = add(r, x);
                    return sum(r);
                }
                """);
        assertThat(compile(source))
                .hadErrorContaining("[MatgradReassignedLocal] r = add(r, x) assigns local r a second time: each local"
                        + " is assigned once, where it is declared; declare a new local instead, e.g. DMatrixRMaj"
                        + " r2 = add(r, x);")
                .inFile(source).onLineContaining("r = add(r, x);");
    }

    @Test
    void allErrorsOfAMethodAreReportedInOneCompile() {
        JavaFileObject source = models("""
                @Differentiable
                static double f(DMatrixRMaj A, double s) {
                    double t = Math.random();
                    DMatrixRMaj B = new DMatrixRMaj(2, 2);
                    for (int i = 0; i < 2; i++) {}
                    return s > 0 ? t : sum(B);
                }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradRandom]");
        assertThat(c).hadErrorContaining("[MatgradNew]");
        assertThat(c).hadErrorContaining("[MatgradLoop]");
        assertThat(c).hadErrorContaining("[MatgradConditional]");
        assertThat(c).hadErrorCount(4);
    }
}
