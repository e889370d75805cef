package io.matgrad.processor.lang;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Domain;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Shape;
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
        DOUBLE,
        /** An int known at compile time: a literal, a constant, or int arithmetic on them. */
        INT
    }

    /**
     * A function of the language.
     *
     * @param domains where the function is defined in each parameter, parallel to {@code parameters}
     * @param build the IR of the function applied to its (translated) arguments
     */
    public record Function(Library library, String name, List<Type> parameters, List<Domain> domains,
            java.util.function.Function<List<Expr>, Expr> build, Check check) {
        public Function {
            parameters = List.copyOf(parameters);
            domains = List.copyOf(domains);
            if (domains.size() != parameters.size()) {
                throw new IllegalArgumentException("a domain for each parameter of " + name);
            }
        }

        /**
         * What is wrong with {@code arguments} beyond their shapes (an int that is not a constant,
         * bounds out of order), as the end of a sentence; empty if nothing.
         */
        public Optional<String> problem(List<Expr> arguments) {
            return check.problem(arguments);
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
        Table t = new Table();
        t.matrixOps("mult", a -> new Expr.MatMul(a.get(0), a.get(1)), matrix(), matrix());
        t.matrixOps("add", a -> new Expr.Add(a.get(0), a.get(1)), matrix(), matrix());
        t.matrixOps("sub", a -> new Expr.Sub(a.get(0), a.get(1)), matrix(), matrix());
        t.matrixOps("scale", a -> new Expr.Scale(a.get(0), a.get(1)), scalar(), matrix());
        t.matrixOps("neg", a -> new Expr.Neg(a.get(0)), matrix());
        t.matrixOps("transpose", a -> new Expr.Transpose(a.get(0)), matrix());
        t.matrixOps("inv", a -> new Expr.Inverse(a.get(0)), nonsingular());
        t.matrixOps("solve", a -> new Expr.Solve(a.get(0), a.get(1)), nonsingular(), matrix());
        t.matrixOps("elementMult", a -> new Expr.Mul(a.get(0), a.get(1)), matrix(), matrix());
        t.matrixOps("elementDiv", a -> new Expr.Div(a.get(0), a.get(1)), matrix(), positive(Type.MATRIX));
        for (ElementwiseFunction f : ElementwiseFunction.values()) {
            t.matrixOps(f.functionName(), a -> new Expr.Call(f, a), new Parameter(Type.MATRIX, f.domain()));
        }
        t.matrixOps("pow", a -> new Expr.Call(Power.POW, a), positive(Type.MATRIX), scalar());
        for (Extremum e : Extremum.values()) {
            t.matrixOps(e.functionName(), a -> new Expr.Call(e, a), matrix(), matrix());
            t.matrixOps(e.functionName(), a -> new Expr.Call(e, a), matrix(), scalar());
        }
        t.matrixOps("diag", a -> new Expr.Diag(a.get(0)), matrix());
        t.matrixOps("dot", a -> new Expr.Dot(a.get(0), a.get(1)), matrix(), matrix());
        t.matrixOps("add", a -> new Expr.Add(a.get(0), everyEntry(a.get(1), a.get(0))), matrix(), scalar());
        t.matrixOps("sub", a -> new Expr.Sub(a.get(0), everyEntry(a.get(1), a.get(0))), matrix(), scalar());
        t.matrixOps("sub", a -> new Expr.Sub(everyEntry(a.get(0), a.get(1)), a.get(1)), scalar(), matrix());
        t.matrixOps("divide", a -> new Expr.Div(everyEntry(a.get(0), a.get(1)), a.get(1)), scalar(), positive(Type.MATRIX));
        t.matrixOps("divide", a -> new Expr.Div(a.get(0), everyEntry(a.get(1), a.get(0))), matrix(), positive(Type.DOUBLE));
        t.matrixOps("sumRows", a -> new Expr.Call(Summation.ROWS, a), matrix());
        t.matrixOps("sumCols", a -> new Expr.Call(Summation.COLUMNS, a), matrix());
        t.matrixOps("rowLogSumExp", a -> new Expr.Call(RowLogSumExp.ROW_LOG_SUM_EXP, a), matrix());
        t.matrixOps("rowSoftmax", a -> RowLogSumExp.softmax(a.get(0), new Expr.Call(RowLogSumExp.ROW_LOG_SUM_EXP, a)),
                matrix());
        t.matrixOps("addRowVector",
                a -> new Expr.Add(a.get(0), new Expr.Call(new Broadcast(true, a.get(0).shape().rows()), a.get(1))),
                matrix(), matrix());
        t.matrixOps("addColumnVector",
                a -> new Expr.Add(a.get(0), new Expr.Call(new Broadcast(false, a.get(0).shape().cols()), a.get(1))),
                matrix(), matrix());
        t.matrixOps("addIdentity",
                a -> new Expr.Add(a.get(0), new Expr.Scale(a.get(1), new Expr.Identity(a.get(0).shape().rows()))),
                matrix(), scalar());
        t.matrixOps("extractDiag", a -> new Expr.DiagPart(a.get(0)), matrix());
        t.add(Library.MATRIX_OPS, "extract", Language::extract, Language::extractBounds,
                matrix(), integer(), integer(), integer(), integer());
        t.matrixOps("concatRows", a -> new Expr.Call(Concatenation.ROWS, a), matrix(), matrix());
        t.matrixOps("concatColumns", a -> new Expr.Call(Concatenation.COLUMNS, a), matrix(), matrix());
        t.matrixOps("kron", a -> new Expr.Call(Kronecker.KRON, a), matrix(), matrix());
        for (Reduction r : Reduction.values()) {
            t.matrixOps(r.functionName(), a -> new Expr.Call(r, a), new Parameter(Type.MATRIX, r.domain()));
        }
        for (ElementwiseFunction f : ElementwiseFunction.values()) {
            if (f.mathName() != null) {
                t.math(f.mathName(), a -> new Expr.Call(f, a), new Parameter(Type.DOUBLE, f.domain()));
            }
        }
        t.math("pow", a -> new Expr.Call(Power.POW, a), positive(Type.DOUBLE), scalar());
        for (Extremum e : Extremum.values()) {
            t.math(e.mathName(), a -> new Expr.Call(e, a), scalar(), scalar());
        }
        return List.copyOf(t.functions);
    }

    /** A parameter's type and domain, as the table declares them. */
    private record Parameter(Type type, Domain domain) {}

    /** What a function requires of its arguments beyond their types and shapes. */
    @FunctionalInterface
    public interface Check {
        Optional<String> problem(List<Expr> arguments);
    }

    private static Parameter integer() {
        return new Parameter(Type.INT, Domain.ANY);
    }

    /** {@code extract(A, r0, r1, c0, c1)}: rows r0 to r1 − 1, columns c0 to c1 − 1. */
    private static Expr extract(List<Expr> a) {
        int r0 = constant(a.get(1));
        int r1 = constant(a.get(2));
        int c0 = constant(a.get(3));
        int c1 = constant(a.get(4));
        return new Expr.Call(new Block(new Dim.Fixed(r0), new Dim.Fixed(c0), new Dim.Fixed(r1 - r0), new Dim.Fixed(c1 - c0)),
                a.get(0));
    }

    private static int constant(Expr e) {
        return (int) ((Expr.Constant) e).value();
    }

    /** The bounds of {@code extract} are constants, in order. */
    private static Optional<String> extractBounds(List<Expr> a) {
        for (int i = 1; i <= 4; i++) {
            if (!(a.get(i) instanceof Expr.Constant)) {
                return Optional.of("its bounds to be compile-time constants: int literals, constants, or int"
                        + " arithmetic on them");
            }
        }
        int r0 = constant(a.get(1));
        int r1 = constant(a.get(2));
        int c0 = constant(a.get(3));
        int c1 = constant(a.get(4));
        if (r0 < 0 || c0 < 0 || r1 < r0 || c1 < c0) {
            return Optional.of("0 <= r0 <= r1 and 0 <= c0 <= c1, but they are " + r0 + ", " + r1 + ", " + c0 + ", " + c1);
        }
        // (that the block lies inside the matrix is the operator's least sizes, checked with the shapes)
        return Optional.empty();
    }

    /** {@code s} times a matrix of ones shaped like {@code like}: a double added to, or divided by, every entry. */
    private static Expr everyEntry(Expr s, Expr like) {
        return new Expr.Scale(s, new Expr.Fill(1, like.shape()));
    }

    private static Parameter matrix() {
        return new Parameter(Type.MATRIX, Domain.ANY);
    }

    private static Parameter scalar() {
        return new Parameter(Type.DOUBLE, Domain.ANY);
    }

    private static Parameter positive(Type type) {
        return new Parameter(type, Domain.POSITIVE);
    }

    private static Parameter nonsingular() {
        return new Parameter(Type.MATRIX, Domain.NONSINGULAR);
    }

    /** The table as it is written: one line per function. */
    private static final class Table {
        private final List<Function> functions = new ArrayList<>();

        void matrixOps(String name, java.util.function.Function<List<Expr>, Expr> build, Parameter... parameters) {
            add(Library.MATRIX_OPS, name, build, arguments -> Optional.empty(), parameters);
        }

        void math(String name, java.util.function.Function<List<Expr>, Expr> build, Parameter... parameters) {
            add(Library.MATH, name, build, arguments -> Optional.empty(), parameters);
        }

        void add(Library library, String name, java.util.function.Function<List<Expr>, Expr> build, Check check,
                Parameter... parameters) {
            functions.add(new Function(library, name, Arrays.stream(parameters).map(Parameter::type).toList(),
                    Arrays.stream(parameters).map(Parameter::domain).toList(), build, check));
        }
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
