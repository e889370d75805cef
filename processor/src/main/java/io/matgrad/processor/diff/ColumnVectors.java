package io.matgrad.processor.diff;

import io.matgrad.processor.ir.Binding;
import io.matgrad.processor.ir.Dag;
import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.DimRequirement;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Exprs;
import io.matgrad.processor.ir.Function;
import io.matgrad.processor.ir.Shape;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract's reading of "x is n x 1" for Jacobians and Hessians: a {@code DMatrixRMaj} that the
 * formula leaves free to have any number of columns (as {@code x} in {@code mult(A, x)}) is taken to
 * be a column vector, checked at run time, so that its Jacobians and Hessians are matrix
 * expressions. A parameter whose columns the formula counts as rows somewhere, or sums over in a
 * product, is a matrix, and is differentiated with respect to {@code vec(X)}.
 */
final class ColumnVectors {
    private ColumnVectors() {}

    /** {@code function} with each free-column parameter of {@code candidates} made a column vector. */
    static Function pin(Function function, List<Expr.Variable> candidates) {
        Function pinned = function;
        for (Expr.Variable x : candidates) {
            Expr.Variable current = pinned.parameter(x.name());
            if (current.shape().isMatrix() && !current.shape().cols().equals(Dim.ONE)
                    && isFree(pinned, current.shape().cols())) {
                String derivative = function.isScalar() ? "the Hessian" : "the Jacobian";
                pinned = substitute(pinned, current.shape().cols(),
                        new DimRequirement(Dim.cols(x.name()), Dim.ONE, derivative + " with respect to " + x.name()));
            }
        }
        return pinned;
    }

    /**
     * Whether the column count {@code columns} is a free batch dimension of the body: one that only
     * ever counts columns, never rows, and that no matrix product sums over (as the inner dimension
     * of {@code U Vᵀ} is summed over, which makes {@code U} a matrix).
     */
    private static boolean isFree(Function f, Dim columns) {
        List<Expr> roots = new ArrayList<>(List.of(f.result()));
        f.locals().forEach(b -> roots.add(b.value()));
        for (Expr node : Dag.postOrder(roots)) {
            if (node.shape().isMatrix() && node.shape().rows().equals(columns)) {
                return false;
            }
            if (node instanceof Expr.MatMul m && m.left().shape().cols().equals(columns)) {
                return false;
            }
        }
        return true;
    }

    /** {@code f} with the dimension {@code from} replaced by 1 everywhere, and {@code requirement} added. */
    private static Function substitute(Function f, Dim from, DimRequirement requirement) {
        Map<Expr, Expr> memo = new IdentityHashMap<>();
        java.util.function.UnaryOperator<Dim> pin = d -> d.equals(from) ? Dim.ONE : d;
        java.util.function.Function<Expr, Expr> rewrite = e -> Exprs.mapDims(e, pin, memo);
        List<Expr.Variable> parameters = f.parameters().stream().map(p -> (Expr.Variable) rewrite.apply(p)).toList();
        List<Binding> locals = f.locals().stream().map(b -> new Binding(b.name(), rewrite.apply(b.value()))).toList();
        List<Expr.Variable> wrt = f.wrt().stream().map(p -> (Expr.Variable) rewrite.apply(p)).toList();
        List<DimRequirement> requirements = new ArrayList<>(f.requirements());
        requirements.add(requirement);
        return new Function(f.name(), parameters, locals, rewrite.apply(f.result()), requirements, wrt, f.hessian(),
                f.denominatorLayout(), f.wrtByDefault());
    }
}
