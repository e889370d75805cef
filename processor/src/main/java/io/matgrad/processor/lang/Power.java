package io.matgrad.processor.lang;

import io.matgrad.processor.ir.Domain;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Exprs;
import io.matgrad.processor.ir.Notation;
import io.matgrad.processor.ir.Op;
import io.matgrad.processor.ir.Routine;
import io.matgrad.processor.ir.Shape;
import java.util.List;

/** {@code base^p}, elementwise for a matrix base, for a double exponent {@code p}: {@code pow} and {@code Math.pow}. */
public enum Power implements Op {
    POW;

    private static final Implementation.Entrywise IMPLEMENTATION =
            new Implementation.Entrywise(Routine.commonOps("elementPower"), new ScalarForm.Invoke(Routine.math("pow")));

    @Override
    public String functionName() {
        return "pow";
    }

    /** A non-integer power of a negative base is NaN: the base is drawn positive. */
    @Override
    public Domain domain(int operand) {
        return operand == 0 ? Domain.POSITIVE : Domain.ANY;
    }

    @Override
    public Shape shape(List<Shape> operands) {
        if (!operands.get(1).isScalar()) {
            throw new IllegalStateException("the exponent must be a double");
        }
        return operands.get(0);
    }

    /** {@code d(a^p) = p a^(p−1) ∘ da + a^p ∘ log(a) dp}. */
    @Override
    public Expr pushforward(Expr.Call node, List<Expr> tangents) {
        Expr base = node.operand(0);
        Expr p = node.operand(1);
        Expr db = tangents.get(0);
        Expr dp = tangents.get(1);
        Expr viaBase = db == null ? null
                : new Expr.Mul(Exprs.times(p, new Expr.Call(POW, base, new Expr.Sub(p, Expr.Constant.ONE))), db);
        Expr viaExponent = dp == null ? null
                : Exprs.times(dp, new Expr.Mul(node, new Expr.Call(ElementwiseFunction.LOG, base)));
        if (viaBase == null) {
            return viaExponent;
        }
        return viaExponent == null ? viaBase : new Expr.Add(viaBase, viaExponent);
    }

    /** Folds constants; {@code a^1 = a}, {@code a^0 = 𝟏}, {@code a^2} and {@code a^0.5} as {@code square} and {@code sqrt}. */
    @Override
    public Expr simplify(Expr.Call node, Rewriter rewriter) {
        Expr base = node.operand(0);
        if (!(node.operand(1) instanceof Expr.Constant p)) {
            return node;
        }
        Double b = Exprs.constantValue(base);
        if (b != null) {
            return Exprs.filled(Math.pow(b, p.value()), node.shape());
        }
        if (p.value() == 1) {
            return base;
        }
        if (p.value() == 0) {
            return Exprs.filled(1, node.shape());
        }
        if (p.value() == 2) {
            return rewriter.normalize(new Expr.Call(ElementwiseFunction.SQUARE, base));
        }
        if (p.value() == 0.5) {
            return rewriter.normalize(new Expr.Call(ElementwiseFunction.SQRT, base));
        }
        return node;
    }

    @Override
    public Notation.Form notation() {
        return new Notation.Form.Power();
    }

    @Override
    public Implementation.Entrywise implementation() {
        return IMPLEMENTATION;
    }

    @Override
    public String toString() {
        return "pow";
    }
}
