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
 *       against, and {@code GradientCheck.verifyAll(Models.class)}, which checks every generated
 *       method of a class at points a {@link io.matgrad.runtime.Sampler} draws (with
 *       {@link io.matgrad.runtime.CheckedFunctions}, what the processor writes for it).
 *   <li>{@link io.matgrad.runtime.Factorization}: one reusable, allocation-free factorization of
 *       a square matrix (Cholesky when symmetric positive definite, else LU) shared by
 *       {@code inv}, {@code solve}, {@code det} and {@code logDet} in {@code MatrixOps} and in
 *       generated code, with one scale-independent singularity rule.
 *   <li>{@link io.matgrad.runtime.SingularMatrixException}: what {@code inv}, {@code solve} and
 *       {@code logDet}, and the derivatives of {@code det}, throw for a singular matrix, rather than
 *       returning Infinity or NaN.
 * </ul>
 *
 * <h2>Faults</h2>
 *
 * What the annotated methods and the generated ones do with arguments they cannot evaluate or
 * differentiate at; never a silently wrong finite result:
 *
 * <ul>
 *   <li>Shapes that do not fit the formula, or a {@code @Shape} declaration: an
 *       {@link java.lang.IllegalArgumentException} naming the parameters, their shapes and the rule
 *       ({@link io.matgrad.runtime.Arguments}), before any work.
 *   <li>A singular matrix for {@code inv}, {@code solve} or {@code logDet} (and for the gradient of
 *       {@code det}, which is {@code det(A) A^-T}): {@link io.matgrad.runtime.SingularMatrixException}.
 *   <li>NaN and infinite entries: not checked; they propagate as IEEE 754 arithmetic defines, so the
 *       value, and every derivative whose formula reads them, is NaN or infinite. The reductions
 *       keep that promise where EJML does not ({@link io.matgrad.runtime.Elementwise#norm},
 *       {@link io.matgrad.runtime.Elementwise#normSq}).
 *   <li>An output argument that is an input, or another output: an
 *       {@link java.lang.IllegalArgumentException} before anything is written.
 * </ul>
 *
 * <p>Everything here is stateless and safe to use from many threads; so are the static methods
 * matgrad generates. A workspace (a generated {@code *Workspace} class) belongs to one thread at a
 * time.
 */
package io.matgrad.runtime;
