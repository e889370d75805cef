package io.matgrad.benchmarks;

import java.util.List;

/**
 * A function of the suite in a peer library's tensor type {@code T}, as the library's user writes
 * it: the {@code @Differentiable} method's body with the library's operations.
 */
@FunctionalInterface
interface Formula<T> {
    /** The function's value, a scalar tensor, of the arguments in the annotated method's order. */
    T apply(Arguments<T> arguments);

    /** The annotated method's arguments in the library's terms: a tensor per matrix, a double per scalar. */
    final class Arguments<T> {
        private final List<Object> values;
        private final Class<T> tensor;

        Arguments(List<Object> values, Class<T> tensor) {
            this.values = List.copyOf(values);
            this.tensor = tensor;
        }

        /** The tensor of matrix argument {@code i}. */
        T matrix(int i) {
            return tensor.cast(values.get(i));
        }

        /** Scalar argument {@code i}. */
        double scalar(int i) {
            return (Double) values.get(i);
        }
    }
}
