package io.matgrad.benchmarks;

import java.util.Locale;

/**
 * The two sizes every function is measured at. SMALL gives each function about 100 unknowns, the
 * size where finite differences and runtime AD are still usable (and where the issue compares
 * them); LARGE gives it matrices of hundreds to a thousand rows, where the linear algebra, not
 * the call overhead, is the cost.
 */
public enum Size {
    SMALL,
    LARGE;

    /** The dimension to use at this size. */
    public int pick(int small, int large) {
        return this == SMALL ? small : large;
    }

    /** The size named by a JMH parameter, "small" or "large". */
    public static Size of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The JMH parameter's spelling. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
