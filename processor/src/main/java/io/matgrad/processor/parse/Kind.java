package io.matgrad.processor.parse;

/**
 * The Java type of a value in a {@code @Differentiable} body. Matrices and doubles are the language;
 * the narrower numbers exist because Java gives literals and constants such types ({@code 2} is an
 * int), widens them to double where a double is wanted, and computes arithmetic on them in their own
 * type ({@code 1 / 2} is 0).
 */
enum Kind {
    MATRIX("DMatrixRMaj"),
    DOUBLE("double"),
    FLOAT("float"),
    LONG("long"),
    INT("int");

    private final String javaName;

    Kind(String javaName) {
        this.javaName = javaName;
    }

    /** The type as written in Java. */
    String javaName() {
        return javaName;
    }

    /** A primitive number, which Java widens to double where a double is wanted. */
    boolean isNumber() {
        return this != MATRIX;
    }

    /** The type Java computes {@code a op b} in, for numbers (binary numeric promotion, JLS 5.6.2). */
    static Kind promote(Kind a, Kind b) {
        // Declaration order is from wide to narrow.
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
