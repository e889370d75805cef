package io.matgrad.benchmarks;

import java.util.Locale;

/**
 * The ratio of two mean times with its error, propagated from the two JMH errors as for
 * independent measurements: relative errors add in quadrature.
 */
public record Ratio(double value, double error) {

    static Ratio of(Measurement numerator, Measurement denominator) {
        double value = numerator.micros() / denominator.micros();
        double relative = Math.hypot(numerator.error() / numerator.micros(), denominator.error() / denominator.micros());
        return new Ratio(value, value * relative); // NaN without error estimates (--quick)
    }

    /** "1.03 ± 0.04", with digits suited to the magnitude of the value. */
    String format() {
        return format(value, error);
    }

    /** {@code x ± error}, both with the digits suited to x. */
    static String format(double x, double error) {
        // A single measurement iteration (--quick) has no error estimate.
        return Double.isNaN(error) ? format(x) : format(x) + " ± " + String.format(Locale.ROOT, pattern(x), error);
    }

    /** x with three significant digits, or all its integer digits. */
    static String format(double x) {
        return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, pattern(x), x);
    }

    private static String pattern(double x) {
        double magnitude = Math.abs(x);
        return magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
    }
}
