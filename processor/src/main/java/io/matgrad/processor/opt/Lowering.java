package io.matgrad.processor.opt;

import io.matgrad.processor.ir.Dag;
import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.ExprVisitor;
import io.matgrad.processor.ir.Exprs;
import io.matgrad.processor.ir.Notation;
import io.matgrad.processor.ir.Op;
import io.matgrad.processor.ir.Shape;
import io.matgrad.processor.lang.Kronecker;
import io.matgrad.processor.lang.Vectorize;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the EJML kernels that compute a set of simplified, interned expressions, and schedules
 * them: kernel fusion and storage decisions.
 *
 * <ul>
 *   <li>A transpose feeding a product is never formed: {@code Aᵀr} is {@code multTransA(A, r)}.
 *   <li>A double factor or a sign on a product is the kernel's {@code alpha}: {@code 2Aᵀr} is
 *       {@code multTransA(2.0, A, r)}.
 *   <li>A sum with a product is {@code multAdd} into the other term: {@code C + AB} costs no
 *       temporary for {@code AB}.
 *   <li>{@code AᵀA} and {@code AAᵀ} are {@code multInner}/{@code multOuter}; {@code xᵀAy} is
 *       {@code innerProdA}, never forming {@code Ay}.
 *   <li>Elementwise operations whose operand is a temporary read by nobody else run in place, so
 *       {@code r = Ax − b} is {@code mult} then {@code subtractEquals}.
 *   <li>What a loop over basis directions would recompute in every iteration is moved before
 *       it ({@link LoopInvariants}); chains of elementwise operations on temporaries are then
 *       fused into single loops ({@link Fusion}).
 * </ul>
 *
 * <p>Every node is computed once (the expressions are interned): what the value and several
 * gradients share is computed for the first and read by the others.
 */
public final class Lowering {
    private final Map<Expr, String> localNames;
    private final Map<Expr, Integer> uses = new IdentityHashMap<>();
    private final Map<Expr, Operand> values = new IdentityHashMap<>();
    /** Temporaries this schedule owns and may overwrite once their node's only reader runs. */
    private final Set<String> scratch = new HashSet<>();
    private final NameSource names;
    private final List<Step> steps = new ArrayList<>();
    private final List<Operand.Ref> temporaries = new ArrayList<>();
    /** The factorization of each matrix that is inverted, solved with, or whose determinant is taken. */
    private final Map<Expr, Operand.Ref> factorizations = new IdentityHashMap<>();
    private final List<String> factorizationNames = new ArrayList<>();
    /** The inverse of each matrix whose inverse is computed anyway: its solves become products with it. */
    private final Map<Expr, Expr> inverses = new IdentityHashMap<>();
    /** Nodes that are the value of an output: wherever they are computed, they are computed into it. */
    private final Map<Expr, Operand.Ref> preferredTargets = new IdentityHashMap<>();

    private Lowering(Map<Expr, String> localNames, NameSource names) {
        this.localNames = localNames;
        this.names = names;
    }

    /**
     * Schedules {@code outputs}, in order.
     *
     * @param localNames names for nodes the user named (identity keys), used for their variables
     * @param names the method's names, its parameters and outputs taken: the variables it declares
     *     take theirs from it
     */
    public static Schedule lower(List<Output> outputs, Map<Expr, String> localNames, NameSource names) {
        Lowering lowering = new Lowering(localNames, names);
        for (Output output : outputs) {
            names.take(output.name());
        }
        return lowering.run(outputs);
    }

    private Schedule run(List<Output> outputs) {
        List<Expr> roots = outputs.stream().map(Output::value).toList();
        List<Expr> nodes = Dag.postOrder(roots);
        for (Expr node : nodes) {
            for (Expr operand : node.children()) {
                uses.merge(operand, 1, Integer::sum);
            }
        }
        for (Expr root : roots) {
            uses.merge(root, 1, Integer::sum);
        }
        countAbsorbedReads(nodes);
        for (Expr node : nodes) {
            if (node instanceof Expr.Inverse inverse) {
                inverses.putIfAbsent(inverse.operand(), inverse);
            }
        }
        // a solve with a matrix whose inverse exists reads that inverse: nothing may overwrite it before
        for (Expr node : nodes) {
            Expr inverse = node instanceof Expr.Solve solve ? inverses.get(strip(solve.matrix()).node()) : null;
            if (inverse != null) {
                uses.merge(inverse, 1, Integer::sum);
            }
        }
        // an output whose value other outputs read too is computed straight into the output, not copied there
        for (Output output : outputs) {
            if (output.sweep() == null && output.value().shape().isMatrix() && output.given()
                    && !output.value().children().isEmpty()) {
                preferredTargets.putIfAbsent(output.value(), new Operand.Ref(output.name(), output.value().shape()));
            }
        }
        Map<String, Operand> results = new LinkedHashMap<>();
        for (Output output : outputs) {
            Expr root = output.value();
            if (output.sweep() != null) {
                results.put(output.name(), sweep(output));
            } else if (root.shape().isScalar()) {
                results.put(output.name(), value(root));
            } else {
                Operand.Ref target = new Operand.Ref(output.name(), root.shape());
                if (!output.given()) {
                    temporaries.add(target);
                }
                results.put(output.name(), matrix(root, target));
            }
        }
        Set<String> liveOut = new HashSet<>();
        results.values().forEach(result -> DataFlow.collect(result, liveOut));
        List<Step> fused = Fusion.fuse(LoopInvariants.hoist(steps), liveOut, this::freshName);
        // a temporary that only fused-away steps wrote is no longer declared
        Set<String> used = new HashSet<>(liveOut);
        for (Step step : fused) {
            used.addAll(DataFlow.reads(step));
            used.addAll(DataFlow.writes(step));
        }
        temporaries.removeIf(t -> !used.contains(t.name()));
        return new Schedule(fused, results, temporaries, factorizationNames);
    }

    /**
     * A scale, a sign, a transpose or a diagonal is often absorbed by the kernel that reads it, which
     * then reads the wrapped node directly: each reader of the wrapper may read the wrapped node. Its
     * count of readers says so, so that nothing overwrites it in place while a reader remains.
     */
    private void countAbsorbedReads(List<Expr> order) {
        // in reverse post-order, readers first: a wrapper's count is complete before it is passed on
        for (int i = order.size() - 1; i >= 0; i--) {
            Expr node = order.get(i);
            Expr wrapped = wrapped(node);
            if (wrapped != null && uses(node) > 1) {
                uses.merge(wrapped, uses(node) - 1, Integer::sum);
            }
        }
    }

    /** The node a reader may read in place of {@code e}, when it absorbs {@code e}. */
    private static Expr wrapped(Expr e) {
        if (e instanceof Expr.Scale s) {
            return s.matrix();
        }
        if (e instanceof Expr.Neg || e instanceof Expr.Transpose || e instanceof Expr.Diag) {
            return e.children().get(0);
        }
        return null;
    }

    /**
     * An output assembled one basis direction at a time: what does not depend on the direction is
     * computed once, before the loop, and only read inside it; the rest is the loop's body.
     */
    private Operand.Ref sweep(Output output) {
        Output.Sweep sweep = output.sweep();
        Expr tangent = output.value();
        Set<String> direction = Set.of(sweep.direction().name());
        Map<Expr, Boolean> dependent = new IdentityHashMap<>();
        for (Expr node : Dag.postOrder(List.of(tangent))) {
            if (Dag.dependsOn(node, direction, dependent)) {
                if (node instanceof Expr.Solve solve && !Dag.dependsOn(solve.matrix(), direction, dependent)) {
                    factors(strip(solve.matrix()).node());
                }
                for (Expr operand : node.children()) {
                    if (!Dag.dependsOn(operand, direction, dependent)) {
                        hoist(operand);
                    }
                }
            }
        }
        // what is computed so far is read in every iteration: none of it may be overwritten in place
        scratch.clear();
        Operand.Ref unit = new Operand.Ref(sweep.direction().name(), sweep.direction().shape());
        temporaries.add(unit);
        values.put(sweep.direction(), unit);
        emit(new Expr.Fill(0, unit.shape()), unit, new Kernel.Fill(new Operand.Literal(0)));

        List<Step> outer = new ArrayList<>(steps);
        Set<Expr> before = Collections.newSetFromMap(new IdentityHashMap<>());
        before.addAll(values.keySet());
        steps.clear();
        Operand.Ref result = ref(tangent);
        List<Step> body = new ArrayList<>(steps);
        steps.clear();
        steps.addAll(outer);
        // values computed in the body hold the last direction's: forget them
        values.keySet().removeIf(node -> !before.contains(node));
        factorizations.keySet().removeIf(node -> !before.contains(node));
        scratch.clear();

        Operand.Ref target = new Operand.Ref(output.name(), sweep.shape());
        if (!output.given()) {
            temporaries.add(target);
        }
        String index = freshName(tangent, "column");
        return emit(tangent, target, new Kernel.BasisLoop(unit, index, body, result, sweep.rows()));
    }

    /**
     * Computes an operand of the loop body before the loop. A transpose, a diagonal, a scale or a sign
     * is absorbed by the kernel that reads it: what is hoisted is what they wrap.
     */
    private void hoist(Expr e) {
        if (e instanceof Expr.Transpose || e instanceof Expr.Diag || e instanceof Expr.Scale || e instanceof Expr.Neg) {
            e.children().forEach(this::hoist);
        } else if (!e.children().isEmpty()) {
            value(e);
        }
    }

    // ---------------------------------------------------------------- values

    private Operand value(Expr e) {
        Operand known = values.get(e);
        if (known != null) {
            return known;
        }
        if (e instanceof Expr.Variable v) {
            return remember(e, new Operand.Ref(v.name(), v.shape()));
        }
        if (e instanceof Expr.Constant c) {
            return new Operand.Literal(c.value());
        }
        return e.shape().isScalar() ? scalar(e) : matrix(e, null);
    }

    private Operand.Ref ref(Expr e) {
        return (Operand.Ref) value(e);
    }

    private Operand remember(Expr e, Operand operand) {
        values.put(e, operand);
        return operand;
    }

    private int uses(Expr e) {
        return uses.getOrDefault(e, 0);
    }

    /** Whether {@code e} is read once, here, and not yet computed: it may be fused into its reader. */
    private boolean fusible(Expr e) {
        return uses(e) == 1 && !values.containsKey(e);
    }

    /**
     * Whether the product {@code m} may be fused into its reader as a {@code mult} kernel with an
     * {@code alpha} or an accumulation. A product with a diagonal factor may not: it is a row or
     * column scaling, which no {@code mult} kernel does without forming the diagonal matrix.
     */
    private boolean fusibleProduct(Expr.MatMul m) {
        return fusible(m) && !(m.left() instanceof Expr.Diag) && !(m.right() instanceof Expr.Diag);
    }

    /** Whether the reader of {@code e} may overwrite {@code e}'s variable. */
    private boolean overwritable(Expr e, Operand.Ref variable) {
        return uses(e) == 1 && scratch.contains(variable.name());
    }

    // ---------------------------------------------------------------- doubles

    /** A double: inline arithmetic, or a variable defined by a reduction or shared by several readers. */
    private Operand scalar(Expr e) {
        return e.accept(scalarForm);
    }

    private final ScalarForm scalarForm = new ScalarForm();

    /** How a double-valued node is computed: inline, or as a variable of its own. */
    private final class ScalarForm implements ExprVisitor<Operand> {
        @Override
        public Operand visitVariable(Expr.Variable v) {
            return remember(v, new Operand.Ref(v.name(), v.shape()));
        }

        @Override
        public Operand visitConstant(Expr.Constant c) {
            return new Operand.Literal(c.value());
        }

        @Override
        public Operand visitAdd(Expr.Add a) {
            return shared(a, arithmetic(Operand.Operator.ADD, a.left(), a.right()));
        }

        @Override
        public Operand visitSub(Expr.Sub s) {
            return shared(s, arithmetic(Operand.Operator.SUBTRACT, s.left(), s.right()));
        }

        @Override
        public Operand visitMul(Expr.Mul m) {
            return shared(m, arithmetic(Operand.Operator.MULTIPLY, m.left(), m.right()));
        }

        @Override
        public Operand visitDiv(Expr.Div d) {
            return shared(d, arithmetic(Operand.Operator.DIVIDE, d.left(), d.right()));
        }

        @Override
        public Operand visitNeg(Expr.Neg n) {
            return shared(n, new Operand.Negate(value(n.operand())));
        }

        @Override
        public Operand visitDot(Expr.Dot d) {
            return define(d, dot(d), "dot");
        }

        @Override
        public Operand visitCall(Expr.Call c) {
            return call(c);
        }

        @Override
        public Operand visitFill(Expr.Fill f) {
            return matrix(f);
        }

        @Override
        public Operand visitIdentity(Expr.Identity i) {
            return matrix(i);
        }

        @Override
        public Operand visitScale(Expr.Scale s) {
            return matrix(s);
        }

        @Override
        public Operand visitMatMul(Expr.MatMul m) {
            return matrix(m);
        }

        @Override
        public Operand visitTranspose(Expr.Transpose t) {
            return matrix(t);
        }

        @Override
        public Operand visitInverse(Expr.Inverse i) {
            return matrix(i);
        }

        @Override
        public Operand visitSolve(Expr.Solve s) {
            return matrix(s);
        }

        @Override
        public Operand visitDiag(Expr.Diag d) {
            return matrix(d);
        }

        @Override
        public Operand visitDiagPart(Expr.DiagPart d) {
            return matrix(d);
        }

        private Operand matrix(Expr e) {
            throw new IllegalStateException("a matrix is not a double: " + e.getClass().getSimpleName());
        }
    }

    /** A value read twice is computed once, into a variable; else it is written where it is read. */
    private Operand shared(Expr e, Operand computed) {
        return uses(e) > 1 ? define(e, new Kernel.Let(computed), "s") : remember(e, computed);
    }

    /** A double computed by an operator of the table: inline, or by a routine or a factorization. */
    private Operand call(Expr.Call c) {
        Op.Implementation implementation = c.op().implementation();
        if (implementation instanceof Op.Implementation.FromFactorization f) {
            return define(c, new Kernel.Determinant(factors(c.operand(0)), f.logarithm()), c.op().functionName());
        }
        if (implementation instanceof Op.Implementation.ToDouble) {
            return define(c, new Kernel.Reduce(c.op(), ref(c.operand(0))), c.op().functionName());
        }
        if (implementation instanceof Op.Implementation.Dimension) {
            return remember(c, new Operand.Dimension(c.op().arguments().get(0)));
        }
        if (implementation instanceof Op.Implementation.IntoMatrix) {
            throw new IllegalStateException(c.op() + " is a matrix");
        }
        Op.Implementation.Entrywise entrywise = (Op.Implementation.Entrywise) implementation;
        List<Operand> arguments = new ArrayList<>();
        for (Expr operand : c.operands()) {
            Operand argument = value(operand);
            // x² is written x * x, which needs x to be a name
            if (entrywise.scalar() instanceof Op.ScalarForm.SelfProduct && !isSimple(argument)) {
                argument = define(operand, new Kernel.Let(argument), "s");
            }
            arguments.add(argument);
        }
        return shared(c, new Operand.Call(c.op(), arguments));
    }

    private static boolean isSimple(Operand operand) {
        return operand instanceof Operand.Ref || operand instanceof Operand.Literal;
    }

    private Operand arithmetic(Operand.Operator operator, Expr left, Expr right) {
        return new Operand.Arithmetic(operator, value(left), value(right));
    }

    private Operand.Ref define(Expr e, Kernel kernel, String hint) {
        Operand.Ref target = new Operand.Ref(freshName(e, hint), Shape.SCALAR);
        steps.add(new Step(target, kernel, e));
        remember(e, target);
        return target;
    }

    private Kernel dot(Expr.Dot d) {
        Expr l = d.left();
        Expr r = d.right();
        if (l.shape().isColumnVector()) {
            // xᵀ(My) = innerProdA(x, M, y), never forming My
            if (r instanceof Expr.MatMul m && m.right().shape().isColumnVector() && fusible(r) && l != r) {
                return innerProductA(l, m);
            }
            if (l instanceof Expr.MatMul m && m.right().shape().isColumnVector() && fusible(l) && l != r) {
                return innerProductA(r, m);
            }
        }
        return new Kernel.Dot(ref(l), ref(r));
    }

    /** {@code xᵀ(My)}; for {@code M = Aᵀ}, {@code yᵀAx}, since EJML's innerProdTranA needs a square A. */
    private Kernel innerProductA(Expr x, Expr.MatMul product) {
        Stripped a = strip(product.left());
        return a.transposed()
                ? new Kernel.InnerProductA(ref(product.right()), ref(a.node()), ref(x))
                : new Kernel.InnerProductA(ref(x), ref(a.node()), ref(product.right()));
    }

    // ---------------------------------------------------------------- matrices

    /**
     * Computes the matrix {@code e}: into {@code into} if given (an output), else into a variable of
     * its own or, in place, into the variable of an operand nobody else reads.
     */
    private Operand.Ref matrix(Expr e, Operand.Ref into) {
        Operand known = values.get(e);
        if (known == null && e instanceof Expr.Variable) {
            known = value(e);
        }
        if (known != null) {
            if (into == null || known.equals(into)) {
                return (Operand.Ref) known;
            }
            return emit(e, into, new Kernel.Copy((Operand.Ref) known));
        }
        Operand.Ref result = compute(e, into);
        values.put(e, result);
        return result;
    }

    private Operand.Ref compute(Expr e, Operand.Ref into) {
        return e.accept(new MatrixKernel(into));
    }

    /** The kernels that compute a matrix node, into a given target or one of their choosing. */
    private final class MatrixKernel implements ExprVisitor<Operand.Ref> {
        private final Operand.Ref into;

        MatrixKernel(Operand.Ref into) {
            this.into = into;
        }

        @Override
        public Operand.Ref visitVariable(Expr.Variable v) {
            return ref(v);
        }

        @Override
        public Operand.Ref visitConstant(Expr.Constant c) {
            throw new IllegalStateException("a double is not a matrix");
        }

        @Override
        public Operand.Ref visitFill(Expr.Fill f) {
            return emit(f, target(f, into), new Kernel.Fill(new Operand.Literal(f.value())));
        }

        @Override
        public Operand.Ref visitIdentity(Expr.Identity i) {
            return emit(i, target(i, into), new Kernel.Identity(new Operand.Literal(1)));
        }

        @Override
        public Operand.Ref visitAdd(Expr.Add a) {
            return linear(a, a.left(), a.right(), false, into);
        }

        @Override
        public Operand.Ref visitSub(Expr.Sub s) {
            return linear(s, s.left(), s.right(), true, into);
        }

        @Override
        public Operand.Ref visitMul(Expr.Mul m) {
            return binary(m, m.left(), m.right(), false, into);
        }

        /**
         * {@code c ⊘ B} and {@code A ⊘ (s𝟏)} are a matrix and a double; {@code A ⊘ (s𝟏)} divides by
         * {@code s} rather than scale by {@code 1 / s}, which overflows where {@code s} is tiny (and
         * is a second rounding): the derivatives write their quotients so (the gradient of a norm).
         */
        @Override
        public Operand.Ref visitDiv(Expr.Div d) {
            if (d.right() instanceof Expr.Scale s && Exprs.isOne(s.matrix())) {
                Operand divisor = value(s.factor());
                return elementwise(d, d.left(), into, a -> new Kernel.WithScalar(Kernel.ScalarOp.DIVIDED_BY, a, divisor));
            }
            if (d.left() instanceof Expr.Fill f) {
                Operand.Literal numerator = new Operand.Literal(f.value());
                return elementwise(d, d.right(), into, a -> new Kernel.WithScalar(Kernel.ScalarOp.DIVIDE_INTO, a, numerator));
            }
            // a ⊘ (s 𝟏): every entry divided by one double
            Operand divisor = constantEntries(d.right());
            if (divisor != null) {
                return elementwise(d, d.left(), into, a -> new Kernel.WithScalar(Kernel.ScalarOp.DIVIDED_BY, a, divisor));
            }
            return binary(d, d.left(), d.right(), true, into);
        }

        /** The one value of every entry of {@code e}, a matrix of a constant or a multiple of one; else null. */
        private Operand constantEntries(Expr e) {
            if (e instanceof Expr.Fill f) {
                return new Operand.Literal(f.value());
            }
            if (e instanceof Expr.Scale s && s.matrix() instanceof Expr.Fill f) {
                return times(value(s.factor()), f.value());
            }
            return null;
        }

        @Override
        public Operand.Ref visitNeg(Expr.Neg n) {
            if (n.operand() instanceof Expr.MatMul m && fusibleProduct(m)) {
                return scaledProduct(n, m, new Operand.Literal(-1), into);
            }
            return elementwise(n, n.operand(), into, Kernel.Negate::new);
        }

        @Override
        public Operand.Ref visitScale(Expr.Scale s) {
            return scale(s, into);
        }

        /** A product with a diagonal factor is a row or column scaling. */
        @Override
        public Operand.Ref visitMatMul(Expr.MatMul m) {
            if (m.left() instanceof Expr.Diag d) {
                // diag(vec C) J scales by C's entries in vec order, without forming vec(C)
                if (d.vector() instanceof Expr.Call v && v.op() == Vectorize.VEC) {
                    Operand.Ref scales = ref(v.operand(0));
                    return elementwise(m, m.right(), into, x -> new Kernel.ScaleRows(scales, x, true));
                }
                Operand.Ref scales = ref(d.vector());
                return elementwise(m, m.right(), into, x -> new Kernel.ScaleRows(scales, x));
            }
            if (m.right() instanceof Expr.Diag d) {
                Operand.Ref scales = ref(d.vector());
                return elementwise(m, m.left(), into, x -> new Kernel.ScaleColumns(x, scales));
            }
            return product(m, new Operand.Literal(1), into, false);
        }

        @Override
        public Operand.Ref visitTranspose(Expr.Transpose t) {
            return emit(t, target(t, into), new Kernel.Transpose(ref(t.operand())));
        }

        @Override
        public Operand.Ref visitInverse(Expr.Inverse i) {
            return emit(i, target(i, into), new Kernel.Invert(factors(i.operand(), false)));
        }

        /** {@code Aᵀ x = b} is solved with A's factorization: no transpose is formed. */
        @Override
        public Operand.Ref visitSolve(Expr.Solve s) {
            Stripped a = strip(s.matrix());
            Expr inverse = inverses.get(a.node());
            if (inverse != null && !s.rhs().shape().isColumnVector()) {
                // A⁻¹ is formed anyway: a product with it beats a triangular solve per column of B
                return emit(s, target(s, into), new Kernel.Mult(new Operand.Literal(1), ref(inverse), a.transposed(),
                        ref(s.rhs()), false, false));
            }
            Operand.Ref factors = factors(a.node());
            return emit(s, target(s, into), new Kernel.Solve(factors, ref(s.rhs()), a.transposed()));
        }

        @Override
        public Operand.Ref visitDiag(Expr.Diag d) {
            return emit(d, target(d, into), new Kernel.Diag(ref(d.vector())));
        }

        @Override
        public Operand.Ref visitDiagPart(Expr.DiagPart d) {
            return emit(d, target(d, into), new Kernel.ExtractDiag(ref(d.matrix())));
        }

        @Override
        public Operand.Ref visitDot(Expr.Dot d) {
            throw new IllegalStateException("an inner product is a double");
        }

        /**
         * An operator computed by its routine into the target; an entrywise one, the matrix first
         * and in place where it may be.
         */
        @Override
        public Operand.Ref visitCall(Expr.Call c) {
            // I ⊗ A, the form of a Jacobian with respect to a matrix: without forming the identity
            if (c.op() == Kronecker.KRON && c.operand(0) instanceof Expr.Identity identity) {
                Operand.Ref a = ref(c.operand(1));
                return emit(c, target(c, into), new Kernel.Invoke(new Kronecker.WithIdentity(identity.size()), List.of(a)));
            }
            if (c.op().implementation() instanceof Op.Implementation.IntoMatrix) {
                List<Operand> operands = new ArrayList<>();
                for (Expr operand : c.operands()) {
                    operands.add(value(operand));
                }
                return emit(c, target(c, into), new Kernel.Invoke(c.op(), operands));
            }
            if (!(c.op().implementation() instanceof Op.Implementation.Entrywise)) {
                throw new IllegalStateException(c.op() + " is a double");
            }
            List<Operand> rest = new ArrayList<>();
            for (Expr operand : c.operands().subList(1, c.operands().size())) {
                rest.add(value(operand));
            }
            return elementwise(c, c.operand(0), into, x -> new Kernel.Entrywise(c.op(), concat(x, rest)));
        }
    }

    private static List<Operand> concat(Operand first, List<Operand> rest) {
        List<Operand> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    /** The factorization of the square matrix {@code a}, computed the first time it is needed. */
    private Operand.Ref factors(Expr a) {
        return factors(a, true);
    }

    /**
     * The factorization of {@code a}; the first time, also {@code a⁻¹} if the method forms it
     * anywhere, unless {@code withInverse} is false (the caller is forming it): inverting right
     * after factorizing lets {@code Factorization} test singularity with the inverse's exact norm
     * rather than estimate it for an earlier determinant or solve.
     */
    private Operand.Ref factors(Expr a, boolean withInverse) {
        Operand.Ref known = factorizations.get(a);
        if (known != null) {
            return known;
        }
        Operand.Ref matrix = ref(a);
        Operand.Ref factors = new Operand.Ref(freshName(null, "factorization"), a.shape());
        factorizationNames.add(factors.name());
        emit(a, factors, new Kernel.Factorize(matrix, Notation.format(a, localNames)));
        factorizations.put(a, factors);
        Expr inverse = inverses.get(a);
        if (withInverse && inverse != null && !values.containsKey(inverse)) {
            value(inverse);
        }
        return factors;
    }

    /** An operand with its transpose, if any, taken off: a product kernel applies it. */
    private record Stripped(Expr node, boolean transposed) {}

    private static Stripped strip(Expr e) {
        return e instanceof Expr.Transpose t ? new Stripped(t.operand(), true) : new Stripped(e, false);
    }

    private Operand.Ref product(Expr.MatMul m, Operand alpha, Operand.Ref into, boolean accumulate) {
        return product(m, m, alpha, into, accumulate);
    }

    /** {@code alpha m}, written (or, accumulating, added) into a target; {@code computes} names the step. */
    private Operand.Ref product(Expr computes, Expr.MatMul m, Operand alpha, Operand.Ref into, boolean accumulate) {
        Stripped a = strip(m.left());
        Stripped b = strip(m.right());
        if (b.transposed() && !b.node().shape().isVector()) {
            // EJML's multTransB (and multTransAB, which also allocates) run about twice as slow as
            // mult on large matrices: one explicit transpose, O(n²), costs less than the difference
            b = new Stripped(m.right(), false);
        }
        // (I ⊗ L) B, a Jacobian with respect to a matrix times another: block by block, never formed
        if (a.node() instanceof Expr.Call k && k.op() == Kronecker.KRON && k.operand(0) instanceof Expr.Identity identity
                && !accumulate) {
            Stripped l = strip(k.operand(1));
            Operand.Ref rl = ref(l.node());
            Operand.Ref rb = ref(m.right());
            return emit(computes, target(computes, into),
                    new Kernel.KronMult(identity.size(), alpha, rl, l.transposed() != a.transposed(), rb));
        }
        Operand.Ref ra = ref(a.node());
        Operand.Ref rb = ref(b.node());
        Operand.Ref target = accumulate ? into : target(computes, into);
        Kernel kernel = a.node() == b.node() && a.transposed() != b.transposed() && alpha.isLiteral(1) && !accumulate
                ? new Kernel.MultSelf(ra, b.transposed())
                : new Kernel.Mult(alpha, ra, a.transposed(), rb, b.transposed(), accumulate);
        return emit(computes, target, kernel);
    }

    private Operand.Ref scale(Expr.Scale s, Operand.Ref into) {
        Operand factor = value(s.factor());
        Expr m = s.matrix();
        if (m instanceof Expr.MatMul product && fusibleProduct(product)) {
            return scaledProduct(s, product, factor, into);
        }
        if (m instanceof Expr.Fill f) {
            Operand filled = f.value() == 1 ? factor
                    : new Operand.Arithmetic(Operand.Operator.MULTIPLY, new Operand.Literal(f.value()), factor);
            return emit(s, target(s, into), new Kernel.Fill(filled));
        }
        if (m instanceof Expr.Identity) {
            return emit(s, target(s, into), new Kernel.Identity(factor));
        }
        return elementwise(s, m, into, x -> new Kernel.Scale(factor, x));
    }

    /**
     * {@code alpha m}: the product kernel with its {@code alpha}, except for a matrix-vector
     * product, where EJML's {@code alpha} variants fall back to a matrix-matrix routine several times
     * slower than its matrix-vector one: there the product is computed plainly and scaled in place,
     * which costs one pass over a vector.
     */
    private Operand.Ref scaledProduct(Expr e, Expr.MatMul m, Operand alpha, Operand.Ref into) {
        if (!isMatrixVectorProduct(m)) {
            return product(e, m, alpha, into, false);
        }
        Operand.Ref target = product(e, m, new Operand.Literal(1), into, false);
        return emit(e, target, new Kernel.Scale(alpha, target));
    }

    /**
     * Whether {@code m} may multiply by a column vector, which EJML then runs with its matrix-vector
     * kernels: unless its right operand is known to have several columns (a fixed size), its column
     * count may be 1 at run time.
     */
    private static boolean isMatrixVectorProduct(Expr.MatMul m) {
        return !(m.right().shape().cols() instanceof Dim.Fixed f && f.size() > 1);
    }

    /** A coefficient and a term: {@code Scale(s, t)} is {@code (s, t)}, {@code −t} is {@code (−1, t)}. */
    private record Term(Operand coefficient, Expr term) {}

    private Term term(Expr e, boolean negated) {
        Operand coefficient = new Operand.Literal(1);
        Expr t = e;
        // a scale or sign already computed is read as it is: its operand may have been overwritten by it
        if (values.containsKey(e)) {
            return new Term(negated ? new Operand.Literal(-1) : coefficient, e);
        }
        if (e instanceof Expr.Scale s) {
            coefficient = value(s.factor());
            t = s.matrix();
        } else if (e instanceof Expr.Neg n) {
            coefficient = new Operand.Literal(-1);
            t = n.operand();
        }
        return new Term(negated ? negate(coefficient) : coefficient, t);
    }

    private static Operand negate(Operand o) {
        if (o instanceof Operand.Literal l) {
            return new Operand.Literal(-l.value());
        }
        return o instanceof Operand.Negate n ? n.operand() : new Operand.Negate(o);
    }

    /** {@code left ± right}: a fused multiply-add, a matrix-and-constant kernel, or a linear combination. */
    private Operand.Ref linear(Expr e, Expr left, Expr right, boolean subtract, Operand.Ref into) {
        Term l = term(left, false);
        Term r = term(right, subtract);
        if (r.term() instanceof Expr.MatMul m && fusibleProduct(m) && m != l.term()) {
            return productPlus(e, m, r.coefficient(), l, into);
        }
        if (l.term() instanceof Expr.MatMul m && fusibleProduct(m) && m != r.term()) {
            return productPlus(e, m, l.coefficient(), r, into);
        }
        if (r.term() instanceof Expr.Fill f && l.coefficient().isLiteral(1)) {
            Operand constant = times(r.coefficient(), f.value());
            return elementwise(e, l.term(), into, x -> new Kernel.WithScalar(Kernel.ScalarOp.PLUS, x, constant));
        }
        if (l.term() instanceof Expr.Fill f && (r.coefficient().isLiteral(1) || r.coefficient().isLiteral(-1))) {
            Operand constant = times(l.coefficient(), f.value());
            Kernel.ScalarOp op = r.coefficient().isLiteral(1) ? Kernel.ScalarOp.PLUS : Kernel.ScalarOp.FROM;
            return elementwise(e, r.term(), into, x -> new Kernel.WithScalar(op, x, constant));
        }
        Operand.Ref a = ref(l.term());
        Operand.Ref b = ref(r.term());
        Operand.Ref target = into;
        if (target == null && l.coefficient().isLiteral(1) && overwritable(l.term(), a)) {
            target = a;
        } else if (target == null && overwritable(r.term(), b)) {
            target = b;
        }
        return emit(e, target(e, target), new Kernel.LinearCombination(l.coefficient(), a, r.coefficient(), b));
    }

    /**
     * {@code beta·m + other}: accumulated with {@code multAdd}; or, for a product that may be
     * matrix-vector and a coefficient other than 1 (see {@link #scaledProduct}), the product computed
     * into the target and combined with the other term in place.
     */
    private Operand.Ref productPlus(Expr e, Expr.MatMul m, Operand beta, Term other, Operand.Ref into) {
        if (beta.isLiteral(1) || !isMatrixVectorProduct(m)) {
            return multiplyAdd(e, other, m, beta, into);
        }
        Operand.Ref target = product(e, m, new Operand.Literal(1), target(e, into), false);
        return emit(e, target, new Kernel.LinearCombination(beta, target, other.coefficient(), ref(other.term())));
    }

    private static Operand times(Operand coefficient, double value) {
        if (coefficient instanceof Operand.Literal c) {
            return new Operand.Literal(c.value() * value);
        }
        return value == 1 ? coefficient
                : new Operand.Arithmetic(Operand.Operator.MULTIPLY, new Operand.Literal(value), coefficient);
    }

    /**
     * {@code alpha·other + beta·AB}. When {@code other} is computed here for this sum alone, it is
     * computed straight into the target and the product added with {@code multAdd}: no temporary
     * for {@code AB}. When it already exists (a parameter, a shared value), the product goes into
     * the target and {@code other} is added in place, as in {@code r = Ax − b}: {@code mult}, then
     * {@code subtractEquals}.
     */
    private Operand.Ref multiplyAdd(Expr e, Term other, Expr.MatMul product, Operand beta, Operand.Ref into) {
        Expr t = other.term();
        boolean computedHere = !values.containsKey(t) && !t.children().isEmpty() && uses(t) == 1;
        if (computedHere) {
            Operand.Ref target = matrix(t, into != null ? into : newTemporary(e));
            values.remove(t);
            if (!other.coefficient().isLiteral(1)) {
                emit(e, target, new Kernel.Scale(other.coefficient(), target));
            }
            return product(e, product, beta, target, true);
        }
        Operand.Ref source = ref(t);
        Operand.Ref target = product(e, product, beta, target(e, into), false);
        return emit(e, target, new Kernel.LinearCombination(new Operand.Literal(1), target, other.coefficient(), source));
    }

    private Operand.Ref binary(Expr e, Expr left, Expr right, boolean divide, Operand.Ref into) {
        Operand.Ref a = ref(left);
        Operand.Ref b = ref(right);
        Operand.Ref target = into;
        if (target == null && overwritable(left, a)) {
            target = a;
        } else if (target == null && overwritable(right, b)) {
            target = b;
        }
        return emit(e, target(e, target), new Kernel.ElementBinary(a, b, divide));
    }

    /** A kernel of one matrix operand, run in place when the operand is a temporary read only here. */
    private Operand.Ref elementwise(Expr e, Expr operand, Operand.Ref into,
            java.util.function.Function<Operand.Ref, Kernel> kernel) {
        if (into != null && fusible(operand) && operand instanceof Expr.Call c
                && (c.op() == Kronecker.KRON || c.op().implementation() instanceof Op.Implementation.IntoMatrix)) {
            // an operator's routine writes the output, which is then transformed in place: no temporary
            Operand.Ref x = matrix(operand, into);
            return emit(e, into, kernel.apply(x));
        }
        Operand.Ref x = ref(operand);
        Operand.Ref target = into == null && overwritable(operand, x) ? x : target(e, into);
        return emit(e, target, kernel.apply(x));
    }

    private Operand.Ref target(Expr e, Operand.Ref into) {
        if (into != null) {
            return into;
        }
        Operand.Ref preferred = preferredTargets.get(e);
        return preferred != null ? preferred : newTemporary(e);
    }

    private Operand.Ref newTemporary(Expr e) {
        Operand.Ref t = new Operand.Ref(freshName(e, "t"), e.shape());
        temporaries.add(t);
        scratch.add(t.name());
        return t;
    }

    private Operand.Ref emit(Expr e, Operand.Ref target, Kernel kernel) {
        steps.add(new Step(target, kernel, e));
        return target;
    }

    /** {@code name} if the method has no variable of that name yet, else {@code name2}, {@code name3}, ... */
    private String freshName(String name) {
        return names.fresh(name);
    }

    /** The user's name for {@code e} if it has one, else {@code hint}, numbered when taken. */
    private String freshName(Expr e, String hint) {
        String userName = localNames.get(e);
        String base = userName != null ? userName : hint;
        // generic letters are always numbered (t1, t2); names only on a collision (r, r2; dot, dot2)
        return userName == null && base.length() == 1 ? names.numbered(base) : names.fresh(base);
    }
}
