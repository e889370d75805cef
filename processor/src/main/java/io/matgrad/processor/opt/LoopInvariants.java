package io.matgrad.processor.opt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Moves the steps of a loop over basis directions that compute the same thing in every iteration
 * to before the loop.
 *
 * <p>{@code Lowering} computes before the loop what does not depend on the direction, except what
 * a kernel usually absorbs (a transpose, a scale, a sign); where the kernel inside the loop cannot
 * absorb it after all (an inner product with a transposed matrix), the body materialises it again
 * for every direction: an O(n²) transpose per column of a Jacobian, O(n³) in all. Such a step
 * reads nothing the body writes; it is moved, in order, with the steps it enables.
 */
final class LoopInvariants {
    private LoopInvariants() {}

    /** {@code steps}, with the invariant steps of each loop's body moved before the loop. */
    static List<Step> hoist(List<Step> steps) {
        List<Step> result = new ArrayList<>();
        for (Step step : steps) {
            if (step.kernel() instanceof Kernel.BasisLoop loop) {
                List<Step> body = new ArrayList<>(loop.body());
                result.addAll(invariants(loop, body));
                result.add(new Step(step.target(), loop.withBody(body), step.computes()));
            } else {
                result.add(step);
            }
        }
        return result;
    }

    /** Removes the invariant steps from {@code body} and returns them, in order. */
    private static List<Step> invariants(Kernel.BasisLoop loop, List<Step> body) {
        List<Step> moved = new ArrayList<>();
        boolean found = true;
        while (found) {
            found = false;
            for (int k = 0; k < body.size() && !found; k++) {
                Step step = body.get(k);
                if (isInvariant(step, k, body, loop)) {
                    moved.add(body.remove(k));
                    found = true;
                }
            }
        }
        return moved;
    }

    /**
     * Whether step {@code k} of the body computes the same value in every iteration and may run once
     * before the loop: it reads neither the direction nor anything the body writes, and its target
     * is its own (no other step of the body writes it, and it is not the loop's tangent).
     */
    private static boolean isInvariant(Step step, int k, List<Step> body, Kernel.BasisLoop loop) {
        if (step.kernel() instanceof Kernel.Factorize || step.kernel() instanceof Kernel.BasisLoop) {
            return false;
        }
        String target = step.target().name();
        if (target.equals(loop.tangent().name())) {
            return false;
        }
        Set<String> writtenByOthers = new HashSet<>();
        writtenByOthers.add(loop.direction().name());
        for (int other = 0; other < body.size(); other++) {
            if (other != k) {
                writtenByOthers.addAll(DataFlow.writes(body.get(other)));
            }
        }
        Set<String> reads = DataFlow.reads(step);
        if (writtenByOthers.contains(target) || reads.contains(target)) {
            return false;
        }
        for (String read : reads) {
            if (writtenByOthers.contains(read)) {
                return false;
            }
        }
        return true;
    }
}
