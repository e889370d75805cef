package io.matgrad.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Runs every {@code @Benchmark} method once, outside JMH, so that `mvn verify` catches a benchmark
 * that throws (nothing here is timed). Parameters: every function, the smallest size.
 */
class BenchmarkSmokeTest {

    @ParameterizedTest
    @ValueSource(classes = {GradientBenchmarks.class, BaselineBenchmarks.class, KernelChoices.class})
    void everyBenchmarkMethodRunsOnce(Class<?> benchmarks) throws Exception {
        List<Method> methods = Arrays.stream(benchmarks.getMethods()).filter(m -> m.isAnnotationPresent(Benchmark.class)).toList();
        assertFalse(methods.isEmpty(), benchmarks + " has benchmarks");
        // Every value of "function"; the first (smallest) value of any other parameter.
        Field varied = null;
        for (Field f : benchmarks.getFields()) {
            if (f.isAnnotationPresent(Param.class) && f.getName().equals("function")) {
                varied = f;
            }
        }
        String[] functions = varied == null ? new String[] {null} : varied.getAnnotation(Param.class).value();
        for (String function : functions) {
            Object state = benchmarks.getConstructor().newInstance();
            for (Field f : benchmarks.getFields()) {
                if (f.isAnnotationPresent(Param.class)) {
                    f.set(state, convert(f, f == varied ? function : f.getAnnotation(Param.class).value()[0]));
                }
            }
            for (Method m : benchmarks.getMethods()) {
                if (m.isAnnotationPresent(Setup.class)) {
                    m.invoke(state);
                }
            }
            for (Method m : methods) {
                m.invoke(state);
            }
        }
    }

    @Test
    void theJmhParametersListEveryFunctionOfTheSuite() throws Exception {
        for (Class<?> c : List.of(GradientBenchmarks.class, BaselineBenchmarks.class)) {
            String[] functions = c.getField("function").getAnnotation(Param.class).value();
            assertEquals(Problems.names(), List.of(functions), c.getSimpleName() + "'s function parameter");
        }
    }

    @Test
    void everyImplementationHasItsBenchmarkMethod() {
        Set<String> methods = new HashSet<>();
        for (Class<?> c : List.of(GradientBenchmarks.class, BaselineBenchmarks.class)) {
            Arrays.stream(c.getMethods()).filter(m -> m.isAnnotationPresent(Benchmark.class)).forEach(m -> methods.add(m.getName()));
        }
        for (Implementation i : Implementation.values()) {
            // The peers' methods are in their own classes, compiled only under -Ppeers (PeerAgreementTest checks them there).
            if (!i.isPeer()) {
                assertTrue(methods.contains(i.benchmark()), i + " is measured by a benchmark method " + i.benchmark());
            }
        }
    }

    @Test
    void everyAnnotatedFunctionIsBenchmarked() {
        long annotated = Arrays.stream(Functions.class.getMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == Functions.class)
                .count();
        assertEquals(annotated, Problems.names().size());
        assertEquals(annotated, ProcessorCost.formulas().size(), "ProcessorCost compiles each formula of Functions");
    }

    private static Object convert(Field f, String value) {
        return f.getType() == int.class ? Integer.parseInt(value) : value;
    }
}
