package io.matgrad.runtime;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@link GradientCheck#verifyAll(Class)} checked: one entry per generated method and point.
 * Returned when every check passed (a failure throws), so that a test can also assert what was
 * covered.
 *
 * @param models the class whose functions were checked
 * @param seed the seed the points were drawn with; {@code verifyAll(models, sampler, seed)} draws
 *     them again
 */
public record Verification(Class<?> models, long seed, List<Check> checks) {

    public Verification {
        checks = List.copyOf(checks);
    }

    /**
     * One check of one generated method at one point.
     *
     * @param function the function, as declared: {@code f(DMatrixRMaj A, double s)}
     * @param method the generated method: {@code fGradX}, {@code FWorkspace.gradX}
     * @param point the point's number, from 1, for that function
     * @param arguments the shapes at the point: {@code A 3x2, x 2x1, s}
     * @param relativeError against the truth (central differences, or the annotated method for a
     *     value); NaN when there was none to measure
     * @param tolerance what the error must be below
     * @param problem why the check failed other than by its error (an exception, a modified input),
     *     or null
     */
    public record Check(String function, String method, int point, String arguments, double relativeError,
            double tolerance, String problem) {

        public boolean passed() {
            return problem == null && relativeError < tolerance;
        }

        @Override
        public String toString() {
            String where = function + ": " + method + (point > 0 ? " at point " + point + " (" + arguments + ")" : "");
            if (problem != null) {
                return where + ": " + problem;
            }
            if (Double.isNaN(relativeError)) {
                return where + ": NaN or infinite entries, where the truth is finite";
            }
            return where + String.format(Locale.ROOT, ": relative error %.3e%s %.1e", relativeError,
                    passed() ? " below" : " against the truth (central differences, or the method's value), not below",
                    tolerance);
        }
    }

    /** The distinct generated methods checked, in order: {@code fGradX}, {@code FWorkspace.gradX}, ... */
    public List<String> methods() {
        return checks.stream().map(Check::method).distinct().toList();
    }

    /** The checks that failed (none, if {@code verifyAll} returned this). */
    public List<Check> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    @Override
    public String toString() {
        return "GradientCheck.verifyAll(" + models.getName() + "), seed " + seed + ": " + checks.size() + " checks\n"
                + checks.stream().map(c -> "  " + c).collect(Collectors.joining("\n"));
    }
}
