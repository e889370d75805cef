package io.matgrad.processor.fuzz;

import io.matgrad.processor.ir.Domain;
import io.matgrad.processor.lang.ElementwiseFunction;
import io.matgrad.processor.lang.Extremum;
import io.matgrad.processor.lang.Language;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Writes random well-typed {@code @Differentiable} methods over the whole language: every
 * MatrixOps function, {@code Math.exp/log/sqrt/pow/tanh}, double arithmetic and locals, on random
 * concrete shapes, nested up to a depth.
 *
 * <p>Every function is written to be defined where its inputs are drawn: {@code log}, {@code sqrt},
 * {@code pow} and divisors only of positive expressions ({@code exp(tanh(.))}, {@code sigmoid(.)},
 * {@code softplus(.)}, {@code 1 + square(.)}), and {@code inv}, {@code solve}, {@code det},
 * {@code logDet} only of symmetric positive definite matrices built as such (an SPD parameter plus
 * a Gram matrix or a positive diagonal). One generator writes one function; its random source is
 * the whole of its identity.
 */
final class Generator {
    private static final int MAX_SIZE = 4;
    private static final int MAX_PARAMETERS = 7;
    private static final String[] LITERALS = {"0.5", "2.0", "1.5", "0.25", "3.0", "1e-1"};
    private static final String[] EXPONENTS = {"2.0", "0.5", "1.5", "3.0", "-1.0", "-0.5"};

    /**
     * A parameter: a double, a matrix, or a symmetric positive definite matrix (drawn as such); a
     * positive one is drawn with entries in [0.5, 1.5].
     */
    record Parameter(String name, boolean scalar, int rows, int cols, boolean spd, boolean positive) {
        Parameter(String name, boolean scalar, int rows, int cols, boolean spd) {
            this(name, scalar, rows, cols, spd, false);
        }

        String javaType() {
            return scalar ? "double" : "DMatrixRMaj";
        }
    }

    /**
     * A generated method: its source, its parameters, the parameters it differentiates by, whether
     * it is a vector function (m x 1, with Jacobians) and whether it asks for Hessians.
     */
    record Function(String name, String source, List<Parameter> parameters, List<String> wrt, boolean vector,
            boolean hessian) {}

    private record Local(String name, boolean scalar, int rows, int cols) {}

    private final Random random;
    /**
     * Whether the function declares its parameters' sizes with {@code @Shape}: only then does it
     * write kron and concatenations, whose dimensions are sums and products that matgrad relates to
     * other dimensions only when they are numbers.
     */
    private boolean declared;
    private final Map<String, Integer> usage;
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<Local> locals = new ArrayList<>();

    /** @param usage counts, by function name, how often each language function was written */
    Generator(Random random, Map<String, Integer> usage) {
        this.random = random;
        this.usage = usage;
    }

    /** One in six functions is a vector or matrix function; one in six scalar ones asks for Hessians. */
    Function function(String name, int depth) {
        declared = random.nextBoolean();
        boolean vector = random.nextInt(6) == 0;
        boolean hessian = !vector && random.nextInt(6) == 0;
        StringBuilder body = new StringBuilder();
        int localCount = random.nextInt(3);
        for (int i = 0; i < localCount; i++) {
            boolean scalar = random.nextInt(3) == 0;
            int rows = size();
            int cols = size();
            String value = scalar ? scalar(depth - 1) : matrix(rows, cols, depth - 1);
            Local local = new Local("t" + i, scalar, rows, cols);
            body.append("        ").append(scalar ? "double" : "DMatrixRMaj").append(' ').append(local.name())
                    .append(" = ").append(value).append(";\n");
            locals.add(local);
        }
        String result;
        if (vector) {
            // a vector function half the time, a matrix-valued one the other half
            int rows = size();
            result = matrix(rows, random.nextBoolean() ? 1 : size(), depth);
            if (parameters.isEmpty()) {
                result = "scale(" + parameter(true, 1, 1, false) + ", " + result + ")"; // a function of something
            }
        } else {
            result = scalar(depth);
            if (parameters.isEmpty()) {
                result = "(" + result + " * " + parameter(true, 1, 1, false) + ")";
            }
        }
        body.append("        return ").append(result).append(";\n");
        List<String> wrt = wrt();
        String signature = String.join(", ", parameters.stream()
                .map(p -> (declared && !p.scalar() ? "@Shape(\"" + p.rows() + " x " + p.cols() + "\") " : "")
                        + p.javaType() + " " + p.name())
                .toList());
        String wrtList = String.join(", ", wrt.stream().map(w -> "\"" + w + "\"").toList());
        String source = "    @Differentiable(wrt = {" + wrtList + "}" + (hessian ? ", hessian = true" : "") + ")\n"
                + "    public static " + (vector ? "DMatrixRMaj " : "double ") + name + "(" + signature + ") {\n" + body
                + "    }\n";
        return new Function(name, source, List.copyOf(parameters), wrt, vector, hessian);
    }

    /**
     * Some parameters, in declaration order: any of them, Jacobians and Hessians being taken with
     * respect to vec of a matrix.
     */
    private List<String> wrt() {
        List<Parameter> candidates = parameters;
        List<String> wrt = new ArrayList<>();
        for (Parameter p : candidates) {
            if (random.nextInt(candidates.size()) < 2) {
                wrt.add(p.name());
            }
        }
        if (wrt.isEmpty()) {
            wrt.add(candidates.get(random.nextInt(candidates.size())).name());
        }
        return wrt;
    }

    // ---------------------------------------------------------------- doubles

    String scalar(int depth) {
        if (depth <= 0 || random.nextInt(8) == 0) {
            return scalarLeaf();
        }
        int d = depth - 1;
        return switch (random.nextInt(22)) {
            case 0 -> "(" + scalar(d) + " + " + scalar(d) + ")";
            case 1 -> "(" + scalar(d) + " - " + scalar(d) + ")";
            case 2 -> "(" + scalar(d) + " * " + scalar(d) + ")";
            case 3 -> "(" + scalar(d) + " / " + positiveScalar(d) + ")";
            case 4 -> "-(" + scalar(d) + ")";
            case 5, 6, 7, 9 -> mathFunction(d);
            case 8 -> use("Math.pow", "Math.pow(" + positiveScalar(d) + ", " + pick(EXPONENTS) + ")");
            case 10 -> reduction("dot", () -> {
                int rows = size();
                int cols = size();
                return matrix(rows, cols, d) + ", " + matrix(rows, cols, d);
            });
            case 11 -> {
                int n = size();
                yield reduction("trace", () -> matrix(n, n, d));
            }
            case 12 -> reduction("det", () -> spd(size(), d));
            case 13 -> reduction("logDet", () -> spd(size(), d));
            case 14 -> reduction("normSq", () -> matrix(size(), size(), d));
            case 15 -> reduction("norm", () -> matrix(size(), size(), d));
            case 16 -> reduction("sum", () -> matrix(size(), size(), d));
            case 17 -> reduction("logSumExp", () -> matrix(size(), size(), d));
            case 18 -> random.nextBoolean() ? "(" + pick(LITERALS) + " * " + scalar(d) + ")" : extremum("Math.", scalar(d), scalar(d));
            // an int literal, which Java widens: 2 * s is double arithmetic
            case 19 -> "(2 * " + scalar(d) + ")";
            case 20 -> random.nextBoolean() ? entry(d) : "(" + scalar(d) + " / " + matrix(size(), size(), d) + ".numRows)";
            default -> scalarLeaf();
        };
    }

    /** An expression that is positive and not tiny wherever it is evaluated. */
    private String positiveScalar(int depth) {
        int d = Math.max(depth - 1, 0);
        return switch (random.nextInt(5)) {
            case 0 -> use("Math.exp", "Math.exp(Math.tanh(" + scalar(d) + "))");
            case 1 -> {
                String s = scalar(d);
                yield "(0.5 + " + s + " * " + s + ")";
            }
            case 2 -> reduction("normSq", () -> matrix(size(), size(), d)) + " + 1.0";
            case 3 -> "(1.0 + " + use("Math.exp", "Math.exp(" + scalar(d) + ")") + ")";
            default -> pick(LITERALS);
        };
    }

    private String scalarLeaf() {
        int choice = random.nextInt(4);
        List<Local> scalars = locals.stream().filter(Local::scalar).toList();
        if (choice == 0 && !scalars.isEmpty()) {
            return scalars.get(random.nextInt(scalars.size())).name();
        }
        if (choice == 1) {
            return pick(LITERALS);
        }
        return parameter(true, 1, 1, false);
    }

    // ---------------------------------------------------------------- matrices

    String matrix(int rows, int cols, int depth) {
        if (depth <= 0 || random.nextInt(7) == 0) {
            return matrixLeaf(rows, cols);
        }
        int d = depth - 1;
        return switch (random.nextInt(26)) {
            case 0 -> {
                int k = size();
                yield use("mult", "mult(" + matrix(rows, k, d) + ", " + matrix(k, cols, d) + ")");
            }
            case 1 -> use("add", "add(" + matrix(rows, cols, d) + ", " + matrix(rows, cols, d) + ")");
            case 2 -> use("sub", "sub(" + matrix(rows, cols, d) + ", " + matrix(rows, cols, d) + ")");
            case 3 -> use("scale", "scale(" + scalar(d) + ", " + matrix(rows, cols, d) + ")");
            case 4 -> use("neg", "neg(" + matrix(rows, cols, d) + ")");
            case 5 -> use("transpose", "transpose(" + matrix(cols, rows, d) + ")");
            case 6 -> "mult(" + use("inv", "inv(" + spd(rows, d) + ")") + ", " + matrix(rows, cols, d) + ")";
            case 7 -> use("solve", "solve(" + spd(rows, d) + ", " + matrix(rows, cols, d) + ")");
            case 8 -> use("elementMult", "elementMult(" + matrix(rows, cols, d) + ", " + matrix(rows, cols, d) + ")");
            case 9 -> use("elementDiv", "elementDiv(" + matrix(rows, cols, d) + ", " + positiveMatrix(rows, cols, d) + ")");
            case 10, 11, 12, 13, 14, 15, 16 -> elementwise(rows, cols, d);
            case 17 -> use("pow", "pow(" + positiveMatrix(rows, cols, d) + ", " + pick(EXPONENTS) + ")");
            case 18 -> rows == cols
                    ? use("diag", "diag(" + matrix(rows, 1, d) + ")")
                    : use("mult", "mult(" + matrix(rows, 1, d) + ", " + matrix(1, cols, d) + ")");
            case 19 -> use("MatrixOps.", "MatrixOps.add(" + matrix(rows, cols, d) + ", " + matrix(rows, cols, d) + ")");
            case 20 -> rows == cols ? use("inv", "inv(" + spd(rows, d) + ")") : matrixLeaf(rows, cols);
            case 21 -> extremum("", matrix(rows, cols, d), random.nextBoolean() ? matrix(rows, cols, d) : scalar(d));
            case 22 -> structural(rows, cols, d);
            case 23 -> withDouble(rows, cols, d);
            default -> matrixLeaf(rows, cols);
        };
    }

    /**
     * An elementwise function of the table, of a matrix: an argument in its domain, and the
     * exponentials of a bounded one (exp of exp overflows).
     */
    private String elementwise(int rows, int cols, int d) {
        ElementwiseFunction f = pick(ElementwiseFunction.values());
        String argument = f.domain() == Domain.POSITIVE ? positiveMatrix(rows, cols, d)
                : growsFast(f) ? use("tanh", "tanh(" + matrix(rows, cols, d) + ")") : matrix(rows, cols, d);
        return use(f.functionName(), f.functionName() + "(" + argument + ")");
    }

    /** A Math function of the table, of a double, its argument chosen as {@link #elementwise}'s. */
    private String mathFunction(int d) {
        ElementwiseFunction[] withMath = Arrays.stream(ElementwiseFunction.values())
                .filter(f -> f.mathName() != null)
                .toArray(ElementwiseFunction[]::new);
        ElementwiseFunction f = pick(withMath);
        String argument = f.domain() == Domain.POSITIVE ? positiveScalar(d)
                : growsFast(f) ? "Math.tanh(" + scalar(d) + ")" : scalar(d);
        return use("Math." + f.mathName(), "Math." + f.mathName() + "(" + argument + ")");
    }

    /** A double with every entry: {@code add(A, s)}, {@code sub(s, A)}, {@code divide(A, s)}, ... */
    private String withDouble(int rows, int cols, int d) {
        return switch (random.nextInt(5)) {
            case 0 -> use("add", "add(" + matrix(rows, cols, d) + ", " + scalar(d) + ")");
            case 1 -> use("sub", "sub(" + matrix(rows, cols, d) + ", " + scalar(d) + ")");
            case 2 -> use("sub", "sub(" + scalar(d) + ", " + matrix(rows, cols, d) + ")");
            case 3 -> use("divide", "divide(" + scalar(d) + ", " + positiveMatrix(rows, cols, d) + ")");
            default -> use("divide", "divide(" + matrix(rows, cols, d) + ", " + positiveScalar(d) + ")");
        };
    }

    /**
     * A rows x cols matrix made by a function of rows, columns, blocks or products of matrices; a
     * function whose shape cannot be rows x cols falls back to another.
     */
    private String structural(int rows, int cols, int d) {
        int k = size();
        switch (random.nextInt(11)) {
            case 0:
                if (cols == 1) {
                    return use("sumRows", "sumRows(" + matrix(rows, k, d) + ")");
                }
                break;
            case 1:
                if (rows == 1) {
                    return use("sumCols", "sumCols(" + matrix(k, cols, d) + ")");
                }
                break;
            case 2:
                if (cols == 1) {
                    return use("rowLogSumExp", "rowLogSumExp(" + matrix(rows, k, d) + ")");
                }
                break;
            case 3:
                return use("rowSoftmax", "rowSoftmax(" + matrix(rows, cols, d) + ")");
            case 4:
                return use("addRowVector", "addRowVector(" + matrix(rows, cols, d) + ", " + matrix(1, cols, d) + ")");
            case 5:
                return use("addColumnVector", "addColumnVector(" + matrix(rows, cols, d) + ", " + matrix(rows, 1, d) + ")");
            case 6:
                if (rows == cols) {
                    return use("addIdentity", "addIdentity(" + matrix(rows, cols, d) + ", " + scalar(d) + ")");
                }
                if (cols == 1) {
                    return use("extractDiag", "extractDiag(" + matrix(rows, rows, d) + ")");
                }
                break;
            case 7: {
                int r0 = random.nextInt(2);
                int c0 = random.nextInt(2);
                return use("extract", "extract(" + matrix(rows + r0 + random.nextInt(2), cols + c0, d) + ", " + r0 + ", "
                        + (r0 + rows) + ", " + c0 + ", " + (c0 + cols) + ")");
            }
            case 8:
                if (rows > 1 && declared) {
                    int top = 1 + random.nextInt(rows - 1);
                    return use("concatRows", "concatRows(" + matrix(top, cols, d) + ", " + matrix(rows - top, cols, d) + ")");
                }
                break;
            case 9:
                if (cols > 1 && declared) {
                    int left = 1 + random.nextInt(cols - 1);
                    return use("concatColumns", "concatColumns(" + matrix(rows, left, d) + ", "
                            + matrix(rows, cols - left, d) + ")");
                }
                break;
            default:
                if (declared) {
                    int p = divisor(rows);
                    int q = divisor(cols);
                    return use("kron", "kron(" + matrix(p, q, d) + ", " + matrix(rows / p, cols / q, d) + ")");
                }
                break;
        }
        return use("rowSoftmax", "rowSoftmax(" + matrix(rows, cols, d) + ")");
    }

    /** A divisor of {@code n}, at random. */
    private int divisor(int n) {
        List<Integer> divisors = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            if (n % i == 0) {
                divisors.add(i);
            }
        }
        return divisors.get(random.nextInt(divisors.size()));
    }

    /** An entry of a matrix, {@code M.get(i, j)}, and the matrix's rows as a double now and then. */
    private String entry(int d) {
        int rows = size();
        int cols = size();
        return "(" + matrix(rows, cols, d) + ").get(" + random.nextInt(rows) + ", " + random.nextInt(cols) + ")";
    }

    /** A maximum or minimum: of matrices or of a matrix and a double ({@code ""}), or of doubles ({@code "Math."}). */
    private String extremum(String owner, String a, String b) {
        Extremum e = pick(Extremum.values());
        String name = owner.isEmpty() ? e.functionName() : owner + e.mathName();
        return use(name, name + "(" + a + ", " + b + ")");
    }

    /**
     * Whether the function's argument is kept bounded (through tanh): exponentials overflow, and
     * sines of large arguments oscillate faster than central differences can follow.
     */
    private static boolean growsFast(ElementwiseFunction f) {
        return f == ElementwiseFunction.EXP || f == ElementwiseFunction.EXPM1 || f == ElementwiseFunction.SIN
                || f == ElementwiseFunction.COS;
    }

    /** Entrywise positive and bounded away from 0 and infinity. */
    private String positiveMatrix(int rows, int cols, int depth) {
        int d = Math.max(depth - 1, 0);
        return switch (random.nextInt(4)) {
            case 0 -> use("exp", "exp(" + use("tanh", "tanh(" + matrix(rows, cols, d) + ")") + ")");
            case 1 -> use("sigmoid", "sigmoid(" + use("tanh", "tanh(" + matrix(rows, cols, d) + ")") + ")");
            case 2 -> use("softplus", "softplus(" + use("tanh", "tanh(" + matrix(rows, cols, d) + ")") + ")");
            default -> use("exp", "exp(" + use("sigmoid", "sigmoid(" + matrix(rows, cols, d) + ")") + ")");
        };
    }

    /**
     * A well-conditioned symmetric positive definite n x n matrix: an SPD parameter (drawn with
     * eigenvalues at least 1), plus a Gram matrix or a positive diagonal.
     */
    private String spd(int n, int depth) {
        String s = parameter(false, n, n, true);
        int d = Math.max(depth - 2, 0);
        return switch (random.nextInt(4)) {
            case 0 -> {
                int k = size();
                String e = use("tanh", "tanh(" + matrix(k, n, d) + ")");
                yield "add(" + s + ", " + use("mult", "mult(transpose(" + e + "), " + e + ")") + ")";
            }
            case 1 -> "add(" + s + ", " + use("diag", "diag(" + positiveMatrix(n, 1, d) + ")") + ")";
            default -> s;
        };
    }

    private String matrixLeaf(int rows, int cols) {
        List<Local> fitting = locals.stream().filter(l -> !l.scalar() && l.rows() == rows && l.cols() == cols).toList();
        if (!fitting.isEmpty() && random.nextInt(2) == 0) {
            return fitting.get(random.nextInt(fitting.size())).name();
        }
        if (rows == cols && random.nextInt(6) == 0) {
            return parameter(false, rows, cols, true);
        }
        return parameter(false, rows, cols, false);
    }

    /** An existing parameter of this type, or a new one while there is room, else any that fits. */
    private String parameter(boolean scalar, int rows, int cols, boolean spd) {
        List<Parameter> fitting = parameters.stream()
                .filter(p -> p.scalar() == scalar && p.rows() == rows && p.cols() == cols && p.spd() == spd)
                .toList();
        if (!fitting.isEmpty() && (parameters.size() >= MAX_PARAMETERS || random.nextInt(3) > 0)) {
            return fitting.get(random.nextInt(fitting.size())).name();
        }
        String name = scalar ? "s" + parameters.size() : (spd ? "S" : "A") + parameters.size();
        parameters.add(new Parameter(name, scalar, rows, cols, spd));
        return name;
    }

    private String reduction(String name, Supplier<String> arguments) {
        return use(name, name + "(" + arguments.get() + ")");
    }

    private String use(String function, String code) {
        usage.merge(function, 1, Integer::sum);
        return code;
    }

    private int size() {
        return 1 + random.nextInt(MAX_SIZE);
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    /**
     * The language functions a full run must have written at least once: every function of the
     * language's table (so that a new entry fails the fuzz test until the generator writes it), and a
     * qualified call.
     */
    static List<String> languageFunctions() {
        List<String> names = new ArrayList<>(Language.names(Language.Library.MATRIX_OPS));
        Language.names(Language.Library.MATH).forEach(name -> names.add("Math." + name));
        names.add("MatrixOps.");
        return names;
    }

    static Map<String, Integer> newUsage() {
        return new LinkedHashMap<>();
    }
}
