package io.matgrad.processor.parse;

import static io.matgrad.processor.parse.Kind.DOUBLE;
import static io.matgrad.processor.parse.Kind.MATRIX;

import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.lang.ElementwiseFunction;
import io.matgrad.processor.lang.Power;
import io.matgrad.processor.lang.Reduction;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The functions of the language: every {@code io.matgrad.runtime.MatrixOps} function and the
 * {@code java.lang.Math} functions on doubles, each with the IR node it means and the shape rule
 * its operands obey.
 */
enum Builtin {
    MULT(Library.MATRIX_OPS, "mult", ShapeRule.MULTIPLIABLE, a -> new Expr.MatMul(a.get(0), a.get(1)), MATRIX, MATRIX),
    ADD(Library.MATRIX_OPS, "add", ShapeRule.SAME_SHAPE, a -> new Expr.Add(a.get(0), a.get(1)), MATRIX, MATRIX),
    SUB(Library.MATRIX_OPS, "sub", ShapeRule.SAME_SHAPE, a -> new Expr.Sub(a.get(0), a.get(1)), MATRIX, MATRIX),
    SCALE(Library.MATRIX_OPS, "scale", ShapeRule.NONE, a -> new Expr.Scale(a.get(0), a.get(1)), DOUBLE, MATRIX),
    NEG(Library.MATRIX_OPS, "neg", ShapeRule.NONE, a -> new Expr.Neg(a.get(0)), MATRIX),
    TRANSPOSE(Library.MATRIX_OPS, "transpose", ShapeRule.NONE, a -> new Expr.Transpose(a.get(0)), MATRIX),
    INV(Library.MATRIX_OPS, "inv", ShapeRule.SQUARE, a -> new Expr.Inverse(a.get(0)), MATRIX),
    SOLVE(Library.MATRIX_OPS, "solve", ShapeRule.SOLVABLE, a -> new Expr.Solve(a.get(0), a.get(1)), MATRIX, MATRIX),
    ELEMENT_MULT(Library.MATRIX_OPS, "elementMult", ShapeRule.SAME_SHAPE, a -> new Expr.Mul(a.get(0), a.get(1)), MATRIX, MATRIX),
    ELEMENT_DIV(Library.MATRIX_OPS, "elementDiv", ShapeRule.SAME_SHAPE, a -> new Expr.Div(a.get(0), a.get(1)), MATRIX, MATRIX),
    EXP(Library.MATRIX_OPS, "exp", ElementwiseFunction.EXP),
    LOG(Library.MATRIX_OPS, "log", ElementwiseFunction.LOG),
    TANH(Library.MATRIX_OPS, "tanh", ElementwiseFunction.TANH),
    SIGMOID(Library.MATRIX_OPS, "sigmoid", ElementwiseFunction.SIGMOID),
    SOFTPLUS(Library.MATRIX_OPS, "softplus", ElementwiseFunction.SOFTPLUS),
    SQUARE(Library.MATRIX_OPS, "square", ElementwiseFunction.SQUARE),
    SQRT(Library.MATRIX_OPS, "sqrt", ElementwiseFunction.SQRT),
    POW(Library.MATRIX_OPS, "pow", ShapeRule.NONE, a -> new Expr.Call(Power.POW, a), MATRIX, DOUBLE),
    DIAG(Library.MATRIX_OPS, "diag", ShapeRule.COLUMN_VECTOR, a -> new Expr.Diag(a.get(0)), MATRIX),
    DOT(Library.MATRIX_OPS, "dot", ShapeRule.SAME_SHAPE, a -> new Expr.Dot(a.get(0), a.get(1)), MATRIX, MATRIX),
    TRACE(Library.MATRIX_OPS, "trace", Reduction.TRACE),
    DET(Library.MATRIX_OPS, "det", Reduction.DET),
    LOG_DET(Library.MATRIX_OPS, "logDet", Reduction.LOG_DET),
    NORM_SQ(Library.MATRIX_OPS, "normSq", Reduction.NORM_SQ),
    NORM(Library.MATRIX_OPS, "norm", Reduction.NORM),
    SUM(Library.MATRIX_OPS, "sum", Reduction.SUM),
    LOG_SUM_EXP(Library.MATRIX_OPS, "logSumExp", Reduction.LOG_SUM_EXP),

    MATH_EXP(Library.MATH, "exp", ElementwiseFunction.EXP),
    MATH_LOG(Library.MATH, "log", ElementwiseFunction.LOG),
    MATH_SQRT(Library.MATH, "sqrt", ElementwiseFunction.SQRT),
    MATH_TANH(Library.MATH, "tanh", ElementwiseFunction.TANH),
    MATH_POW(Library.MATH, "pow", ShapeRule.NONE, a -> new Expr.Call(Power.POW, a), DOUBLE, DOUBLE);

    /** The class a function belongs to. */
    enum Library {
        MATRIX_OPS,
        MATH
    }

    /**
     * EJML's names for what MatrixOps offers, to point a user who calls EJML directly at the
     * MatrixOps function (names that are the same in both need no entry).
     */
    private static final Map<String, Builtin> EJML_NAMES = Map.of(
            "subtract", SUB,
            "changeSign", NEG,
            "invert", INV,
            "elementExp", EXP,
            "elementLog", LOG,
            "elementPower", POW,
            "elementSum", SUM,
            "innerProd", DOT,
            "normF", NORM);

    private final Library library;
    private final String name;
    private final ShapeRule shapeRule;
    private final Function<List<Expr>, Expr> build;
    private final List<Kind> parameters;

    Builtin(Library library, String name, ShapeRule shapeRule, Function<List<Expr>, Expr> build, Kind... parameters) {
        this.library = library;
        this.name = name;
        this.shapeRule = shapeRule;
        this.build = build;
        this.parameters = List.of(parameters);
    }

    /** An elementwise function: of a matrix in MatrixOps, of a double in Math. */
    Builtin(Library library, String name, ElementwiseFunction fn) {
        this(library, name, ShapeRule.NONE, a -> new Expr.Call(fn, a), library == Library.MATH ? DOUBLE : MATRIX);
    }

    /** A double function of one matrix. */
    Builtin(Library library, String name, Reduction reduction) {
        this(library, name, reduction.needsSquare() ? ShapeRule.SQUARE : ShapeRule.NONE,
                a -> new Expr.Call(reduction, a), MATRIX);
    }

    String functionName() {
        return name;
    }

    ShapeRule shapeRule() {
        return shapeRule;
    }

    /** The IR of this function applied to {@code arguments}. */
    Expr apply(List<Expr> arguments) {
        return build.apply(arguments);
    }

    /** The function of {@code library} with this name and these parameter kinds, if the language has it. */
    static Optional<Builtin> find(Library library, String name, List<Kind> parameters) {
        return Arrays.stream(values())
                .filter(b -> b.library == library && b.name.equals(name) && b.parameters.equals(parameters))
                .findFirst();
    }

    /** The names of the functions of {@code library}, in declaration order. */
    static List<String> names(Library library) {
        return Arrays.stream(values()).filter(b -> b.library == library).map(b -> b.name).distinct().toList();
    }

    /** The MatrixOps function that does what EJML's {@code name} (or a function of that name) does, if any. */
    static Optional<String> matrixOpsNameFor(String name) {
        Builtin alias = EJML_NAMES.get(name);
        if (alias != null) {
            return Optional.of(alias.name);
        }
        return names(Library.MATRIX_OPS).contains(name) ? Optional.of(name) : Optional.empty();
    }
}
