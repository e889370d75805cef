package io.matgrad.processor.ir;

/** The elementwise functions of the language; each applies to a double or to every entry of a matrix. */
public enum Fn {
    EXP("exp"),
    LOG("log"),
    TANH("tanh"),
    /** The logistic function 1 / (1 + e^-z). */
    SIGMOID("σ"),
    /** log(1 + e^z). */
    SOFTPLUS("softplus"),
    SQUARE("square"),
    SQRT("sqrt");

    private final String symbol;

    Fn(String symbol) {
        this.symbol = symbol;
    }

    /** How the function is written in math notation. */
    public String symbol() {
        return symbol;
    }
}
