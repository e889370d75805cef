package io.matgrad.processor.ir;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes an expression in the notation of the Matrix Cookbook, for Javadoc and reports:
 * {@code 2 Aᵀ(Ax − b)}, {@code ‖r‖²}, {@code σ(z) ∘ (𝟏 − σ(z))}.
 *
 * <p>Nodes listed in {@code names} (by identity: intern first) print as their name, so that a
 * formula can say {@code 2 Aᵀr} where the body declared {@code r}.
 */
public final class Notation implements ExprVisitor<Notation.Printed> {
    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int PREFIX = 3;
    private static final int POSTFIX = 4;
    private static final int ATOM = 5;

    /** A printed subexpression and how tightly it binds. */
    record Printed(String text, int precedence) {}

    private final Map<Expr, String> names;

    private Notation(Map<Expr, String> names) {
        this.names = names;
    }

    /** {@code e} in math notation, printing the nodes in {@code names} (identity keys) by name. */
    public static String format(Expr e, Map<Expr, String> names) {
        return new Notation(names).print(e).text();
    }

    /** {@code e} in math notation. */
    public static String format(Expr e) {
        return format(e, Map.of());
    }

    private Printed print(Expr e) {
        String name = names.get(e);
        return name != null ? new Printed(name, ATOM) : e.accept(this);
    }

    /** {@code e} printed, in parentheses if it binds more loosely than {@code precedence}. */
    private String operand(Expr e, int precedence) {
        Printed p = print(e);
        return p.precedence() < precedence ? "(" + p.text() + ")" : p.text();
    }

    private static Printed atom(String text) {
        return new Printed(text, ATOM);
    }

    private Printed call(String function, Expr operand) {
        return atom(function + "(" + print(operand).text() + ")");
    }

    private Printed postfix(Expr operand, String suffix) {
        return new Printed(operand(operand, ATOM) + suffix, POSTFIX);
    }

    /** Juxtaposes two factors, with a space unless both meet as one-letter names or brackets. */
    private static Printed juxtapose(String left, String right) {
        return new Printed(left + (tight(left, right) ? "" : " ") + right, PRODUCT);
    }

    private static boolean tight(String left, String right) {
        char last = left.charAt(left.length() - 1);
        return trailingName(left).length() <= 1 && leadingName(right).length() <= 1
                && !Character.isDigit(last) && last != ')';
    }

    private static String trailingName(String s) {
        int i = s.length();
        while (i > 0 && isNameChar(s.charAt(i - 1))) {
            i--;
        }
        return s.substring(i);
    }

    private static String leadingName(String s) {
        int i = 0;
        while (i < s.length() && isNameChar(s.charAt(i))) {
            i++;
        }
        return s.substring(0, i);
    }

    /** A character of a Java name; not the modifier letters of ᵀ and ⁻¹, which end a factor. */
    private static boolean isNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '$');
    }

    static String number(double v) {
        String sign = v < 0 ? "−" : "";
        double a = Math.abs(v);
        String digits = a == Math.rint(a) && a < 1e15 ? Long.toString((long) a) : Double.toString(a);
        return sign + digits;
    }

    @Override
    public Printed visitVariable(Expr.Variable node) {
        return atom(node.name());
    }

    @Override
    public Printed visitConstant(Expr.Constant node) {
        return new Printed(number(node.value()), node.value() < 0 ? PREFIX : ATOM);
    }

    @Override
    public Printed visitFill(Expr.Fill node) {
        if (node.value() == 0) {
            return atom("0");
        }
        if (node.value() == 1) {
            return atom("𝟏");
        }
        return juxtapose(number(node.value()), "𝟏");
    }

    @Override
    public Printed visitIdentity(Expr.Identity node) {
        return atom("I");
    }

    @Override
    public Printed visitAdd(Expr.Add node) {
        return new Printed(operand(node.left(), SUM) + " + " + operand(node.right(), SUM), SUM);
    }

    @Override
    public Printed visitSub(Expr.Sub node) {
        return new Printed(operand(node.left(), SUM) + " − " + operand(node.right(), PRODUCT), SUM);
    }

    @Override
    public Printed visitMul(Expr.Mul node) {
        if (node.shape().isMatrix()) {
            return new Printed(operand(node.left(), PRODUCT) + " ∘ " + operand(node.right(), POSTFIX), PRODUCT);
        }
        return juxtapose(operand(node.left(), PRODUCT), operand(node.right(), POSTFIX));
    }

    @Override
    public Printed visitDiv(Expr.Div node) {
        // a matrix divided by a double everywhere, s𝟏, reads as divided by the double (parenthesized
        // in a product: (x / ‖x‖)ᵀv, not x / ‖x‖ᵀv)
        if (node.right() instanceof Expr.Scale s && Exprs.isOne(s.matrix())) {
            return new Printed(operand(node.left(), PRODUCT) + " / " + operand(s.factor(), POSTFIX), SUM);
        }
        String op = node.shape().isMatrix() ? " ⊘ " : " / ";
        return new Printed(operand(node.left(), PRODUCT) + op + operand(node.right(), POSTFIX), PRODUCT);
    }

    @Override
    public Printed visitNeg(Expr.Neg node) {
        return new Printed("−" + operand(node.operand(), POSTFIX), PREFIX);
    }

    @Override
    public Printed visitScale(Expr.Scale node) {
        Printed factor = print(node.factor());
        String matrix = operand(node.matrix(), PRODUCT);
        if (factor.precedence() == PREFIX) {
            // −2 (Ax − b): a negative factor reads as a sign on the product
            return new Printed(factor.text() + " " + matrix, PREFIX);
        }
        String f = factor.precedence() < PRODUCT ? "(" + factor.text() + ")" : factor.text();
        return new Printed(f + " " + matrix, PRODUCT);
    }

    @Override
    public Printed visitMatMul(Expr.MatMul node) {
        // the matrix product is associative: A(BC) reads as ABC
        int right = node.right() instanceof Expr.MatMul && !names.containsKey(node.right()) ? PRODUCT : POSTFIX;
        return juxtapose(operand(node.left(), PRODUCT), operand(node.right(), right));
    }

    @Override
    public Printed visitTranspose(Expr.Transpose node) {
        return postfix(node.operand(), "ᵀ");
    }

    @Override
    public Printed visitInverse(Expr.Inverse node) {
        return postfix(node.operand(), "⁻¹");
    }

    @Override
    public Printed visitSolve(Expr.Solve node) {
        return juxtapose(operand(node.matrix(), ATOM) + "⁻¹", operand(node.rhs(), POSTFIX));
    }

    @Override
    public Printed visitDiag(Expr.Diag node) {
        return call("diag", node.vector());
    }

    @Override
    public Printed visitDiagPart(Expr.DiagPart node) {
        return call("diag", node.matrix());
    }

    @Override
    public Printed visitDot(Expr.Dot node) {
        if (node.left().shape().isColumnVector()) {
            return juxtapose(operand(node.left(), ATOM) + "ᵀ", operand(node.right(), POSTFIX));
        }
        return atom("⟨" + print(node.left()).text() + ", " + print(node.right()).text() + "⟩");
    }

    @Override
    public Printed visitCall(Expr.Call node) {
        Notation.Form form = node.op().notation();
        if (node.operands().isEmpty()) {
            return atom(((Form.Function) form).symbol());
        }
        Expr first = node.operand(0);
        boolean matrix = node.shape().isMatrix();
        if (form instanceof Form.Function f) {
            String arguments = node.operands().stream().map(e -> print(e).text()).collect(Collectors.joining(", "));
            return atom(f.symbol() + "(" + arguments + ")");
        } else if (form instanceof Form.Square) {
            return postfix(first, matrix ? "^∘2" : "²");
        } else if (form instanceof Form.Power) {
            String power = matrix ? "^∘" : "^";
            return new Printed(operand(first, ATOM) + power + operand(node.operand(1), ATOM), POSTFIX);
        }
        Form.Norm norm = (Form.Norm) form;
        String text = "‖" + print(first).text() + "‖";
        return norm.squared() ? new Printed(text + "²", POSTFIX) : atom(text);
    }

    /** How an operator of the table is written. */
    public sealed interface Form {
        /** {@code symbol(a, b)}: {@code exp(x)}, {@code σ(z)}, {@code tr(A)}. */
        record Function(String symbol) implements Form {}

        /** {@code x²}, or {@code X^∘2} for a matrix. */
        record Square() implements Form {}

        /** {@code x^p}, or {@code X^∘p} for a matrix. */
        record Power() implements Form {}

        /** {@code ‖A‖}, or {@code ‖A‖²}. */
        record Norm(boolean squared) implements Form {}
    }
}
