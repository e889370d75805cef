package io.matgrad.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.matgrad.processor.testing.Classpath;
import java.io.IOException;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The derivation report, {@code -Amatgrad.report}: the formulas and the EJML calls, beside the generated class. */
class ReportTest {
    private static final JavaFileObject MODELS = JavaFileObjects.forResource("golden/Logistic.java");

    @Test
    void markdownReportShowsTheFormulasAndTheKernels() throws IOException {
        String report = report("markdown", "LogisticGradients.md");
        assertThat(report).startsWith("# Derivatives of `golden.Logistic`");
        assertThat(report).contains("## `logisticLoss(X, w, y)`");
        assertThat(report).contains("f(X, w, y) = sum(softplus(z) − y ∘ z)");
        assertThat(report).contains("∂f/∂w = Xᵀ(σ(z) − y)");
        assertThat(report).contains("∂²f/∂w² = kron(I, Xᵀ) diag(vec(σ(z) ∘ (𝟏 − σ(z)))) kron(I, X)");
        assertThat(report).contains("### `logisticLossHessianW`");
        assertThat(report).contains("Vec.multRows(t1, t2);");
        assertThat(report).contains("Kron.multIdentityKronTransA(w.numCols, 1.0, X, t2, hessian);");
        assertThat(report).contains("### `probabilitiesJacobianW`");
    }

    @Test
    void htmlReportIsEscapedHtml() throws IOException {
        String report = report("html", "LogisticGradients.html");
        assertThat(report).startsWith("<!DOCTYPE html>");
        assertThat(report).contains("<h2><code>logisticLoss(X, w, y)</code></h2>");
        assertThat(report).contains("∂f/∂w = Xᵀ(σ(z) − y)");
        assertThat(report).doesNotContain("<pre><code>// z = Xw\n<");
    }

    @Test
    void unknownFormatIsAnError() {
        Compilation compilation = compile("pdf");
        assertThat(compilation).hadErrorContaining(
                "[MatgradBadOption] -Amatgrad.report=pdf is not an option matgrad knows; write markdown or html");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void noReportUnlessAsked() {
        Compilation compilation = Compiler.javac().withProcessors(new DifferentiableProcessor())
                .withClasspath(Classpath.current()).compile(MODELS);
        assertThat(compilation).succeeded();
        assertThat(compilation.generatedFiles().stream().map(f -> f.toUri().getPath()))
                .doesNotContain("/SOURCE_OUTPUT/golden/LogisticGradients.md");
    }

    private static String report(String format, String file) throws IOException {
        Compilation compilation = compile(format);
        assertThat(compilation).succeededWithoutWarnings();
        return compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "golden", file).orElseThrow()
                .getCharContent(false).toString();
    }

    private static Compilation compile(String format) {
        return Compiler.javac()
                .withProcessors(new DifferentiableProcessor())
                .withClasspath(Classpath.current())
                .withOptions("-Amatgrad.report=" + format)
                .compile(MODELS);
    }
}
