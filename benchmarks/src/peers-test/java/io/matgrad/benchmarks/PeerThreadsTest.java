package io.matgrad.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The peers compute on the calling thread only, as matgrad's code does: while one runs the
 * two-layer network at the large size (products of 200 x 100 by 100 x 500, which PyTorch, ND4J's
 * OpenMP and OpenBLAS would otherwise split over the cores), the other threads of the process
 * that are not the JVM's own compilers and collectors use almost no CPU. Read from Linux's
 * /proc/self/task, the only platform the peers' native jars are resolved for.
 */
class PeerThreadsTest {
    private static final Map<Implementation, BiFunction<String, Problem, PeerFunction>> PEERS = Map.of(
            Implementation.PYTORCH, TorchPeer::new,
            Implementation.SAMEDIFF, SameDiffPeer::new);

    @ParameterizedTest
    @EnumSource(value = Implementation.class, names = {"PYTORCH", "SAMEDIFF"})
    void thePeerComputesOnTheCallingThreadOnly(Implementation peer) {
        Problem problem = Problems.create("twoLayerTanh", Size.LARGE);
        try (PeerFunction code = PEERS.get(peer).apply("twoLayerTanh", problem)) {
            for (int i = 0; i < 20; i++) {
                code.valueAndGrad(); // warm-up: the JIT compiles, libraries start their pools
            }
            String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            Map<String, Long> before = ticks();
            long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            while (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu < 1_000_000_000L) {
                code.valueAndGrad();
            }
            Map<String, Long> after = ticks();
            long mine = after.get(self) - before.get(self);
            long others = 0;
            StringBuilder busy = new StringBuilder();
            for (Map.Entry<String, Long> task : after.entrySet()) {
                long used = task.getValue() - before.getOrDefault(task.getKey(), 0L);
                if (!task.getKey().equals(self) && !isTheJvmsOwn(name(task.getKey())) && used > 0) {
                    others += used;
                    busy.append(' ').append(name(task.getKey())).append('=').append(used);
                }
            }
            assertTrue(others <= 0.1 * mine, peer.label() + ": this thread used " + mine
                    + " ticks, other threads" + busy + " (a library thread pool at work?)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JIT compilers and the garbage collector work beside any Java code. */
    private static boolean isTheJvmsOwn(String name) {
        return name.contains("CompilerThre") || name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread");
    }

    /** CPU time (user and system, in clock ticks) of every thread of this process, by thread id. */
    private static Map<String, Long> ticks() {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue; // the thread ended meanwhile
                }
                // Fields after the parenthesised name: state is the first, utime the 12th, stime the 13th.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.put(task.getFileName().toString(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticks;
    }

    private static String name(String task) {
        try {
            return Files.readString(Path.of("/proc/self/task", task, "comm")).trim();
        } catch (IOException ended) {
            return "(ended)";
        }
    }
}
