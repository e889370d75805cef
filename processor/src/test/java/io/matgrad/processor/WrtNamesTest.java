package io.matgrad.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.matgrad.processor.testing.Classpath;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Parameters whose names differ only in the case of their first letter, as in {@code pow(P, p)}. */
class WrtNamesTest {

    /**
     * {@code wrt = {"P", "p"}} would name two generated methods {@code fGradP}: an error on the
     * annotation, never a class that does not compile.
     */
    @Test
    void wrtNamesDifferingOnlyInTheirFirstLetterCaseAreAnError() {
        JavaFileObject source = JavaFileObjects.forSourceLines("test.Powers",
                "package test;",
                "",
                "import static io.matgrad.runtime.MatrixOps.*;",
                "",
                "import io.matgrad.annotations.Differentiable;",
                "import org.ejml.data.DMatrixRMaj;",
                "",
                "public class Powers {",
                "    @Differentiable(wrt = {\"P\", \"p\"})",
                "    public static double variablePower(DMatrixRMaj P, double p) {",
                "        return sum(pow(P, p));",
                "    }",
                "}");
        Compilation compilation = Compiler.javac()
                .withProcessors(new DifferentiableProcessor())
                .withClasspath(Classpath.current())
                .compile(source);
        assertThat(compilation).hadErrorContaining(
                "[MatgradAmbiguousWrt] wrt names \"P\" and \"p\", whose derivatives would both be variablePowerGradP;"
                        + " rename one of the parameters")
                .inFile(source).onLineContaining("@Differentiable(wrt");
        assertThat(compilation).hadErrorCount(1);
    }
}
