package io.matgrad.processor.ir;

/** The functions that take one matrix to a double. */
public enum Reduction {
    TRACE,
    DET,
    /** ln |det A|. */
    LOG_DET,
    /** The squared Frobenius norm. */
    NORM_SQ,
    /** The Frobenius norm (the 2-norm of a vector). */
    NORM,
    SUM,
    /** log Σ e^(a_ij). */
    LOG_SUM_EXP;

    /** Whether the operand must be square. */
    public boolean needsSquare() {
        return this == TRACE || this == DET || this == LOG_DET;
    }
}
