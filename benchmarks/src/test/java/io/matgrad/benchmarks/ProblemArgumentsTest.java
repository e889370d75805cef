package io.matgrad.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Problem#arguments()}, from which the peers (under -Ppeers) build their tensors, are the
 * {@code @Differentiable} method's arguments in its parameter order: calling the method with them
 * gives the forward value, and the {@code wrt} matrices are among them, in order.
 */
class ProblemArgumentsTest {

    static List<String> functions() {
        return Problems.names();
    }

    @ParameterizedTest
    @MethodSource("functions")
    void theArgumentsAreTheAnnotatedMethodsInItsParameterOrder(String function) throws Exception {
        Problem problem = Problems.create(function, Size.SMALL);
        Method method = Arrays.stream(Functions.class.getMethods()).filter(m -> m.getName().equals(function)).findFirst().orElseThrow();
        List<Object> arguments = problem.arguments();
        Class<?>[] types = method.getParameterTypes();
        assertEquals(types.length, arguments.size(), function + ": number of arguments");
        for (int i = 0; i < types.length; i++) {
            Class<?> expected = types[i] == double.class ? Double.class : types[i];
            assertEquals(expected, arguments.get(i).getClass(), function + ": argument " + i);
        }
        assertEquals(problem.forward(), (double) method.invoke(null, arguments.toArray()), 0, function + ": the method's value");

        int previous = -1;
        for (DMatrixRMaj parameter : problem.wrt()) {
            int index = indexOf(arguments, parameter);
            assertTrue(index > previous, function + ": the wrt matrices are arguments, in order");
            previous = index;
        }
    }

    /** The position of {@code matrix} itself (not an equal copy) among the arguments, or −1. */
    private static int indexOf(List<Object> arguments, DMatrixRMaj matrix) {
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i) == matrix) {
                return i;
            }
        }
        return -1;
    }
}
