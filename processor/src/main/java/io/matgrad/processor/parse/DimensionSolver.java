package io.matgrad.processor.parse;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.DimRequirement;
import io.matgrad.processor.ir.LeastSize;
import io.matgrad.processor.ir.Shape;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shape inference: union-find over dimensions. Every matrix parameter starts with its own two
 * axes; each operation equates the dimensions it needs equal. Two classes that merge become a run
 * time requirement (checked by the generated code on entry), recorded with the code that needs it.
 * Afterwards every dimension is written as its class's canonical member: the fixed size if the
 * class has one, else the axis of the earliest parameter (rows before columns).
 *
 * <p>A class may be <em>rigid</em>: a fixed size ({@code 1} for vectors, or a number declared with
 * {@code @Shape}), or a name declared with {@code @Shape} ({@code "n x 1"}). Two rigid classes never
 * merge: 3 is not 4, and different declared names are different dimensions, since the method must
 * work for every size they stand for. Asking for it is a {@link Conflict}, which says what each side
 * is and where that came from.
 *
 * <p>Declared names need no IR of their own: a name is the equality of the axes that share it, and
 * its class is canonicalized like any other.
 */
final class DimensionSolver {
    /**
     * Why a dimension has the value it has.
     *
     * @param value the size or the declared name, as written: {@code "3"}, {@code "n"}
     * @param origin the code that fixed it ({@code "@Shape(\"n x 1\") x"}, {@code "diag(v)"}); empty
     *     for a dimension that is a fixed size itself
     */
    record Fact(String value, Optional<String> origin) {}

    /** Two rigid dimensions required equal; each fact says what its side is known to be. */
    record Conflict(Dim left, Fact leftFact, Dim right, Fact rightFact, boolean undecided) {
        Conflict(Dim left, Fact leftFact, Dim right, Fact rightFact) {
            this(left, leftFact, right, rightFact, false);
        }

        /** Whether a declared name is involved, as opposed to two different sizes. */
        boolean involvesName() {
            return !isNumber(leftFact.value()) || !isNumber(rightFact.value());
        }

        private static boolean isNumber(String value) {
            return value.chars().allMatch(Character::isDigit);
        }
    }

    /** A merge of two classes, {@code a == b} for {@code origin}: the edges of the union-find forest. */
    private record Edge(Dim a, Dim b, String origin) {}

    /** A declared name and its declaration. */
    private record Name(String name, String origin) {}

    private final Map<Dim, Dim> parent = new HashMap<>();
    /** The declaration order of parameter axes, which picks canonical members. */
    private final Map<Dim, Integer> order = new HashMap<>();
    private final List<DimRequirement> requirements = new ArrayList<>();
    private final List<LeastSize> leastSizes = new ArrayList<>();
    /** Declared names, by the root of the class they name. */
    private final Map<Dim, Name> namedRoots = new HashMap<>();
    /** The first axis declared with each name. */
    private final Map<String, Dim> names = new HashMap<>();
    private final Map<Dim, List<Edge>> edges = new HashMap<>();

    /** Declares the next matrix parameter, in declaration order. */
    void declareMatrix(String parameter) {
        order.put(Dim.rows(parameter), order.size());
        order.put(Dim.cols(parameter), order.size());
    }

    /**
     * Declares that {@code axis} is the dimension named {@code name} (by {@code @Shape}, written as
     * {@code origin}): the same dimension as every other axis of that name, and a different one from
     * every other name and every fixed size.
     */
    Optional<Conflict> declareName(Dim.Axis axis, String name, String origin) {
        Dim first = names.get(name);
        if (first != null) {
            return unify(axis, first, origin);
        }
        Dim root = find(axis);
        Optional<Fact> rigid = rigid(root, axis);
        if (rigid.isPresent()) {
            return Optional.of(new Conflict(axis, rigid.get(), axis, new Fact(name, Optional.of(origin))));
        }
        names.put(name, axis);
        namedRoots.put(root, new Name(name, origin));
        return Optional.empty();
    }

    /**
     * Requires {@code a == b}, for the expression {@code origin} (its source text). Returns the
     * conflict if the two are known to be different rigid dimensions; the solver is unchanged then.
     */
    Optional<Conflict> unify(Dim a, Dim b, String origin) {
        Dim rootA = root(a);
        Dim rootB = root(b);
        if (rootA.equals(rootB)) {
            return Optional.empty();
        }
        if (rootA.isComposite() || rootB.isComposite()) {
            return unifyComposite(a, b, origin);
        }
        Optional<Fact> rigidA = rigid(rootA, a);
        Optional<Fact> rigidB = rigid(rootB, b);
        if (rigidA.isPresent() && rigidB.isPresent()) {
            return Optional.of(new Conflict(a, rigidA.get(), b, rigidB.get()));
        }
        Dim root = precedes(rootA, rootB) ? rootA : rootB;
        Dim child = root == rootA ? rootB : rootA;
        parent.put(child, root);
        Name name = namedRoots.remove(child);
        if (name != null) {
            namedRoots.put(root, name);
        }
        Edge edge = new Edge(a, b, origin);
        edges.computeIfAbsent(a, k -> new ArrayList<>()).add(edge);
        edges.computeIfAbsent(b, k -> new ArrayList<>()).add(edge);
        requirements.add(requirement(a, b, origin));
        return Optional.empty();
    }

    /**
     * Requires {@code a == b} where one side is computed from others ({@code A.numRows + B.numRows}):
     * a dimension free to be anything becomes that sum or product (its class is bound to it, and the
     * generated code checks it); two sizes must be equal; anything else cannot be decided at compile
     * time and is reported as a conflict.
     */
    private Optional<Conflict> unifyComposite(Dim a, Dim b, String origin) {
        Dim ca = canonical(a);
        Dim cb = canonical(b);
        if (ca.equals(cb)) {
            return Optional.empty();
        }
        // x·y == 1: both are 1 (dimensions are whole numbers)
        if (ca instanceof Dim.Product p && cb.equals(Dim.ONE) || cb instanceof Dim.Product q && ca.equals(Dim.ONE)) {
            Dim.Product product = ca instanceof Dim.Product p ? p : (Dim.Product) cb;
            Optional<Conflict> left = unify(product.left(), Dim.ONE, origin);
            return left.isPresent() ? left : unify(product.right(), Dim.ONE, origin);
        }
        // x·y == x (a dimension is never 0): y is 1; x + y == x: y is 0
        Optional<Dim> cancelled = cancelled(ca, cb).or(() -> cancelled(cb, ca));
        if (cancelled.isPresent()) {
            Dim rest = cancelled.get();
            return unify(rest, rest instanceof Dim.Sum || ca instanceof Dim.Sum || cb instanceof Dim.Sum
                    ? new Dim.Fixed(0) : Dim.ONE, origin);
        }
        if (!ca.isComposite() && isFree(ca) && !mentions(cb, ca)) {
            return bind(a, ca, cb, origin);
        }
        if (!cb.isComposite() && isFree(cb) && !mentions(ca, cb)) {
            return bind(b, cb, ca, origin);
        }
        boolean sizes = ca instanceof Dim.Fixed && cb instanceof Dim.Fixed;
        return Optional.of(new Conflict(a, new Fact(ca.toString(), Optional.empty()), b,
                new Fact(cb.toString(), Optional.empty()), !sizes));
    }

    /**
     * If {@code composite} is {@code x·y} or {@code x + y} and {@code other} is one of its parts, the
     * other part (which must then be 1, or 0).
     */
    private static Optional<Dim> cancelled(Dim composite, Dim other) {
        if (composite instanceof Dim.Product p) {
            return p.left().equals(other) ? Optional.of(p.right())
                    : p.right().equals(other) ? Optional.of(p.left()) : Optional.empty();
        }
        if (composite instanceof Dim.Sum s) {
            return s.left().equals(other) ? Optional.of(s.right())
                    : s.right().equals(other) ? Optional.of(s.left()) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Makes the class of {@code atom} (rooted at {@code root}) the composite {@code value}; {@code atom == value} is checked. */
    private Optional<Conflict> bind(Dim atom, Dim root, Dim value, String origin) {
        parent.put(root, value);
        Dim.Axis checked = atom instanceof Dim.Axis axis ? axis : (Dim.Axis) root;
        requirements.add(new DimRequirement(checked, value, origin));
        return Optional.empty();
    }

    /** Whether {@code root}'s class is neither a size nor a declared name. */
    private boolean isFree(Dim root) {
        return root instanceof Dim.Axis && !namedRoots.containsKey(root);
    }

    /** Whether the composite {@code d} is made of {@code root}'s class. */
    private boolean mentions(Dim d, Dim root) {
        if (d instanceof Dim.Sum sum) {
            return mentions(sum.left(), root) || mentions(sum.right(), root);
        }
        if (d instanceof Dim.Product product) {
            return mentions(product.left(), root) || mentions(product.right(), root);
        }
        return d.equals(root);
    }

    /** {@code d}'s class's root, or {@code d} itself if it is computed from others. */
    private Dim root(Dim d) {
        return d.isComposite() ? d : find(d);
    }

    /** The canonical member of {@code d}'s class; a composite, of its parts, folded. */
    Dim canonical(Dim d) {
        Dim root = root(d);
        return root.isComposite() ? mapParts(root) : root;
    }

    private Dim mapParts(Dim composite) {
        if (composite instanceof Dim.Sum sum) {
            return Dim.sum(canonical(sum.left()), canonical(sum.right()));
        }
        Dim.Product product = (Dim.Product) composite;
        return Dim.product(canonical(product.left()), canonical(product.right()));
    }

    /** {@code shape} in canonical dimensions. */
    Shape canonical(Shape shape) {
        return shape.isScalar() ? shape : Shape.matrix(canonical(shape.rows()), canonical(shape.cols()));
    }

    /** Requires {@code d >= size} at run time, for {@code origin}. */
    void requireAtLeast(Dim d, int size, String origin) {
        leastSizes.add(new LeastSize(d, size, origin));
    }

    /**
     * The least sizes the body needs of dimensions not known at compile time, in canonical
     * dimensions, the largest per dimension (with the origin that asks it).
     */
    List<LeastSize> leastSizes() {
        Map<Dim, LeastSize> largest = new LinkedHashMap<>();
        for (LeastSize l : leastSizes) {
            Dim d = canonical(l.dim());
            if (!(d instanceof Dim.Fixed)) {
                largest.merge(d, new LeastSize(d, l.size(), l.origin()), (a, b) -> a.size() >= b.size() ? a : b);
            }
        }
        return List.copyOf(largest.values());
    }

    /** One requirement per merge of two classes, in the order the body needs them. */
    List<DimRequirement> requirements() {
        return List.copyOf(requirements);
    }

    /** What makes {@code d}'s class (rooted at {@code root}) rigid, if anything does. */
    private Optional<Fact> rigid(Dim root, Dim d) {
        if (root instanceof Dim.Fixed size) {
            Optional<String> origin = d.equals(root) ? Optional.empty() : originOfSize(d, root);
            return Optional.of(new Fact(size.toString(), origin));
        }
        Name name = namedRoots.get(root);
        return name == null ? Optional.empty() : Optional.of(new Fact(name.name(), Optional.of(name.origin())));
    }

    /**
     * The code that made {@code d} the fixed size {@code size}: the last merge on the path from
     * {@code d} to the size in the union-find forest, whose paths are unique. Searching stops at the
     * size, which joins every dimension of that size, related or not.
     */
    private Optional<String> originOfSize(Dim d, Dim size) {
        Map<Dim, Edge> reachedBy = new HashMap<>();
        Deque<Dim> queue = new ArrayDeque<>(List.of(d));
        reachedBy.put(d, null);
        while (!queue.isEmpty()) {
            Dim at = queue.removeFirst();
            for (Edge e : edges.getOrDefault(at, List.of())) {
                Dim next = e.a().equals(at) ? e.b() : e.a();
                if (reachedBy.containsKey(next)) {
                    continue;
                }
                if (next.equals(size)) {
                    return Optional.of(e.origin());
                }
                reachedBy.put(next, e);
                queue.addLast(next);
            }
        }
        return Optional.empty();
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
