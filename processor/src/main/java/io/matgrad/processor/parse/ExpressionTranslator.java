package io.matgrad.processor.parse;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.SimpleTreeVisitor;
import io.matgrad.processor.diag.Message;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Shape;
import java.util.Optional;
import javax.lang.model.element.VariableElement;

/**
 * Translates an expression of a {@code @Differentiable} body into the IR, reporting each construct
 * outside the language at its tree. An empty result means the expression has no translation:
 * either an error was reported inside it, or javac itself will reject it (an unknown name, a matrix
 * where Java wants a number, ...), or it is a boolean that only a construct already reported can
 * use. Translation goes on after an error, so that one compile reports all of a method's errors,
 * but never inside a construct already reported.
 */
final class ExpressionTranslator extends SimpleTreeVisitor<Optional<Term>, Void> {
    private final ParseContext cx;
    private final CallTranslator calls;

    ExpressionTranslator(ParseContext cx) {
        this.cx = cx;
        this.calls = new CallTranslator(cx, this);
    }

    /** Whether an int is wanted here ({@code extract}'s bounds): int arithmetic is then what is meant. */
    private boolean intWanted;

    Optional<Term> translate(ExpressionTree tree) {
        return tree.accept(this, null);
    }

    /**
     * Translates an argument of an {@code int} parameter, where int arithmetic on constants
     * ({@code 2 * N - 1}) is computed as Java computes it rather than reported.
     */
    Optional<Term> translateInt(ExpressionTree tree) {
        boolean outer = intWanted;
        intWanted = true;
        try {
            return translate(tree);
        } finally {
            intWanted = outer;
        }
    }

    @Override
    protected Optional<Term> defaultAction(Tree node, Void unused) {
        if (node.getKind() == Tree.Kind.ERRONEOUS) {
            return Optional.empty(); // javac's syntax error
        }
        return cx.reject(Message.UNSUPPORTED_EXPRESSION, node, cx.text(node));
    }

    @Override
    public Optional<Term> visitParenthesized(ParenthesizedTree node, Void unused) {
        return translate(node.getExpression());
    }

    @Override
    public Optional<Term> visitLiteral(LiteralTree node, Void unused) {
        return switch (node.getKind()) {
            case INT_LITERAL -> number(node.getValue(), Kind.INT);
            case LONG_LITERAL -> number(node.getValue(), Kind.LONG);
            case FLOAT_LITERAL -> number(node.getValue(), Kind.FLOAT);
            case DOUBLE_LITERAL -> number(node.getValue(), Kind.DOUBLE);
            case CHAR_LITERAL -> cx.reject(Message.UNSUPPORTED_LITERAL, node, "char");
            case STRING_LITERAL -> cx.reject(Message.UNSUPPORTED_LITERAL, node, "String");
            case BOOLEAN_LITERAL -> cx.reject(Message.UNSUPPORTED_LITERAL, node, "boolean");
            default -> cx.reject(Message.UNSUPPORTED_LITERAL, node, "null");
        };
    }

    private static Optional<Term> number(Object value, Kind kind) {
        return Optional.of(new Term(new Expr.Constant(((Number) value).doubleValue()), kind));
    }

    @Override
    public Optional<Term> visitIdentifier(IdentifierTree node, Void unused) {
        String name = node.getName().toString();
        Optional<Locals.Symbol> symbol = cx.locals.lookUp(name);
        if (symbol.isPresent()) {
            return symbol.get().value();
        }
        // Not a variable of the body: a field, else javac's "cannot find symbol".
        return cx.members.field(name).flatMap(f -> fieldValue(f, node));
    }

    @Override
    public Optional<Term> visitMemberSelect(MemberSelectTree node, Void unused) {
        NameResolver.Meaning qualifier = cx.names.classify(node.getExpression());
        String name = node.getIdentifier().toString();
        if (qualifier instanceof NameResolver.Type t) {
            // A static field; an instance field, a missing one or Type.class are javac's to reject
            // or only usable by a construct that is reported anyway.
            return cx.members.field(t.type(), name, true).flatMap(f -> fieldValue(f, node));
        }
        if (qualifier instanceof NameResolver.Value v) {
            Optional<Term> owner = translate(v.tree());
            if (owner.isPresent() && owner.get().kind() == Kind.MATRIX) {
                Shape shape = owner.get().expr().shape();
                return switch (name) {
                    case "numRows" -> Optional.of(Extents.term(shape.rows()));
                    case "numCols" -> Optional.of(Extents.term(shape.cols()));
                    default -> cx.reject(Message.FIELD_READ, node, cx.text(node),
                            "of a matrix, a formula reads numRows and numCols, and entries with get(i, j)");
                };
            }
        }
        return Optional.empty();
    }

    /** A compile-time constant is a literal; any other field is state the function must not read. */
    private Optional<Term> fieldValue(VariableElement field, Tree at) {
        Object constant = field.getConstantValue();
        if (constant instanceof Number value) {
            return cx.known.kindOf(field.asType()).flatMap(kind -> number(value, kind));
        }
        if (constant != null) {
            return cx.reject(Message.UNSUPPORTED_LITERAL, at, TypeAdvice.name(field.asType()));
        }
        return cx.reject(Message.FIELD_READ, at, cx.text(at),
                "pass its value as a parameter, or make it a constant (static final double " + field.getSimpleName()
                        + " = 2.0;)");
    }

    @Override
    public Optional<Term> visitMethodInvocation(MethodInvocationTree node, Void unused) {
        return calls.translate(node);
    }

    @Override
    public Optional<Term> visitBinary(BinaryTree node, Void unused) {
        Optional<Term> left = translate(node.getLeftOperand());
        Optional<Term> right = translate(node.getRightOperand());
        if (left.isEmpty() || right.isEmpty()) {
            return Optional.empty();
        }
        Term l = left.get();
        Term r = right.get();
        if (!l.kind().isNumber() || !r.kind().isNumber()) {
            return Optional.empty(); // javac: bad operand types for a matrix
        }
        return switch (node.getKind()) {
            case PLUS, MINUS, MULTIPLY, DIVIDE -> arithmetic(node, l, r);
            case REMAINDER, LEFT_SHIFT, RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT, AND, OR, XOR ->
                    cx.reject(Message.UNSUPPORTED_OPERATOR, node, Operators.symbol(node.getKind()));
            // Comparisons give booleans, which only constructs reported on their own can use.
            default -> Optional.empty();
        };
    }

    private Optional<Term> arithmetic(BinaryTree node, Term l, Term r) {
        Kind kind = Kind.promote(l.kind(), r.kind());
        if (kind != Kind.DOUBLE) {
            return narrowArithmetic(node, l, r, kind);
        }
        Expr e = switch (node.getKind()) {
            case PLUS -> new Expr.Add(l.expr(), r.expr());
            case MINUS -> new Expr.Sub(l.expr(), r.expr());
            case MULTIPLY -> new Expr.Mul(l.expr(), r.expr());
            default -> new Expr.Div(l.expr(), r.expr());
        };
        return Optional.of(new Term(e, Kind.DOUBLE));
    }

    /** {@code 1 / 2}: Java computes it in int (it is 0), which is surely not what was meant. */
    private Optional<Term> narrowArithmetic(BinaryTree node, Term l, Term r, Kind kind) {
        if (!(l.expr() instanceof Expr.Constant) || !(r.expr() instanceof Expr.Constant)) {
            return dimensionArithmetic(node, l, r);
        }
        // Numbers of the narrow kinds are otherwise constants, so Java's result can be shown.
        double a = ((Expr.Constant) l.expr()).value();
        double b = ((Expr.Constant) r.expr()).value();
        if (intWanted && kind == Kind.INT && !(node.getKind() == Tree.Kind.DIVIDE && b == 0)) {
            int x = (int) a;
            int y = (int) b;
            int value = switch (node.getKind()) {
                case PLUS -> x + y;
                case MINUS -> x - y;
                case MULTIPLY -> x * y;
                default -> x / y;
            };
            return Optional.of(new Term(new Expr.Constant(value), Kind.INT));
        }
        String javaResult = Operators.narrowResult(node.getKind(), kind, a, b);
        String op = " " + Operators.symbol(node.getKind()) + " ";
        String example = isLiteral(node.getLeftOperand())
                ? Operators.doubleLiteral(a) + op + cx.text(node.getRightOperand())
                : cx.text(node.getLeftOperand()) + op + Operators.doubleLiteral(b);
        return cx.reject(Message.INTEGER_ARITHMETIC, node, cx.text(node), kind.javaName(), javaResult, example);
    }

    /**
     * Int arithmetic on a matrix's dimensions ({@code A.numRows * A.numCols}): exact as doubles for
     * sums, differences and products; a quotient Java truncates, so that one is an error.
     */
    private Optional<Term> dimensionArithmetic(BinaryTree node, Term l, Term r) {
        Expr e = switch (node.getKind()) {
            case PLUS -> new Expr.Add(l.expr(), r.expr());
            case MINUS -> new Expr.Sub(l.expr(), r.expr());
            case MULTIPLY -> new Expr.Mul(l.expr(), r.expr());
            default -> null;
        };
        if (e == null) {
            String divisor = r.expr() instanceof Expr.Constant c ? Operators.doubleLiteral(c.value())
                    : "(double) " + cx.text(node.getRightOperand());
            String example = cx.text(node.getLeftOperand()) + " " + Operators.symbol(node.getKind()) + " " + divisor;
            return cx.reject(Message.INTEGER_ARITHMETIC, node, cx.text(node), "int",
                    "the quotient rounded toward zero", example);
        }
        return Optional.of(new Term(e, Kind.INT));
    }

    private static boolean isLiteral(ExpressionTree tree) {
        return tree instanceof LiteralTree;
    }

    @Override
    public Optional<Term> visitUnary(UnaryTree node, Void unused) {
        switch (node.getKind()) {
            case PREFIX_INCREMENT, POSTFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_DECREMENT:
                return assignment(node, node.getExpression(), cx.text(node.getExpression())
                        + (node.getKind().name().endsWith("INCREMENT") ? " + 1" : " - 1"));
            default:
                break;
        }
        Optional<Term> operand = translate(node.getExpression());
        if (operand.isEmpty() || !operand.get().kind().isNumber()) {
            return Optional.empty(); // a boolean, or javac's error for a matrix
        }
        Term t = operand.get();
        return switch (node.getKind()) {
            case UNARY_PLUS -> operand;
            case UNARY_MINUS -> Optional.of(new Term(
                    // -2 is a constant, and Java's int literals can only be written that way.
                    t.expr() instanceof Expr.Constant c ? new Expr.Constant(-c.value()) : new Expr.Neg(t.expr()),
                    t.kind()));
            case BITWISE_COMPLEMENT -> cx.reject(Message.UNSUPPORTED_OPERATOR, node, "~");
            default -> Optional.empty();
        };
    }

    @Override
    public Optional<Term> visitAssignment(AssignmentTree node, Void unused) {
        return assignment(node, node.getVariable(), cx.text(node.getExpression()));
    }

    @Override
    public Optional<Term> visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
        ExpressionTree value = node.getExpression();
        String operand = value instanceof BinaryTree || value instanceof ConditionalExpressionTree
                ? "(" + cx.text(value) + ")"
                : cx.text(value);
        return assignment(node, node.getVariable(),
                cx.text(node.getVariable()) + " " + Operators.symbol(node.getKind()) + " " + operand);
    }

    /**
     * Reports an assignment of {@code newValue} (source text) to {@code target}, with an example of
     * the declaration to write instead. Assignments to unknown names are javac's.
     */
    private Optional<Term> assignment(ExpressionTree node, ExpressionTree target, String newValue) {
        String what = cx.text(node);
        if (target instanceof IdentifierTree id) {
            String name = id.getName().toString();
            Optional<Locals.Symbol> symbol = cx.locals.lookUp(name);
            if (symbol.isPresent()) {
                String type = symbol.get().value().map(t -> t.kind().javaName()).orElse("double");
                String example = type + " " + name + "2 = " + newValue + ";";
                return switch (symbol.get().role()) {
                    case PARAMETER -> cx.reject(Message.ASSIGNMENT, node, what, "parameter " + name, example);
                    case LOCAL -> cx.reject(Message.REASSIGNED_LOCAL, node, what, name, example);
                    // Its declaration's error already says to assign it there.
                    case UNINITIALIZED_LOCAL -> Optional.empty();
                };
            }
            if (cx.members.field(name).isEmpty()) {
                return Optional.empty();
            }
        } else if (target instanceof MemberSelectTree select) {
            if (cx.names.classify(select.getExpression()) instanceof NameResolver.Unknown) {
                return Optional.empty();
            }
        } else if (!(target instanceof ArrayAccessTree)) {
            return Optional.empty();
        }
        return cx.reject(Message.ASSIGNMENT, node, what, cx.text(target), "double value = " + newValue + ";");
    }

    @Override
    public Optional<Term> visitConditionalExpression(ConditionalExpressionTree node, Void unused) {
        return cx.reject(Message.UNSUPPORTED_CONDITIONAL, node);
    }

    @Override
    public Optional<Term> visitSwitchExpression(SwitchExpressionTree node, Void unused) {
        return cx.reject(Message.UNSUPPORTED_BRANCH, node, "switch");
    }

    @Override
    public Optional<Term> visitTypeCast(TypeCastTree node, Void unused) {
        return cx.reject(Message.UNSUPPORTED_CAST, node);
    }

    @Override
    public Optional<Term> visitArrayAccess(ArrayAccessTree node, Void unused) {
        return cx.reject(Message.UNSUPPORTED_ARRAY_ACCESS, node);
    }

    @Override
    public Optional<Term> visitInstanceOf(InstanceOfTree node, Void unused) {
        return cx.reject(Message.UNSUPPORTED_INSTANCEOF, node);
    }

    @Override
    public Optional<Term> visitNewClass(NewClassTree node, Void unused) {
        return cx.reject(Message.UNSUPPORTED_NEW, node);
    }

    @Override
    public Optional<Term> visitNewArray(NewArrayTree node, Void unused) {
        return cx.reject(Message.UNSUPPORTED_NEW, node);
    }

    @Override
    public Optional<Term> visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        return cx.reject(Message.UNSUPPORTED_LAMBDA, node);
    }

    @Override
    public Optional<Term> visitMemberReference(MemberReferenceTree node, Void unused) {
        return cx.reject(Message.UNSUPPORTED_LAMBDA, node);
    }
}
