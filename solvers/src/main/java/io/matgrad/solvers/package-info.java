/**
 * Adapters from matgrad's generated derivatives to the optimizers users already trust.
 *
 * <p>Three functional interfaces match the generated signatures once the data is bound, so adapting
 * a model is one lambda: {@link io.matgrad.solvers.ValueAndGradient} for a generated
 * {@code nameValueAndGrad}, {@link io.matgrad.solvers.ResidualFunction} and
 * {@link io.matgrad.solvers.JacobianFunction} for least squares. The solver-specific adapters live in
 * {@link io.matgrad.solvers.ddogleg} (DDogleg, built on EJML like matgrad) and
 * {@link io.matgrad.solvers.hipparchus} (Hipparchus, an optional dependency: add
 * {@code org.hipparchus:hipparchus-optim} to use it).
 *
 * <p>Adapters view the solvers' {@code double[]} as EJML matrices without copying them
 * ({@link io.matgrad.solvers.MatrixShape}), and share one evaluation between a solver's separate
 * requests for a value and a gradient at the same point
 * ({@link io.matgrad.solvers.CachedValueAndGradient}). None is thread-safe: one adapter per solver
 * run.
 */
package io.matgrad.solvers;
