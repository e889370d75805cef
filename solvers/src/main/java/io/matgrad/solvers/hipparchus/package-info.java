/**
 * Generated derivatives for Hipparchus's optimizers:
 * {@link io.matgrad.solvers.hipparchus.HipparchusObjective} for its gradient optimizers (nonlinear
 * conjugate gradient), {@link io.matgrad.solvers.hipparchus.HipparchusLeastSquares} for its
 * least-squares optimizers (Levenberg-Marquardt, Gauss-Newton).
 *
 * <p>Hipparchus is an optional dependency of {@code matgrad-solvers}: add
 * {@code org.hipparchus:hipparchus-optim} (tested with 4.0.2) to your build to use this package.
 */
package io.matgrad.solvers.hipparchus;
