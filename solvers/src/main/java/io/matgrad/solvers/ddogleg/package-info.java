/**
 * Generated derivatives for DDogleg's optimizers: {@link io.matgrad.solvers.ddogleg.DdoglegObjective}
 * for its unconstrained minimizers (BFGS with a line search or in a trust region),
 * {@link io.matgrad.solvers.ddogleg.DdoglegLeastSquares} for its nonlinear least-squares solvers
 * (Levenberg-Marquardt, dogleg). Tested against DDogleg 0.24.1 on EJML 0.44.0.
 */
package io.matgrad.solvers.ddogleg;
