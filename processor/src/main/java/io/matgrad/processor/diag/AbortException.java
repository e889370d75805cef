package io.matgrad.processor.diag;

/**
 * Thrown, after an error was reported, to stop processing one element; see
 * {@link ErrorReporter#abortWithError}. It carries no message: the diagnostic is already out.
 */
public final class AbortException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AbortException() {
        super(null, null, false, false);
    }
}
