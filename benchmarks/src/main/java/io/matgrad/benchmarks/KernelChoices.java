package io.matgrad.benchmarks;

import io.matgrad.runtime.Factorization;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;
import org.ejml.dense.row.mult.MatrixVectorMult_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Pairs of EJML calls that compute the same thing, to decide which one the expert code (and the
 * generated code) should use. Not part of the suite's ratio table; run it with
 * {@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main KernelChoices}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KernelChoices {
    /** Rows of the tall matrix A (columns are half); also the size of the square matrices. */
    @Param({"200", "1000"})
    public int n;

    private DMatrixRMaj tall;
    private DMatrixRMaj rows;
    private DMatrixRMaj columns;
    private DMatrixRMaj squareA;
    private DMatrixRMaj squareB;
    private DMatrixRMaj covariance;
    private final Factorization factorization = new Factorization();
    private final CholeskyDecompositionInner_DDRM cholesky = new CholeskyDecompositionInner_DDRM(true);
    private final LinearSolverChol_DDRM choleskySolver = new LinearSolverChol_DDRM(cholesky);
    private final DMatrixRMaj factor = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj inverse = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj square = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj squareOut = new DMatrixRMaj(1, 1);

    @Setup
    public void setUp() {
        Random random = new Random(1);
        tall = Inputs.uniform(n, n / 2, 1, random);
        rows = Inputs.uniform(n, 1, 1, random);
        columns = new DMatrixRMaj(n / 2, 1);
        int s = n / 4;
        squareA = Inputs.uniform(s, s, 1, random);
        squareB = Inputs.uniform(s, s, 1, random);
        covariance = Inputs.covariance(s, random);
    }

    /** {@code 2 Aᵀr} with the factor in EJML's alpha: takes the matrix-matrix path. */
    @Benchmark
    public DMatrixRMaj multTransAVectorWithAlpha() {
        return CommonOps_DDRM.multTransA(2.0, tall, rows, columns);
    }

    /** {@code 2 Aᵀr} as the matrix-vector kernel and a scaling of the short result. */
    @Benchmark
    public DMatrixRMaj multTransAVectorThenScale() {
        CommonOps_DDRM.multTransA(tall, rows, columns);
        CommonOps_DDRM.scale(2.0, columns);
        return columns;
    }

    /** {@code 2 Aᵀr} as EJML's matrix-vector kernel called directly. */
    @Benchmark
    public DMatrixRMaj multTransAReorderThenScale() {
        MatrixVectorMult_DDRM.multTransA_reorder(tall, rows, columns);
        CommonOps_DDRM.scale(2.0, columns);
        return columns;
    }

    /** {@code AᵀBᵀ} (n/4 square) with multTransAB. */
    @Benchmark
    public DMatrixRMaj multTransAB() {
        return CommonOps_DDRM.multTransAB(squareA, squareB, square);
    }

    /** {@code AᵀBᵀ = (BA)ᵀ} as a plain product and a transpose. */
    @Benchmark
    public DMatrixRMaj multThenTranspose() {
        CommonOps_DDRM.mult(squareB, squareA, squareOut);
        return CommonOps_DDRM.transpose(squareOut, square);
    }

    /** {@code ABᵀ} with multTransB. */
    @Benchmark
    public DMatrixRMaj multTransB() {
        return CommonOps_DDRM.multTransB(squareA, squareB, square);
    }

    /** {@code AᵀB} with multTransA. */
    @Benchmark
    public DMatrixRMaj multTransA() {
        return CommonOps_DDRM.multTransA(squareA, squareB, square);
    }

    /** {@code AB} with mult, the reference for the three above. */
    @Benchmark
    public DMatrixRMaj mult() {
        return CommonOps_DDRM.mult(squareA, squareB, square);
    }

    /** matgrad's runtime Factorization of a covariance (n/4 square): symmetry test, Cholesky, singularity estimate. */
    @Benchmark
    public Factorization factorizationDecompose() {
        return factorization.decompose(covariance, "KernelChoices", "S");
    }

    /** EJML's Cholesky of the same matrix, on a copy, as the expert code does it. */
    @Benchmark
    public DMatrixRMaj choleskyDecompose() {
        factor.setTo(covariance);
        choleskySolver.setA(factor);
        return factor;
    }

    /** {@code S⁻¹B} with the factorization's solve, n/4 right-hand sides (factorization included). */
    @Benchmark
    public DMatrixRMaj factorizationSolve() {
        factorization.decompose(covariance, "KernelChoices", "S").solve(squareB, square);
        return square;
    }

    /** {@code S⁻¹} then {@code S⁻¹B} by a plain product (factorization included): worth it when S⁻¹ is needed anyway. */
    @Benchmark
    public DMatrixRMaj factorizationInvertThenMult() {
        factorization.decompose(covariance, "KernelChoices", "S").invert(inverse);
        return CommonOps_DDRM.mult(inverse, squareB, square);
    }

    /** {@code S⁻¹} alone (factorization included). */
    @Benchmark
    public DMatrixRMaj factorizationInvert() {
        inverse.reshape(covariance.numRows, covariance.numCols);
        factorization.decompose(covariance, "KernelChoices", "S").invert(inverse);
        return inverse;
    }
}
