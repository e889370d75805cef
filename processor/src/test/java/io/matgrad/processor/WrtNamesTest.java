package io.matgrad.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.matgrad.processor.testing.Classpath;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** Parameters whose names differ only in the case of their first letter, as in {@code pow(P, p)}. */
class WrtNamesTest {

    /**
     * {@code wrt = {"P", "p"}} names two generated methods {@code fGradP}: the processor must either
     * tell them apart or report an error on the annotation, never write a class that does not compile.
     */
    @Disabled("bug: generates two methods variablePowerGradP(DMatrixRMaj, double); javac reports "
            + "'method variablePowerGradP(DMatrixRMaj,double) is already defined' in the generated class")
    @Test
    void wrtNamesDifferingOnlyInTheirFirstLetterCaseDoNotBreakTheGeneratedClass() {
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
        // either outcome is acceptable; a generated class that does not compile is not
        if (compilation.status() == Compilation.Status.FAILURE) {
            assertThat(compilation).hadErrorContaining("[Matgrad").inFile(source);
        } else {
            assertThat(compilation).succeededWithoutWarnings();
        }
    }
}
