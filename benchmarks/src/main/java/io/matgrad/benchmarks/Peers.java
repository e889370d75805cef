package io.matgrad.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Param;

/**
 * The peers' JMH benchmark classes. They live in {@code src/peers/java}, which only a build with
 * {@code -Ppeers} compiles (each peer brings 120 to 130 MB of native code), so the suite looks
 * them up by name: a jar built without the profile has none, and the suite measures what it
 * always did.
 */
final class Peers {
    /** Each peer's benchmark class, whose one {@code @Benchmark} method is named {@link Implementation#benchmark()}. */
    private static final Map<Implementation, String> CLASSES = Map.of(
            Implementation.PYTORCH, "io.matgrad.benchmarks.TorchBenchmarks",
            Implementation.SAMEDIFF, "io.matgrad.benchmarks.SameDiffBenchmarks");

    /**
     * How closely a peer's value and gradients must agree with matgrad's generated ones before it
     * is timed, relative to matgrad's value and to the Frobenius norm of its gradient. Both are
     * float64 evaluations of the same formula in different orders of summation, which differ by
     * some 1e-15; a wrong formula differs by far more.
     */
    static final double TOLERANCE = 1e-10;

    private Peers() {}

    /** A peer in this jar: its benchmark class and the functions it can express (its JMH parameter "function"). */
    record Peer(Implementation implementation, Class<?> benchmarks, List<String> functions) {

        /**
         * Checks the peer's value and gradients against matgrad's generated ones on {@code function}
         * at {@code size} (the benchmark class's static {@code check}); throws if they disagree.
         */
        void check(String function, Size size) {
            try {
                benchmarks.getMethod("check", String.class, Size.class).invoke(null, function, size);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(benchmarks + " has no public static check(String, Size)", e);
            }
        }
    }

    /** The peers compiled into this jar, in {@link Implementation} order; empty without {@code -Ppeers}. */
    static Map<Implementation, Peer> available() {
        Map<Implementation, Peer> peers = new EnumMap<>(Implementation.class);
        for (Implementation implementation : Implementation.values()) {
            if (!implementation.isPeer()) {
                continue;
            }
            Class<?> benchmarks;
            try {
                // Not initialised: that would load the peer's native library into this JVM.
                benchmarks = Class.forName(CLASSES.get(implementation), false, Peers.class.getClassLoader());
            } catch (ClassNotFoundException absent) {
                continue;
            }
            try {
                Param functions = benchmarks.getField("function").getAnnotation(Param.class);
                peers.put(implementation, new Peer(implementation, benchmarks, List.of(functions.value())));
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(benchmarks + " has no @Param function field", e);
            }
        }
        return peers;
    }
}
