package io.matgrad.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.matgrad.processor.testing.Classpath;
import java.io.File;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code -Amatgrad.tests=true}: a JUnit test of every derivative (what it computes is tested in
 * processor-tests, which turns the option on for its own functions).
 */
class GeneratedTestsTest {
    private static final JavaFileObject MODELS = JavaFileObjects.forResource("golden/Logistic.java");

    @Test
    void generatesOneTestPerFunction() throws IOException {
        Compilation compilation = compile(Classpath.current());
        assertThat(compilation).succeededWithoutWarnings();
        String test = compilation.generatedSourceFile("golden.LogisticDerivativesTest").orElseThrow()
                .getCharContent(false).toString();
        assertThat(test).contains("@Test\n    void logisticLossDerivatives()");
        assertThat(test).contains("@Test\n    void probabilitiesDerivatives()");
        assertThat(test).contains("GradientCheck.check(probe -> Logistic.logisticLoss(X, probe, y), "
                + "LogisticGradients.logisticLossGradW(X, w, y), w).requireBelow(1e-5);");
        assertThat(test).contains("GradientCheck.checkJacobian(probe -> LogisticGradients.logisticLossGradW(X, probe, y), "
                + "LogisticGradients.logisticLossHessianW(X, w, y), w).requireBelow(1e-5);");
        // a random direction: along w itself the product can vanish (for norm(w) it does), leaving only rounding
        assertThat(test).contains("DMatrixRMaj directionW = Sampler.uniform(w.numRows, w.numCols, -1, 1, random);");
        assertThat(test).contains("GradientCheck.checkHessianVectorProduct(probe -> LogisticGradients.logisticLossGradW(X, probe, y), "
                + "LogisticGradients.logisticLossHessVecW(X, w, y, directionW), w, directionW).requireBelow(1e-5);");
        assertThat(test).contains("GradientCheck.checkJacobian(probe -> Logistic.probabilities(X, probe), "
                + "LogisticGradients.probabilitiesJacobianW(X, w), w).requireBelow(1e-5);");
    }

    @Test
    void withoutJUnitOnTheClasspathItWarnsAndGeneratesNoTest() {
        List<File> withoutJUnit = Classpath.current().stream()
                .filter(f -> !f.getName().startsWith("junit-jupiter-api")).toList();
        Compilation compilation = compile(withoutJUnit);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[MatgradTestsNeedJUnit] -Amatgrad.tests=true generates JUnit 5"
                + " tests, but JUnit Jupiter is not on the classpath of this compilation");
        assertThat(compilation.generatedSourceFile("golden.LogisticDerivativesTest")).isEmpty();
    }

    private static Compilation compile(List<File> classpath) {
        return Compiler.javac()
                .withProcessors(new DifferentiableProcessor())
                .withClasspath(classpath)
                .withOptions("-Amatgrad.tests=true")
                .compile(MODELS);
    }
}
