package io.matgrad.processor.parse;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.DimRequirement;
import io.matgrad.processor.ir.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shape inference: union-find over dimensions. Every matrix parameter starts with its own two
 * axes; each operation equates the dimensions it needs equal. Two classes that merge become a run
 * time requirement (checked by the generated code on entry), recorded with the call that needs it.
 * Afterwards every dimension is written as its class's canonical member: the fixed size if the
 * class has one, else the axis of the earliest parameter (rows before columns).
 *
 * <p>Fixed sizes enter through {@link #unify} with a {@link Dim.Fixed} (today only 1, from vectors);
 * sizes declared on parameters can enter the same way.
 */
final class DimensionSolver {
    /** Two fixed sizes required equal; {@code leftSize} is what {@code left} is known to be. */
    record Conflict(Dim left, Dim.Fixed leftSize, Dim right, Dim.Fixed rightSize) {}

    private final Map<Dim, Dim> parent = new HashMap<>();
    /** The declaration order of parameter axes, which picks canonical members. */
    private final Map<Dim, Integer> order = new HashMap<>();
    private final List<DimRequirement> requirements = new ArrayList<>();

    /** Declares the next matrix parameter, in declaration order. */
    void declareMatrix(String parameter) {
        order.put(Dim.rows(parameter), order.size());
        order.put(Dim.cols(parameter), order.size());
    }

    /**
     * Requires {@code a == b}, for the expression {@code origin} (its source text). Returns the
     * conflict if the two are known to be different fixed sizes; the solver is unchanged then.
     */
    Optional<Conflict> unify(Dim a, Dim b, String origin) {
        Dim rootA = find(a);
        Dim rootB = find(b);
        if (rootA.equals(rootB)) {
            return Optional.empty();
        }
        if (rootA instanceof Dim.Fixed sizeA && rootB instanceof Dim.Fixed sizeB) {
            return Optional.of(new Conflict(a, sizeA, b, sizeB));
        }
        if (precedes(rootA, rootB)) {
            parent.put(rootB, rootA);
        } else {
            parent.put(rootA, rootB);
        }
        requirements.add(requirement(a, b, origin));
        return Optional.empty();
    }

    /** The canonical member of {@code d}'s class. */
    Dim canonical(Dim d) {
        return find(d);
    }

    /** {@code shape} in canonical dimensions. */
    Shape canonical(Shape shape) {
        return shape.isScalar() ? shape : Shape.matrix(find(shape.rows()), find(shape.cols()));
    }

    /** One requirement per merge of two classes, in the order the body needs them. */
    List<DimRequirement> requirements() {
        return List.copyOf(requirements);
    }

    /**
     * The requirement that {@code a == b}, written as "the later axis equals the earlier one (or the
     * fixed size)", e.g. {@code x.numRows == A.numCols} for {@code mult(A, x)}: it reads as a check
     * on the argument that comes later. It relates the dimensions the expression compares, not their
     * canonical members, so that a failed check names what {@code origin} names; together the
     * requirements imply every equality the canonical shapes assume.
     */
    private DimRequirement requirement(Dim a, Dim b, String origin) {
        // Not both fixed: equal sizes are one class, different ones a conflict.
        boolean aFirst = precedes(a, b);
        return new DimRequirement((Dim.Axis) (aFirst ? b : a), aFirst ? a : b, origin);
    }

    /** Whether {@code a} is the better canonical member: a fixed size, or an earlier axis. */
    private boolean precedes(Dim a, Dim b) {
        if (a instanceof Dim.Fixed || b instanceof Dim.Fixed) {
            return a instanceof Dim.Fixed;
        }
        return rank(a) <= rank(b);
    }

    private int rank(Dim d) {
        return order.getOrDefault(d, Integer.MAX_VALUE);
    }

    private Dim find(Dim d) {
        Dim root = d;
        for (Dim p = parent.get(root); p != null; p = parent.get(root)) {
            root = p;
        }
        // Path compression: later finds of anything on the path take one step.
        for (Dim x = d; !x.equals(root); ) {
            Dim next = parent.get(x);
            parent.put(x, root);
            x = next;
        }
        return root;
    }
}
