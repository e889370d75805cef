package io.matgrad.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.matgrad.processor.testing.Compilations.compile;
import static io.matgrad.processor.testing.Compilations.generatedSource;
import static io.matgrad.processor.testing.Compilations.models;

import com.google.testing.compile.Compilation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code @Differentiable} without {@code wrt} differentiates with respect to the first parameter,
 * which surprised a user whose first parameter was the data matrix: the Javadoc of every generated
 * derivative says so.
 */
class WrtByDefaultTest {
    private static final String NOTE = "<p>With respect to {@code %s}, the first parameter: {@code @Differentiable}"
            + " names no {@code wrt}\n     * (list the parameters to differentiate with respect to in {@code wrt} to"
            + " choose others).";

    /** The Javadoc of each public static method of the generated source, by the method's name. */
    private static String javadocOf(String source, String method) {
        Matcher m = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*public static \\S+ " + method + "\\(", Pattern.DOTALL)
                .matcher(source);
        assertWithMessage("Javadoc of %s", method).that(m.find()).isTrue();
        return m.group(1);
    }

    private static String generated(String... members) {
        Compilation compilation = compile(models(members));
        assertThat(compilation).succeededWithoutWarnings();
        return generatedSource(compilation, "test.ModelsGradients");
    }

    @Test
    void everyDerivativeOfAScalarFunctionSaysWhichParameterItIsWithRespectTo() {
        String source = generated("""
                @Differentiable(hessian = true)
                static double fit(DMatrixRMaj A, DMatrixRMaj x) {
                    return normSq(mult(A, x));
                }
                """);
        for (String method : new String[] {"fitGradA", "fitValueAndGrad", "fitHessianA", "fitHessVecA"}) {
            assertThat(javadocOf(source, method)).contains(NOTE.formatted("A"));
        }
        assertThat(source.split(Pattern.quote("names no {@code wrt}"), -1)).hasLength(5);
    }

    @Test
    void theJacobianOfAVectorFunctionSaysItToo() {
        String source = generated("""
                @Differentiable
                static DMatrixRMaj residuals(DMatrixRMaj x, DMatrixRMaj A) {
                    return tanh(mult(A, x));
                }
                """);
        assertThat(javadocOf(source, "residualsJacobianX")).contains(NOTE.formatted("x"));
    }

    @Test
    void aDoubleFirstParameterAndAnEmptyWrtAreTheDefaultToo() {
        String source = generated("""
                @Differentiable(wrt = {})
                static double scaled(double s, DMatrixRMaj x) {
                    return s * sum(x);
                }
                """);
        assertThat(javadocOf(source, "scaledGradS")).contains(NOTE.formatted("s"));
    }

    @Test
    void aWrtThatNamesTheFirstParameterGetsNoNote() {
        String source = generated("""
                @Differentiable(wrt = "A", hessian = true)
                static double fit(DMatrixRMaj A, DMatrixRMaj x) {
                    return normSq(mult(A, x));
                }
                """);
        assertThat(source).doesNotContain("names no {@code wrt}");
    }
}
