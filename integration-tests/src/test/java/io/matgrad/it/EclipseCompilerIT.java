package io.matgrad.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Eclipse users meet: ECJ, Eclipse's compiler, has no Compiler Tree API, so matgrad reports
 * {@code [MatgradNoTrees]} on each {@code @Differentiable} method, says what to do instead, and
 * generates nothing (the README's Eclipse section). It must not crash the compiler.
 */
class EclipseCompilerIT {

    @TempDir
    Path work;

    @Test
    void ecjReportsThatMatgradNeedsJavacOnTheMethodAndGeneratesNothing() throws Exception {
        UserCompilation compilation = new UserCompilation(work);
        UserCompilation.Result result = compilation.ecj(JavacConsumerIT.MODELS);
        assertFalse(result.succeeded(), result.output());
        assertTrue(result.output().contains("[MatgradNoTrees] matgrad reads @Differentiable method bodies through"
                + " javac's Compiler Tree API"), result.output());
        assertTrue(result.output().contains("public static double leastSquares("), "not positioned on the method:\n" + result.output());
        assertFalse(result.output().contains("Exception"), result.output());
        assertFalse(Files.exists(compilation.generated().resolve("com/example/ModelsGradients.java")));
    }
}
