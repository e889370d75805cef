package io.matgrad.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.matgrad.processor.testing.Classpath;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Code compiled for a Java older than 17 compiles against matgrad-runtime (javac reads its class
 * files whatever the target) and then cannot run where its target says it can: matgrad warns, once
 * per compilation, at the first {@code @Differentiable} method.
 */
class SourceVersionTest {
    private static final String WARNING = "[MatgradSourceVersion] this compilation is for Java 11 (--release 11 or"
            + " -source 11), but matgrad-runtime, which the @Differentiable methods and the generated code call, is"
            + " compiled for Java 17: what is compiled here fails with UnsupportedClassVersionError on a JVM older"
            + " than 17; compile with --release 17 or later (in Maven, <release>17</release> or the property"
            + " maven.compiler.release)";

    private static JavaFileObject source(String name, String method) {
        return JavaFileObjects.forSourceString("test." + name, """
                package test;

                import static io.matgrad.runtime.MatrixOps.*;

                import io.matgrad.annotations.Differentiable;
                import org.ejml.data.DMatrixRMaj;

                public class %s {
                    @Differentiable(wrt = "x")
                    public static double %s(DMatrixRMaj A, DMatrixRMaj x) {
                        return normSq(mult(A, x));
                    }

                    @Differentiable(wrt = "x")
                    public static double %sSecond(DMatrixRMaj x) {
                        return sum(exp(x));
                    }
                }
                """.formatted(name, method, method));
    }

    private static Compilation compile(String release, JavaFileObject... sources) {
        return Compiler.javac()
                .withProcessors(new DifferentiableProcessor())
                .withClasspath(Classpath.current())
                .withOptions("--release", release)
                .compile(sources);
    }

    @Test
    void anOlderReleaseIsWarnedAboutOnceAtTheFirstMethod() {
        JavaFileObject first = source("First", "first");
        JavaFileObject second = source("Second", "second");
        Compilation compilation = compile("11", first, second);
        // it still compiles, and generates: the warning is about where the classes can run
        assertThat(compilation).succeeded();
        assertThat(compilation).generatedSourceFile("test.FirstGradients");
        assertThat(compilation).generatedSourceFile("test.SecondGradients");
        assertThat(compilation).hadWarningContaining(WARNING).inFile(first).onLineContaining("double first(");
        long tagged = compilation.diagnostics().stream()
                .filter(d -> d.getMessage(null).contains("[MatgradSourceVersion]"))
                .peek(d -> assertThat(d.getKind()).isEqualTo(Diagnostic.Kind.WARNING))
                .count();
        assertThat(tagged).isEqualTo(1);
    }

    @Test
    void seventeenAndLaterAreNotWarnedAbout() {
        assertThat(compile("17", source("Models", "f"))).succeededWithoutWarnings();
        assertThat(compile(String.valueOf(Runtime.version().feature()), source("Models", "f"))).succeededWithoutWarnings();
    }
}
