package io.matgrad.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.matgrad.processor.testing.Compilations.models;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.matgrad.processor.emit.GradientsWriter;
import io.matgrad.processor.testing.Classpath;
import io.matgrad.processor.testing.Compilations;
import io.matgrad.processor.testing.Environments;
import io.matgrad.processor.testing.Environments.CreatedSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor never crashes javac, reports failures of its own on the method, keeps going, and
 * works in the environments build tools give it.
 */
class ProcessorRobustnessTest {
    private static final JavaFileObject TWO_METHODS = models("""
            @Differentiable
            static double broken(DMatrixRMaj A) {
                return sum(A);
            }

            @Differentiable
            static double fine(DMatrixRMaj A) {
                return normSq(A);
            }
            """);

    private static final JavaFileObject OTHER = JavaFileObjects.forSourceString("test.Other", """
            package test;

            import static io.matgrad.runtime.MatrixOps.*;

            import io.matgrad.annotations.Differentiable;
            import org.ejml.data.DMatrixRMaj;

            class Other {
                @Differentiable
                static double other(DMatrixRMaj A) {
                    return trace(A);
                }
            }
            """);

    /** Runs the real pipeline, except that differentiating {@code broken} throws {@code failure}. */
    private static Processor failingOn(String broken, Throwable failure, List<String> differentiated) {
        return new DifferentiableProcessor((function, original, workspace) -> {
            differentiated.add(function.name());
            if (function.name().equals(broken)) {
                sneakyThrow(failure);
            }
            return Pipeline.generate(function, original, workspace);
        });
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }

    private static Compilation compile(Processor processor, List<CreatedSource> created, JavaFileObject... sources) {
        return Compilations.compile(Environments.wrapping(processor, env -> Environments.recordingSources(env, created)),
                Classpath.current(), sources);
    }

    @Test
    void anInternalErrorIsReportedOnTheMethodAndTheOtherMethodsAreGenerated() {
        List<String> differentiated = new ArrayList<>();
        List<CreatedSource> created = new ArrayList<>();
        Compilation c = compile(failingOn("broken", new IllegalStateException("boom"), differentiated), created,
                TWO_METHODS, OTHER);
        assertThat(c).hadErrorContaining("[MatgradInternalError] internal error in matgrad while differentiating"
                        + " broken: java.lang.IllegalStateException: boom (at io.matgrad.processor.")
                .inFile(TWO_METHODS).onLineContaining("static double broken(");
        assertThat(c).hadErrorContaining("please report it");
        assertThat(c).hadErrorCount(1);
        assertThat(differentiated).containsExactly("broken", "fine", "other");
        assertThat(created.stream().map(CreatedSource::name).toList())
                .containsExactly("test.ModelsGradients", "test.ModelsGradientsChecks", "test.OtherGradients",
                        "test.OtherGradientsChecks");
    }

    @Test
    void errorsAndStackOverflowsAreCaughtToo() {
        for (Throwable failure : List.of(new StackOverflowError(), new AssertionError("invariant"),
                new NoClassDefFoundError("com/palantir/javapoet/CodeBlock"))) {
            List<String> differentiated = new ArrayList<>();
            Compilation c = compile(failingOn("broken", failure, differentiated), new ArrayList<>(), TWO_METHODS);
            assertThat(c).hadErrorContaining("[MatgradInternalError] internal error in matgrad while differentiating"
                            + " broken: " + failure.getClass().getName())
                    .inFile(TWO_METHODS).onLineContaining("static double broken(");
            assertThat(c).hadErrorCount(1);
            assertThat(differentiated).containsExactly("broken", "fine");
        }
    }

    @Test
    void eachGeneratedFileHasOneOriginatingElementItsClass() {
        JavaFileObject nested = JavaFileObjects.forSourceString("test.Outer", """
                package test;

                import static io.matgrad.runtime.MatrixOps.*;

                import io.matgrad.annotations.Differentiable;
                import org.ejml.data.DMatrixRMaj;

                class Outer {
                    @Differentiable
                    static double outer(DMatrixRMaj A) {
                        return sum(A);
                    }

                    static class Inner {
                        @Differentiable
                        static double inner(DMatrixRMaj A) {
                            return sum(A);
                        }
                    }
                }
                """);
        List<CreatedSource> created = new ArrayList<>();
        // Through a wrapper like Gradle's, which also shows the tree API is found behind it.
        Compilation c = compile(new DifferentiableProcessor(), created, nested, OTHER);
        assertThat(c).succeededWithoutWarnings();
        assertThat(created).containsExactly(
                new CreatedSource("test.OuterGradients", List.of("test.Outer")),
                new CreatedSource("test.OuterGradientsChecks", List.of("test.Outer")),
                new CreatedSource("test.Outer_InnerGradients", List.of("test.Outer.Inner")),
                new CreatedSource("test.Outer_InnerGradientsChecks", List.of("test.Outer.Inner")),
                new CreatedSource("test.OtherGradients", List.of("test.Other")),
                new CreatedSource("test.OtherGradientsChecks", List.of("test.Other")));
    }

    @Test
    void theProcessorIsDeclaredIsolatingForGradle() throws IOException {
        String path = "META-INF/gradle/incremental.annotation.processors";
        try (InputStream in = DifferentiableProcessor.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).isNotNull();
            String declaration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(declaration.lines().toList())
                    .containsExactly(DifferentiableProcessor.class.getName() + ",isolating",
                            LocalClassesProcessor.class.getName() + ",isolating");
        }
    }

    @Test
    void withoutTheTreeApiOneErrorSaysSo() {
        Compilation c = Compilations.compile(
                Environments.wrapping(new DifferentiableProcessor(), Environments::withoutTrees),
                Classpath.current(), TWO_METHODS, OTHER);
        assertThat(c).hadErrorContaining("[MatgradNoTrees] matgrad reads @Differentiable method bodies through javac's"
                        + " Compiler Tree API (com.sun.source), which this compiler (e.g. ECJ, Eclipse's compiler) does"
                        + " not offer; compile with javac")
                .inFile(TWO_METHODS).onLineContaining("static double broken(");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void anErrorInOneClassLeavesTheOthersGenerated() {
        JavaFileObject bad = models("""
                @Differentiable
                static double bad(DMatrixRMaj A) {
                    for (int i = 0; i < 2; i++) {}
                    return sum(A);
                }
                """);
        List<CreatedSource> created = new ArrayList<>();
        Compilation c = compile(new DifferentiableProcessor(), created, bad, OTHER);
        assertThat(c).hadErrorContaining("[MatgradLoop]").inFile(bad).onLineContaining("for (int i");
        assertThat(c).hadErrorCount(1);
        assertThat(created.stream().map(CreatedSource::name).toList())
                .containsExactly("test.ModelsGradients", "test.ModelsGradientsChecks", "test.OtherGradients",
                        "test.OtherGradientsChecks");
    }
}
