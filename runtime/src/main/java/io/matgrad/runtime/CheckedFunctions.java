package io.matgrad.runtime;

import java.util.List;

/**
 * The {@code @Differentiable} functions of one class, for {@link GradientCheck#verifyAll(Class)}:
 * implemented by {@code CGradientsChecks}, which matgrad generates beside {@code CGradients} with a
 * public no-argument constructor. Not meant to be implemented by hand, except to test
 * {@code verifyAll} itself.
 */
public interface CheckedFunctions {
    /** Every function of the class that code in its package can call, in declaration order. */
    List<CheckedFunction> functions();
}
