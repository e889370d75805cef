package io.matgrad.processor.lang;

import io.matgrad.processor.ir.Domain;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Exprs;
import io.matgrad.processor.ir.Notation;
import io.matgrad.processor.ir.Op;
import io.matgrad.processor.ir.Routine;
import io.matgrad.processor.ir.Shape;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The elementwise functions: each applies to a double, or to every entry of a matrix. An entry
 * is the whole definition of its function: the names users call it by ({@code MatrixOps.exp} on
 * matrices, {@code Math.exp} on doubles), its value on a double (constant folding), its derivative
 * {@code f'(x)} as an expression of {@code x} and of {@code y = f(x)}, its notation, and the
 * run-time code for a matrix and for a double.
 *
 * <p>The derivative expressions are chosen to be as stable as the functions: {@code σ'} is written
 * {@code σ(1 − σ)} from the computed {@code σ}, never from {@code e^z}.
 */
public enum ElementwiseFunction implements Op {
    EXP("exp", "exp", new Notation.Form.Function("exp"), Math::exp,
            Routine.commonOps("elementExp"), invoke(Routine.math("exp"))) {
        @Override
        public Expr derivative(Expr x, Expr y) {
            return y;
        }
    },
    LOG("log", "log", Domain.POSITIVE, new Notation.Form.Function("log"), Math::log,
            Routine.commonOps("elementLog"), invoke(Routine.math("log"))) {
        @Override
        public Expr derivative(Expr x, Expr y) {
            return new Expr.Div(Exprs.ones(x), x);
        }
    },
    TANH("tanh", "tanh", new Notation.Form.Function("tanh"), Math::tanh,
            Routine.elementwise("tanh"), invoke(Routine.math("tanh"))) {
        /** {@code 1 − tanh²}. */
        @Override
        public Expr derivative(Expr x, Expr y) {
            return new Expr.Sub(Exprs.ones(x), new Expr.Call(SQUARE, y));
        }
    },
    /** The logistic function {@code 1 / (1 + e^-z)}. */
    SIGMOID("sigmoid", null, new Notation.Form.Function("σ"), ElementwiseFunction::sigmoid,
            Routine.elementwise("sigmoid"), invoke(Routine.elementwise("sigmoid"))) {
        /** {@code σ(1 − σ)}. */
        @Override
        public Expr derivative(Expr x, Expr y) {
            return new Expr.Mul(y, new Expr.Sub(Exprs.ones(x), y));
        }
    },
    /** {@code log(1 + e^z)}, computed as {@code max(z, 0) + log1p(e^-|z|)}. */
    SOFTPLUS("softplus", null, new Notation.Form.Function("softplus"),
            z -> Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))),
            Routine.elementwise("softplus"), invoke(Routine.elementwise("softplus"))) {
        @Override
        public Expr derivative(Expr x, Expr y) {
            return new Expr.Call(SIGMOID, x);
        }
    },
    SQUARE("square", null, new Notation.Form.Square(), z -> z * z,
            Routine.elementwise("square"), new ScalarForm.SelfProduct()) {
        @Override
        public Expr derivative(Expr x, Expr y) {
            return Exprs.times(new Expr.Constant(2), x);
        }
    },
    SQRT("sqrt", "sqrt", Domain.POSITIVE, new Notation.Form.Function("sqrt"), Math::sqrt,
            Routine.elementwise("sqrt"), invoke(Routine.math("sqrt"))) {
        /** {@code 1 / (2 √x)}. */
        @Override
        public Expr derivative(Expr x, Expr y) {
            return new Expr.Div(Exprs.ones(x), Exprs.times(new Expr.Constant(2), y));
        }
    },
    /** {@code |x|}; its derivative at 0 is 0 (the sign of 0). */
    ABS("abs", "abs", new Notation.Form.Function("abs"), Math::abs,
            Routine.elementwise("abs"), invoke(Routine.math("abs"))) {
        @Override
        public Expr derivative(Expr x, Expr y) {
            return new Expr.Call(SIGN, x);
        }
    },
    /** −1, 0 or 1 ({@code Math.signum}); its derivative is 0, at 0 too. */
    SIGN("sign", "signum", new Notation.Form.Function("sign"), Math::signum,
            Routine.elementwise("sign"), invoke(Routine.math("signum"))) {
        @Override
        public Expr derivative(Expr x, Expr y) {
            return null;
        }
    },
    /** {@code max(x, 0)}; its derivative at 0 is 0. */
    RELU("relu", null, new Notation.Form.Function("relu"), x -> Math.max(x, 0),
            Routine.elementwise("relu"), invoke(Routine.elementwise("relu"))) {
        @Override
        public Expr derivative(Expr x, Expr y) {
            return new Expr.Call(HEAVISIDE, x);
        }
    },
    /** 1 where {@code x > 0}, else 0 (0 at 0): the derivative of relu; its own is 0. */
    HEAVISIDE("heaviside", null, new Notation.Form.Function("H"), x -> x > 0 ? 1 : Double.isNaN(x) ? x : 0,
            Routine.elementwise("heaviside"), invoke(Routine.elementwise("heaviside"))) {
        @Override
        public Expr derivative(Expr x, Expr y) {
            return null;
        }
    },
    SIN("sin", "sin", new Notation.Form.Function("sin"), Math::sin,
            Routine.elementwise("sin"), invoke(Routine.math("sin"))) {
        @Override
        public Expr derivative(Expr x, Expr y) {
            return new Expr.Call(COS, x);
        }
    },
    COS("cos", "cos", new Notation.Form.Function("cos"), Math::cos,
            Routine.elementwise("cos"), invoke(Routine.math("cos"))) {
        @Override
        public Expr derivative(Expr x, Expr y) {
            return new Expr.Neg(new Expr.Call(SIN, x));
        }
    },
    /** {@code log(1 + x)}, accurate for small {@code x}. */
    LOG1P("log1p", "log1p", Domain.POSITIVE, new Notation.Form.Function("log1p"), Math::log1p,
            Routine.elementwise("log1p"), invoke(Routine.math("log1p"))) {
        /** {@code 1 / (1 + x)}. */
        @Override
        public Expr derivative(Expr x, Expr y) {
            return new Expr.Div(Exprs.ones(x), new Expr.Add(Exprs.ones(x), x));
        }
    },
    /** {@code e^x − 1}, accurate for small {@code x}. */
    EXPM1("expm1", "expm1", new Notation.Form.Function("expm1"), Math::expm1,
            Routine.elementwise("expm1"), invoke(Routine.math("expm1"))) {
        @Override
        public Expr derivative(Expr x, Expr y) {
            return new Expr.Call(EXP, x);
        }
    };

    private final String matrixOpsName;
    private final String mathName;
    private final Domain domain;
    private final Notation.Form notation;
    private final DoubleUnaryOperator value;
    private final Implementation.Entrywise implementation;

    ElementwiseFunction(String matrixOpsName, String mathName, Notation.Form notation, DoubleUnaryOperator value,
            Routine matrix, ScalarForm scalar) {
        this(matrixOpsName, mathName, Domain.ANY, notation, value, matrix, scalar);
    }

    ElementwiseFunction(String matrixOpsName, String mathName, Domain domain, Notation.Form notation,
            DoubleUnaryOperator value, Routine matrix, ScalarForm scalar) {
        this.matrixOpsName = matrixOpsName;
        this.mathName = mathName;
        this.domain = domain;
        this.notation = notation;
        this.value = value;
        this.implementation = new Implementation.Entrywise(matrix, scalar);
    }

    /**
     * {@code f'(x)}, elementwise, where {@code y = f(x)} is the node itself (reuse it where that
     * saves work); null where it is zero everywhere. At a kink the function takes one one-sided
     * derivative, documented with it.
     */
    public abstract Expr derivative(Expr x, Expr y);

    /** Where the function is defined. */
    public Domain domain() {
        return domain;
    }

    @Override
    public Domain domain(int operand) {
        return domain;
    }

    /** The function's value at {@code x}, as the run-time code computes it. */
    public double valueAt(double x) {
        return value.applyAsDouble(x);
    }

    /** The name of the {@code MatrixOps} function of a matrix. */
    @Override
    public String functionName() {
        return matrixOpsName;
    }

    /** The name of the {@code java.lang.Math} function of a double, or null if the language has none. */
    public String mathName() {
        return mathName;
    }

    @Override
    public String toString() {
        return matrixOpsName;
    }

    @Override
    public Shape shape(List<Shape> operands) {
        return operands.get(0);
    }

    /** {@code d f(u) = f'(u) ∘ du}. */
    @Override
    public Expr pushforward(Expr.Call node, List<Expr> tangents) {
        Expr derivative = derivative(node.operand(0), node);
        return derivative == null ? null : new Expr.Mul(derivative, tangents.get(0));
    }

    /** Folds a constant. */
    @Override
    public Expr simplify(Expr.Call node, Rewriter rewriter) {
        Double x = Exprs.constantValue(node.operand(0));
        return x == null ? node : Exprs.filled(valueAt(x), node.shape());
    }

    @Override
    public Notation.Form notation() {
        return notation;
    }

    @Override
    public Implementation.Entrywise implementation() {
        return implementation;
    }

    private static ScalarForm invoke(Routine routine) {
        return new ScalarForm.Invoke(routine);
    }

    /** {@code 1 / (1 + e^-z)}, never overflowing: for {@code z < 0}, {@code e^z / (1 + e^z)}. */
    private static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
