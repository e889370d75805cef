package io.matgrad.processor.parse;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import io.matgrad.processor.diag.ErrorReporter;
import io.matgrad.processor.diag.Message;
import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Shape;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;

/** What the translation of one method's body shares: where it is, how names resolve, what it found. */
final class ParseContext {
    final ExecutableElement method;
    final KnownTypes known;
    final Locals locals;
    final NameResolver names;
    final TypeNames typeNames;
    final Members members;
    final Overloads overloads;
    final DimensionSolver dims;
    /** How this body stands to calls of {@code @Differentiable} methods: the top's, or a callee's. */
    final CallContext calls;
    private final CompilationUnitTree unit;
    private final SourceText source;
    private final ErrorReporter reporter;

    ParseContext(
            ExecutableElement method,
            CompilationUnitTree unit,
            SourceText source,
            ErrorReporter reporter,
            KnownTypes known,
            TypeNames typeNames,
            Members members,
            Overloads overloads,
            DimensionSolver dims,
            CallContext calls) {
        this.method = method;
        this.unit = unit;
        this.source = source;
        this.reporter = reporter;
        this.known = known;
        this.typeNames = typeNames;
        this.members = members;
        this.overloads = overloads;
        this.dims = dims;
        this.calls = calls;
        this.locals = new Locals();
        this.names = new NameResolver(locals, members, typeNames);
    }

    /** Reports an error at {@code tree}. */
    void error(Message message, Tree tree, Object... args) {
        reporter.error(message, tree, unit, args);
    }

    /** Reports an error at {@code tree}; the empty result is the translation of a tree that has none. */
    Optional<Term> reject(Message message, Tree tree, Object... args) {
        error(message, tree, args);
        return Optional.empty();
    }

    /** The source text of {@code tree}, on one line. */
    String text(Tree tree) {
        return source.of(tree);
    }

    /** Requires {@code a == b} for the expression {@code at}; reports two different rigid dimensions there. */
    void require(Dim a, Dim b, Tree at) {
        require(a, b, text(at), at);
    }

    /**
     * Requires {@code a == b} for the code {@code origin}, reporting two different rigid dimensions
     * (fixed sizes, declared names) at {@code at}.
     */
    void require(Dim a, Dim b, String origin, Tree at) {
        if (calls.isInlined()) {
            // a callee's rule, on the caller's dimensions: a conflict is the caller's, at its call
            String required = calls.origin(origin);
            dims.unify(a, b, required).ifPresent(c -> calls.reportConflict(required, c));
            return;
        }
        dims.unify(a, b, origin).ifPresent(c -> reportConflict(at, origin, c));
    }

    /**
     * Requires the least sizes {@code node}'s operator reads of its operands ({@code A.get(2, 0)}:
     * three rows): an error at {@code at} where a size known at compile time is smaller, a check
     * on entry where it is not known. Whether they can be met.
     */
    boolean requireLeastSizes(Expr.Call node, Tree at) {
        List<Shape> shapes = node.operands().stream().map(Expr::shape).toList();
        String origin = calls.origin(text(at));
        for (Map.Entry<Dim, Integer> least : node.op().leastSizes(shapes).entrySet()) {
            Dim d = least.getKey();
            if (dims.canonical(d) instanceof Dim.Fixed size) {
                if (size.size() < least.getValue()) {
                    String problem = d + " >= " + least.getValue() + ", but " + d + " is " + size.size();
                    if (calls.isInlined()) {
                        calls.reportArguments(origin, problem);
                    } else {
                        error(Message.ARGUMENTS, at, origin, problem);
                    }
                    return false;
                }
            } else {
                dims.requireAtLeast(d, least.getValue(), origin);
            }
        }
        return true;
    }

    /** A requirement {@code origin} the dimensions cannot meet, or cannot be solved for, at {@code at}. */
    void reportConflict(Tree at, String origin, DimensionSolver.Conflict c) {
        if (c.undecided()) {
            String left = c.leftFact().value();
            String right = c.rightFact().value();
            // the dimensions as solved, where they read differently from the formula's
            String solved = left.equals(c.left().toString()) && right.equals(c.right().toString()) ? ""
                    : ", that is " + left + " == " + right;
            error(Message.SHAPE_UNDECIDED, at, origin, c.left(), c.right(), solved);
        } else {
            error(Message.SHAPE_MISMATCH, at, origin, c.left(), c.right(), ShapeFacts.describe(c), ShapeFacts.advice(c));
        }
    }

    boolean isStaticMethod() {
        return Members.isStatic(method);
    }
}
