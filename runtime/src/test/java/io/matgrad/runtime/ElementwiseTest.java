package io.matgrad.runtime;

import static io.matgrad.runtime.TestMatrices.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Map;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The output contract of the kernels: in place, into a given matrix, or into a new one, all alike. */
class ElementwiseTest {

    private static final Map<String, BinaryOperator<DMatrixRMaj>> KERNELS = Map.of(
            "exp", Elementwise::exp,
            "log", Elementwise::log,
            "tanh", Elementwise::tanh,
            "sigmoid", Elementwise::sigmoid,
            "softplus", Elementwise::softplus,
            "square", Elementwise::square,
            "sqrt", Elementwise::sqrt,
            "pow", (a, out) -> Elementwise.pow(a, -1.5, out));

    @TestFactory
    Stream<DynamicTest> inPlaceGivenAndAllocatedOutputsAgree() {
        return KERNELS.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(kernel -> dynamicTest(kernel.getKey(), () -> {
            BinaryOperator<DMatrixRMaj> f = kernel.getValue();
            DMatrixRMaj a = TestMatrices.positive(3, 4, new Random(kernel.getKey().hashCode()));
            DMatrixRMaj original = a.copy();

            DMatrixRMaj allocated = f.apply(a, null);
            assertNotSame(a, allocated);
            assertIdentical(original, a);

            DMatrixRMaj given = new DMatrixRMaj(4, 4);
            double[] storage = given.data;
            assertSame(given, f.apply(a, given));
            assertSame(storage, given.data, "a large enough output is reused, not reallocated");
            assertIdentical(allocated, given);
            assertIdentical(original, a);

            assertSame(a, f.apply(a, a));
            assertIdentical(allocated, a);
        }));
    }

    @TestFactory
    Stream<DynamicTest> outputsAreReshapedToTheInput() {
        return KERNELS.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(kernel -> dynamicTest(kernel.getKey(), () -> {
            DMatrixRMaj a = TestMatrices.positive(2, 5, new Random(3));
            DMatrixRMaj small = new DMatrixRMaj(1, 1);
            kernel.getValue().apply(a, small);
            assertEquals("2x5", Shapes.of(small));
            assertIdentical(kernel.getValue().apply(a, null), small);
        }));
    }
}
