package io.matgrad.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.runtime.GradientCheck;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The three Hessians the benchmark times are the same matrix (it times nothing). */
class HessianBenchmarksTest {
    @Test
    void symbolicHessianProductsAndFiniteDifferencesAgree() {
        HessianBenchmarks benchmark = new HessianBenchmarks();
        benchmark.n = 10;
        benchmark.setUp();
        DMatrixRMaj symbolic = benchmark.symbolicHessian().copy();
        DMatrixRMaj products = benchmark.hessianVectorProducts().copy();
        DMatrixRMaj differences = benchmark.finiteDifferencesOfTheGradient().copy();
        assertTrue(GradientCheck.relativeError(symbolic, products) < 1e-12, "H v columns equal H");
        assertTrue(GradientCheck.relativeError(symbolic, differences) < 1e-6, "finite differences of the gradient");
    }
}
