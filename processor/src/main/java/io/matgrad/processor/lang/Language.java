package io.matgrad.processor.lang;

import io.matgrad.processor.ir.Expr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The language {@code @Differentiable} bodies are written in: every function users call, of
 * {@code io.matgrad.runtime.MatrixOps} or {@code java.lang.Math}, with its parameter types and the
 * IR it means. Everything else that lists the language reads it here: the parser, the diagnostics
 * that say what is allowed, and the tests that keep {@code MatrixOps}, the README's table and the
 * fuzz generator equal to it.
 *
 * <p>The functions of the core algebra ({@code mult}, {@code add}, {@code inv}, ...) are listed one
 * by one; the elementwise functions and the reductions come from their tables
 * ({@link ElementwiseFunction}, {@link Reduction}), so that a new entry there is a new function
 * here.
 */
public final class Language {
    private Language() {}

    /** The class a function belongs to. */
    public enum Library {
        MATRIX_OPS("MatrixOps"),
        MATH("Math");

        private final String className;

        Library(String className) {
            this.className = className;
        }

        /** The class's simple name. */
        public String className() {
            return className;
        }
    }

    /** The type of a parameter of a function of the language. */
    public enum Type {
        MATRIX,
        DOUBLE
    }

    /**
     * A function of the language.
     *
     * @param build the IR of the function applied to its (translated) arguments
     */
    public record Function(Library library, String name, List<Type> parameters,
            java.util.function.Function<List<Expr>, Expr> build) {
        public Function {
            parameters = List.copyOf(parameters);
        }

        /** The IR of this function applied to {@code arguments}. */
        public Expr apply(List<Expr> arguments) {
            return build.apply(arguments);
        }

        /** {@code MatrixOps.mult}, {@code Math.exp}. */
        public String qualifiedName() {
            return library.className() + "." + name;
        }
    }

    private static final List<Function> FUNCTIONS = functions();

    /**
     * EJML's names for what MatrixOps offers, to point a user who calls EJML directly at the
     * MatrixOps function (names that are the same in both need no entry).
     */
    private static final Map<String, String> EJML_NAMES = Map.of(
            "subtract", "sub",
            "changeSign", "neg",
            "invert", "inv",
            "elementExp", "exp",
            "elementLog", "log",
            "elementPower", "pow",
            "elementSum", "sum",
            "innerProd", "dot",
            "normF", "norm");

    private static List<Function> functions() {
        List<Function> all = new ArrayList<>();
        matrixOps(all, "mult", a -> new Expr.MatMul(a.get(0), a.get(1)), Type.MATRIX, Type.MATRIX);
        matrixOps(all, "add", a -> new Expr.Add(a.get(0), a.get(1)), Type.MATRIX, Type.MATRIX);
        matrixOps(all, "sub", a -> new Expr.Sub(a.get(0), a.get(1)), Type.MATRIX, Type.MATRIX);
        matrixOps(all, "scale", a -> new Expr.Scale(a.get(0), a.get(1)), Type.DOUBLE, Type.MATRIX);
        matrixOps(all, "neg", a -> new Expr.Neg(a.get(0)), Type.MATRIX);
        matrixOps(all, "transpose", a -> new Expr.Transpose(a.get(0)), Type.MATRIX);
        matrixOps(all, "inv", a -> new Expr.Inverse(a.get(0)), Type.MATRIX);
        matrixOps(all, "solve", a -> new Expr.Solve(a.get(0), a.get(1)), Type.MATRIX, Type.MATRIX);
        matrixOps(all, "elementMult", a -> new Expr.Mul(a.get(0), a.get(1)), Type.MATRIX, Type.MATRIX);
        matrixOps(all, "elementDiv", a -> new Expr.Div(a.get(0), a.get(1)), Type.MATRIX, Type.MATRIX);
        for (ElementwiseFunction f : ElementwiseFunction.values()) {
            matrixOps(all, f.functionName(), a -> new Expr.Call(f, a), Type.MATRIX);
        }
        matrixOps(all, "pow", a -> new Expr.Call(Power.POW, a), Type.MATRIX, Type.DOUBLE);
        matrixOps(all, "diag", a -> new Expr.Diag(a.get(0)), Type.MATRIX);
        matrixOps(all, "dot", a -> new Expr.Dot(a.get(0), a.get(1)), Type.MATRIX, Type.MATRIX);
        for (Reduction r : Reduction.values()) {
            matrixOps(all, r.functionName(), a -> new Expr.Call(r, a), Type.MATRIX);
        }
        for (ElementwiseFunction f : ElementwiseFunction.values()) {
            if (f.mathName() != null) {
                all.add(new Function(Library.MATH, f.mathName(), List.of(Type.DOUBLE), a -> new Expr.Call(f, a)));
            }
        }
        all.add(new Function(Library.MATH, "pow", List.of(Type.DOUBLE, Type.DOUBLE), a -> new Expr.Call(Power.POW, a)));
        return List.copyOf(all);
    }

    private static void matrixOps(List<Function> all, String name,
            java.util.function.Function<List<Expr>, Expr> build, Type... parameters) {
        all.add(new Function(Library.MATRIX_OPS, name, Arrays.asList(parameters), build));
    }

    /** Every function of the language, MatrixOps' first, in the order of the README's table. */
    public static List<Function> all() {
        return FUNCTIONS;
    }

    /** The function of {@code library} with this name and these parameter types, if the language has it. */
    public static Optional<Function> find(Library library, String name, List<Type> parameters) {
        return FUNCTIONS.stream()
                .filter(f -> f.library() == library && f.name().equals(name) && f.parameters().equals(parameters))
                .findFirst();
    }

    /** The names of the functions of {@code library}, each once, in the table's order. */
    public static List<String> names(Library library) {
        return FUNCTIONS.stream().filter(f -> f.library() == library).map(Function::name).distinct().toList();
    }

    /** The MatrixOps function that does what EJML's {@code name} (or a function of that name) does, if any. */
    public static Optional<String> matrixOpsNameFor(String name) {
        String alias = EJML_NAMES.get(name);
        if (alias != null) {
            return Optional.of(alias);
        }
        return names(Library.MATRIX_OPS).contains(name) ? Optional.of(name) : Optional.empty();
    }

    /** The Math functions of the language, for messages: {@code "Math.exp, log, sqrt, tanh and pow"}. */
    public static String mathFunctions() {
        List<String> names = names(Library.MATH);
        return "Math." + String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** The elementwise MatrixOps functions, for messages: {@code "exp, log, ..., sqrt, pow"}. */
    public static String elementwiseFunctions() {
        List<String> names = new ArrayList<>();
        for (ElementwiseFunction f : ElementwiseFunction.values()) {
            names.add(f.functionName());
        }
        names.add(Power.POW.functionName());
        return String.join(", ", names);
    }
}
