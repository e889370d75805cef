package io.matgrad.processor.diag;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Words a failure of matgrad itself for {@link Message#INTERNAL_ERROR}: the exception and where in
 * matgrad it was thrown, which is what a bug report needs and what a user can paste into one.
 */
public final class InternalErrors {
    private static final String OURS = "io.matgrad.";

    private InternalErrors() {}

    /**
     * {@code "java.lang.IllegalStateException: boom (at io.matgrad.processor.opt.Lowering.lower(Lowering.java:42))"};
     * for a stack overflow, the method of matgrad that recurses:
     * {@code "java.lang.StackOverflowError (recursing in io.matgrad.processor.opt.Simplifier.rewrite)"}.
     */
    public static String describe(Throwable e) {
        if (e instanceof StackOverflowError) {
            // The innermost frame of an overflow is wherever the stack ran out; the recursion is
            // the method of ours that occurs most often.
            return Arrays.stream(e.getStackTrace())
                    .filter(InternalErrors::isOurs)
                    .map(frame -> frame.getClassName() + "." + frame.getMethodName())
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                    .entrySet().stream()
                    .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(recursing -> e + " (recursing in " + recursing.getKey() + ")")
                    .orElse(e.toString());
        }
        return Arrays.stream(e.getStackTrace())
                .filter(InternalErrors::isOurs)
                .findFirst()
                .map(frame -> e + " (at " + frame + ")")
                .orElse(e.toString());
    }

    private static boolean isOurs(StackTraceElement frame) {
        return frame.getClassName().startsWith(OURS);
    }
}
