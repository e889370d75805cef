package io.matgrad.runtime;

import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Draws the arguments {@link GradientCheck#verifyAll(Class, Sampler)} checks derivatives at: one
 * call per parameter per point. The sizes are chosen by the caller to fit the function's dimension
 * rules ({@code mult(A, x)} gets {@code x.numRows == A.numCols}, a {@code @Shape} its sizes); a
 * sampler chooses the entries, for functions defined on part of the space only.
 *
 * <p>{@link #defaults()} already draws positive definite matrices for parameters the formula
 * inverts, solves with, or takes {@code det} or {@code logDet} of, and positive entries where it
 * takes {@code log}, {@code sqrt} or {@code pow} of a parameter directly ({@link Parameter#constraints()}).
 * For other domains, write one:
 *
 * <pre>{@code
 * // covariance matrices for every parameter named Sigma, the defaults for the rest
 * GradientCheck.verifyAll(Models.class, Sampler.defaults().with("Sigma", (p, random) -> Sampler.spd(p.rows(), random)));
 * // probabilities in (0, 1) for p, everywhere
 * GradientCheck.verifyAll(Models.class, (p, random) -> Sampler.uniform(p.rows(), p.cols(), 0.05, 0.95, random));
 * }</pre>
 *
 * <p>A point where the function is not finite, or throws {@link ArithmeticException} (a singular
 * matrix), is skipped, and another is drawn.
 */
@FunctionalInterface
public interface Sampler {

    /** What a parameter's argument must satisfy for the formula to be defined, as matgrad reads it. */
    enum Constraint {
        /** Every entry positive: the formula takes {@code log}, {@code sqrt} or {@code pow} of it. */
        POSITIVE,
        /**
         * Symmetric positive definite: the formula inverts it, solves with it, or takes its
         * {@code det} or {@code logDet}.
         */
        POSITIVE_DEFINITE
    }

    /**
     * One argument to draw.
     *
     * @param function the function, as declared: {@code f(DMatrixRMaj A, double s)}
     * @param name the parameter's name
     * @param matrix whether it is a {@code DMatrixRMaj} (else a {@code double})
     * @param rows its rows, chosen to fit the function (1 for a double)
     * @param cols its columns (1 for a double)
     * @param constraints what the formula needs of it
     * @param draw how many points of this function were drawn before this one: {@link #defaults()}
     *     alternates signs of both kinds (even draws) with positive entries (odd draws), so that a
     *     formula such as {@code sqrt(mult(A, x))} finds points too
     */
    record Parameter(String function, String name, boolean matrix, int rows, int cols, Set<Constraint> constraints,
            int draw) {
        public Parameter {
            Objects.requireNonNull(function);
            Objects.requireNonNull(name);
            constraints = Set.copyOf(constraints);
        }

        public boolean has(Constraint constraint) {
            return constraints.contains(constraint);
        }
    }

    /** The argument of matrix parameter {@code p}: a {@code p.rows() x p.cols()} matrix, new on every call. */
    DMatrixRMaj matrix(Parameter p, Random random);

    /** The argument of double parameter {@code p}; as {@link #defaults()} draws it, unless overridden. */
    default double scalar(Parameter p, Random random) {
        return Samples.scalar(p, random);
    }

    /** This sampler, except for parameters named {@code parameter}, which {@code sampler} draws. */
    default Sampler with(String parameter, Sampler sampler) {
        Sampler self = this;
        return new Sampler() {
            @Override
            public DMatrixRMaj matrix(Parameter p, Random random) {
                return (p.name().equals(parameter) ? sampler : self).matrix(p, random);
            }

            @Override
            public double scalar(Parameter p, Random random) {
                return (p.name().equals(parameter) ? sampler : self).scalar(p, random);
            }
        };
    }

    /**
     * What {@code verifyAll(models)} draws: a positive definite matrix ({@link #spd}) for
     * {@link Constraint#POSITIVE_DEFINITE}, entries in [0.5, 1.5] for {@link Constraint#POSITIVE};
     * otherwise entries of random sign and magnitude in [0.25, 1.25] (away from 0, where
     * {@code abs} and {@code relu} have kinks and {@code 1 / x} is steep) on even draws and in
     * [0.5, 1.5] on odd ones. Doubles alike.
     */
    static Sampler defaults() {
        return Samples::matrix;
    }

    /** As {@link #defaults()}, but every entry and double positive, in [0.5, 1.5], on every draw. */
    static Sampler positive() {
        return new Sampler() {
            @Override
            public DMatrixRMaj matrix(Parameter p, Random random) {
                return p.has(Constraint.POSITIVE_DEFINITE) && p.rows() == p.cols()
                        ? Samples.spd(p.rows(), 0.5, 1.5, random)
                        : uniform(p.rows(), p.cols(), 0.5, 1.5, random);
            }

            @Override
            public double scalar(Parameter p, Random random) {
                return 0.5 + random.nextDouble();
            }
        };
    }

    /** A matrix with entries uniform in [min, max]. */
    static DMatrixRMaj uniform(int rows, int cols, double min, double max, Random random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = min + (max - min) * random.nextDouble();
        }
        return m;
    }

    /**
     * A symmetric positive definite n x n matrix, well conditioned: {@code B Bᵀ / n + I} for B with
     * entries in [-1, 1], so its eigenvalues lie in [1, n + 1].
     */
    static DMatrixRMaj spd(int n, Random random) {
        return Samples.spd(n, -1, 1, random);
    }
}
