/**
 * The runtime of matgrad, on EJML only.
 *
 * <ul>
 *   <li>{@link io.matgrad.runtime.MatrixOps}: the functions {@code @Differentiable} methods are
 *       written in; each computes its value, so annotated methods run as ordinary Java.
 *   <li>{@link io.matgrad.runtime.Elementwise}: elementwise kernels with caller-owned outputs,
 *       shared by {@code MatrixOps} and generated code, numerically stable where it matters
 *       ({@code sigmoid}, {@code softplus}, {@code logSumExp}).
 *   <li>{@link io.matgrad.runtime.GradientCheck}: finite-difference derivatives to check exact ones
 *       against.
 *   <li>{@link io.matgrad.runtime.Factorization}: one reusable, allocation-free factorization of
 *       a square matrix (Cholesky when symmetric positive definite, else LU) shared by
 *       {@code inv}, {@code solve}, {@code det} and {@code logDet} in {@code MatrixOps} and in
 *       generated code, with one scale-independent singularity rule.
 *   <li>{@link io.matgrad.runtime.SingularMatrixException}: what {@code inv}, {@code solve} and
 *       {@code logDet}, and the derivatives of {@code det}, throw for a singular matrix, rather than
 *       returning Infinity or NaN.
 * </ul>
 */
package io.matgrad.runtime;
