package io.matgrad.sample.solve;

import org.ejml.data.DMatrixRMaj;

/**
 * What one solver run did.
 *
 * @param solver the solver, {@code "DDogleg BFGS"}
 * @param derivatives where its derivatives came from, {@code "matgrad"} or {@code "central differences"}
 * @param solution where it stopped
 * @param loss the loss there
 * @param iterations accepted steps
 * @param calls calls of a generated method (each gives a value, a gradient, a Jacobian or a
 *     Hessian) or, for finite differences, of the model's own method (each gives one value)
 * @param converged whether the solver's own convergence test stopped it (not the iteration limit)
 * @param losses the loss after each iteration, from the start; empty for a silent run
 * @param millis the run's time in milliseconds, without printing
 */
public record Run(String solver, String derivatives, DMatrixRMaj solution, double loss, int iterations, long calls,
        boolean converged, double[] losses, double millis) {

    /** This run with its time replaced by a measured one. */
    public Run withMillis(double measured) {
        return new Run(solver, derivatives, solution, loss, iterations, calls, converged, losses, measured);
    }
}
