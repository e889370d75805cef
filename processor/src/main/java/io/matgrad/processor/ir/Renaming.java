package io.matgrad.processor.ir;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A consistent renaming of a function's parameters: in its expressions, in the dimensions of every
 * shape that names them ({@code A.numRows}), and in its dimension requirements. Names it does not
 * map stay as they are. Immutable; the memo that keeps shared subexpressions shared is per call.
 */
public final class Renaming {
    private final Map<String, String> names;

    private Renaming(Map<String, String> names) {
        this.names = Map.copyOf(names);
    }

    /** Renames each key of {@code names} to its value (the values distinct from each other and from unmapped names). */
    public static Renaming of(Map<String, String> names) {
        return new Renaming(names);
    }

    /** Whether it renames nothing. */
    public boolean isIdentity() {
        return names.isEmpty();
    }

    /** The renaming back. */
    public Renaming inverse() {
        Map<String, String> back = new HashMap<>();
        names.forEach((from, to) -> back.put(to, from));
        return new Renaming(back);
    }

    /** {@code name} renamed, or itself. */
    public String name(String name) {
        return names.getOrDefault(name, name);
    }

    /** {@code d} with the matrices it is made of renamed: sums and products of dimensions too. */
    public Dim dim(Dim d) {
        return d.map(this::atom);
    }

    private Dim atom(Dim d) {
        if (d instanceof Dim.Axis a) {
            return new Dim.Axis(name(a.matrix()), a.side());
        }
        return d instanceof Dim.Entries e ? new Dim.Entries(name(e.matrix())) : d;
    }

    public Shape shape(Shape s) {
        return s.map(this::atom);
    }

    /** The function with its parameters renamed (its own name, its locals' names and the requirements' origins kept). */
    public Function apply(Function f) {
        if (isIdentity()) {
            return f;
        }
        Map<Expr, Expr> memo = new IdentityHashMap<>();
        return new Function(f.name(), variables(f.parameters(), memo),
                f.locals().stream().map(b -> new Binding(b.name(), expr(b.value(), memo))).toList(),
                expr(f.result(), memo),
                f.requirements().stream()
                        .map(r -> new DimRequirement((Dim.Axis) dim(r.dim()), dim(r.equals()), r.origin()))
                        .toList(),
                variables(f.wrt(), memo), f.hessian(), f.denominatorLayout(), f.wrtByDefault(),
                f.leastSizes().stream().map(l -> new LeastSize(dim(l.dim()), l.size(), l.origin())).toList());
    }

    private List<Expr.Variable> variables(List<Expr.Variable> variables, Map<Expr, Expr> memo) {
        return variables.stream().map(v -> (Expr.Variable) expr(v, memo)).toList();
    }

    /**
     * {@code e} with its variables renamed and every leaf's shape with them; the nodes above are
     * rebuilt on their renamed operands, which derives their shapes anew.
     */
    private Expr expr(Expr e, Map<Expr, Expr> memo) {
        Expr renamed = Exprs.mapDims(e, this::atom, memo);
        return Dag.bottomUp(renamed, this::variable, new IdentityHashMap<>());
    }

    /** A variable renamed (its shape is already); the operators' dimensions are renamed by mapDims. */
    private Expr variable(Expr e) {
        return e instanceof Expr.Variable v ? new Expr.Variable(name(v.name()), v.shape()) : e;
    }
}
