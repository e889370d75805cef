package io.matgrad.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.matgrad.runtime.GradientCheck;
import io.matgrad.runtime.Sampler;
import io.matgrad.runtime.Verification;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@code GradientCheck.verifyAll}, as users call it, on what the processor really generated for
 * this module's models: every generated method of every function, against central differences of
 * the annotated methods.
 */
class VerifyAllTest {

    /** Checks {@code models}, and that every function was checked (all their public static methods are @Differentiable). */
    private static void verify(Class<?> models, Sampler sampler) {
        Verification v = GradientCheck.verifyAll(models, sampler);
        long functions = Arrays.stream(models.getDeclaredMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers()))
                .map(Method::getName)
                .count();
        assertEquals(functions, v.checks().stream().map(Verification.Check::function).distinct().count(), v.toString());
        // every function at three points, every method at each
        v.checks().stream().map(Verification.Check::function).distinct().forEach(f -> assertEquals(3,
                v.checks().stream().filter(c -> c.function().equals(f)).mapToInt(Verification.Check::point).max()
                        .orElse(0), f));
    }

    private static void verify(Class<?> models) {
        verify(models, Sampler.defaults());
    }

    @Test
    void core() {
        verify(Core.class);
    }

    /** Two functions take a vector of ones as a parameter: a sampler supplies it. */
    @Test
    void operators() {
        verify(Operators.class, Sampler.defaults().with("ones", (p, random) -> {
            DMatrixRMaj ones = new DMatrixRMaj(p.rows(), p.cols());
            ones.fill(1);
            return ones;
        }));
    }

    @Test
    void operatorsSecondOrder() {
        verify(OperatorsSecondOrder.class);
    }

    @Test
    void secondOrder() {
        verify(SecondOrder.class);
    }

    @Test
    void robustness() {
        verify(Robustness.class);
    }

    @Test
    void numerics() {
        verify(Numerics.class);
    }

    @Test
    void semantics() {
        verify(Semantics.class);
    }

    @Test
    void languageModels() {
        verify(LanguageModels.class);
    }
}
