package io.matgrad.processor.diag;

import java.util.Arrays;

/**
 * Words a failure of matgrad itself for {@link Message#INTERNAL_ERROR}: the exception and where in
 * matgrad it was thrown, which is what a bug report needs and what a user can paste into one.
 */
public final class InternalErrors {
    private static final String OURS = "io.matgrad.";

    private InternalErrors() {}

    /** {@code "java.lang.IllegalStateException: boom (at io.matgrad.processor.opt.Lowering.lower(Lowering.java:42))"}. */
    public static String describe(Throwable e) {
        // A StackOverflowError's trace is the recursion, its innermost frame the least telling one.
        return Arrays.stream(e.getStackTrace())
                .filter(frame -> frame.getClassName().startsWith(OURS))
                .findFirst()
                .map(frame -> e + " (at " + frame + ")")
                .orElse(e.toString());
    }
}
