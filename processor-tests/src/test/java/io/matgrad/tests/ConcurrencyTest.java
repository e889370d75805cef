package io.matgrad.tests;

import static io.matgrad.tests.GradientHarness.method;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Generated static methods keep no shared mutable state: called from many threads at once on
 * different arguments, each call gives exactly what it gives alone.
 */
class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final int INPUTS = 32;
    private static final int CALLS_PER_THREAD = 400;

    /** One call with its arguments and the result it gave when made alone. */
    private record Call(Method method, Object[] args, int outputs, List<Object> expected) {
        List<Object> run() {
            Object[] fresh = args.clone();
            for (int k = args.length - outputs; k < args.length; k++) {
                fresh[k] = new DMatrixRMaj(1, 1);
            }
            List<Object> results = new ArrayList<>();
            results.add(GradientHarness.invoke(method, fresh));
            for (int k = args.length - outputs; k < args.length; k++) {
                results.add(fresh[k]);
            }
            return results;
        }
    }

    @Test
    void concurrentCallsGiveWhatEachGivesAlone() throws Exception {
        Random random = new Random(17);
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < INPUTS; i++) {
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(6, 4, -1, 1, random);
            DMatrixRMaj x = RandomMatrices_DDRM.rectangle(4, 1, -1, 1, random);
            DMatrixRMaj b = RandomMatrices_DDRM.rectangle(6, 1, -1, 1, random);
            DMatrixRMaj y = RandomMatrices_DDRM.rectangle(6, 1, 0, 1, random);
            DMatrixRMaj s = RandomMatrices_DDRM.symmetricPosDef(3, random);
            calls.add(call(CoreGradients.class, "leastSquaresWithLocalValueAndGrad", 3, a, x, b, null, null, null));
            calls.add(call(RobustnessGradients.class, "logisticValueAndGrad", 2, a, y, x, null, null));
            calls.add(call(RobustnessGradients.class, "solvedGradA", 0, s, RandomMatrices_DDRM.rectangle(3, 1, -1, 1, random)));
            calls.add(call(RobustnessGradients.class, "scalarAndMatrixGradS", 0, x, 0.5 + i * 0.01));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<Integer> work = () -> {
                    start.await();
                    int mismatches = 0;
                    for (int k = 0; k < CALLS_PER_THREAD; k++) {
                        Call c = calls.get((thread * 7919 + k * 31) % calls.size());
                        if (!same(c.expected(), c.run())) {
                            mismatches++;
                        }
                    }
                    return mismatches;
                };
                done.add(pool.submit(work));
            }
            start.countDown();
            for (Future<Integer> f : done) {
                assertEquals(0, f.get(60, TimeUnit.SECONDS), "calls that differed from the same call made alone");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Call call(Class<?> type, String name, int outputs, Object... args) {
        Call c = new Call(method(type, name), args, outputs, List.of());
        return new Call(c.method(), args, outputs, c.run());
    }

    private static boolean same(List<Object> expected, List<Object> actual) {
        for (int i = 0; i < expected.size(); i++) {
            Object e = expected.get(i);
            Object a = actual.get(i);
            boolean equal = e instanceof DMatrixRMaj m ? MatrixFeatures_DDRM.isIdentical(m, (DMatrixRMaj) a, 0) : e.equals(a);
            if (!equal) {
                return false;
            }
        }
        return true;
    }

    /** No static field a thread could write: whatever a generated class keeps is constant. */
    @Test
    void generatedClassesHaveNoMutableStaticState() {
        for (Class<?> generated : List.of(CoreGradients.class, RobustnessGradients.class)) {
            for (Field f : generated.getDeclaredFields()) {
                int modifiers = f.getModifiers();
                if (Modifier.isStatic(modifiers)) {
                    assertTrue(Modifier.isFinal(modifiers) && (f.getType().isPrimitive() || f.getType() == String.class),
                            generated.getSimpleName() + "." + f.getName() + " is shared state");
                }
            }
        }
    }

    /** A workspace, which holds temporaries between calls, says it belongs to one thread at a time. */
    @Test
    void workspacesSayTheyAreConfinedToOneThread() throws IOException {
        Path generated = Path.of("target/generated-test-sources/test-annotations/io/matgrad/tests");
        Pattern workspace = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*"
                + "public static final class (\\w+Workspace)", Pattern.DOTALL);
        int workspaces = 0;
        for (String file : List.of("CoreGradients.java", "RobustnessGradients.java")) {
            Matcher m = workspace.matcher(Files.readString(generated.resolve(file)));
            while (m.find()) {
                workspaces++;
                assertTrue(m.group(1).contains("single thread"), m.group(2) + "'s Javadoc must say it is confined to one thread");
            }
        }
        assertTrue(workspaces > 0, "no workspace class found in the generated sources");
    }
}
