package io.matgrad.processor.parse;

import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.AssertTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EmptyStatementTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.SimpleTreeVisitor;
import io.matgrad.processor.diag.Message;
import io.matgrad.processor.ir.Binding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/**
 * Translates a method body, which must be straight-line code: local declarations, each assigned
 * once, then {@code return}. Locals are inlined (each use is the very {@code Expr} of its value) and
 * also kept, in order, to name intermediate results.
 */
final class BodyTranslator extends SimpleTreeVisitor<Void, Void> {
    /** A translated body: the locals' raw IR in declaration order, and the result. */
    record Body(List<Binding> locals, Term result) {}

    /** The declared type of a local. */
    private sealed interface LocalType permits Known, Var, Unsupported, Unresolved {}

    private record Known(Kind kind) implements LocalType {}

    private record Var() implements LocalType {}

    private record Unsupported(String name) implements LocalType {}

    private record Unresolved() implements LocalType {}

    private final ParseContext cx;
    private final ExpressionTranslator expressions;
    /** Empty when the method's return type is outside the language (reported with the signature). */
    private final Optional<Kind> returnKind;
    private final List<Binding> locals = new ArrayList<>();
    private Term result;
    private boolean returned;
    /** False once a statement has no translation, reported or for javac to report. */
    private boolean complete = true;

    BodyTranslator(ParseContext cx, Optional<Kind> returnKind) {
        this.cx = cx;
        this.expressions = new ExpressionTranslator(cx);
        this.returnKind = returnKind;
    }

    Optional<Body> translate(BlockTree body) {
        for (StatementTree statement : body.getStatements()) {
            if (returned) {
                complete = false; // javac: unreachable statement
                break;
            }
            statement.accept(this, null);
        }
        // No return: javac's "missing return statement", or a void method reported with the signature.
        return complete && result != null ? Optional.of(new Body(List.copyOf(locals), result)) : Optional.empty();
    }

    @Override
    public Void visitVariable(VariableTree node, Void unused) {
        String name = node.getName().toString();
        LocalType type = localType(node.getType());
        ExpressionTree initializer = node.getInitializer();
        if (initializer == null) {
            if (!(type instanceof Var)) { // "var x;" is javac's error
                cx.error(Message.LOCAL_WITHOUT_INITIALIZER, node, name, typeText(node, type), name);
            }
            declare(name, Locals.Role.UNINITIALIZED_LOCAL, Optional.empty());
            return null;
        }
        Optional<Term> value = Optional.empty();
        if (type instanceof Unsupported u) {
            if (isOwnReason(initializer)) {
                expressions.translate(initializer); // the lambda, not its variable, is the thing to remove
            } else {
                // The initializer is not translated: its errors would follow from the type's.
                cx.error(Message.LOCAL_TYPE, node, name, u.name(), TypeAdvice.instead(u.name()));
            }
        } else if (type instanceof Known k) {
            value = expressions.translate(initializer).flatMap(t -> converted(t, k.kind()));
        } else if (type instanceof Var) {
            value = expressions.translate(initializer);
            if (value.isPresent() && value.get().kind() != Kind.MATRIX && value.get().kind() != Kind.DOUBLE) {
                String kind = value.get().kind().javaName();
                cx.error(Message.LOCAL_TYPE, node, name, kind + " (var takes the type of " + cx.text(initializer) + ")",
                        "write double " + name + " = " + cx.text(initializer) + ";");
                value = Optional.empty();
            }
        }
        locals.addAll(cx.calls.takeInlined(value.map(Term::expr))); // the locals of helpers it called, first
        value.ifPresent(t -> locals.add(new Binding(name, t.expr())));
        declare(name, Locals.Role.LOCAL, value);
        return null;
    }

    /**
     * Whether {@code initializer} is the reason its local has a type outside the language, and has a
     * message of its own: a lambda needs a functional interface, a type test a boolean.
     */
    private static boolean isOwnReason(ExpressionTree initializer) {
        ExpressionTree e = initializer;
        while (e instanceof ParenthesizedTree p) {
            e = p.getExpression();
        }
        return e instanceof LambdaExpressionTree || e instanceof MemberReferenceTree || e instanceof InstanceOfTree;
    }

    private void declare(String name, Locals.Role role, Optional<Term> value) {
        complete &= value.isPresent();
        complete &= cx.locals.declare(new Locals.Symbol(name, role, value)); // else javac: already defined
    }

    /** {@code term} assigned to a {@code kind} variable, as Java converts it; empty if javac rejects it. */
    private static Optional<Term> converted(Term term, Kind kind) {
        if (kind == Kind.MATRIX) {
            return term.kind() == Kind.MATRIX ? Optional.of(term) : Optional.empty();
        }
        return term.kind().isNumber() ? Optional.of(new Term(term.expr(), kind)) : Optional.empty();
    }

    private LocalType localType(Tree type) {
        if (type == null) {
            return new Var(); // javac's tree for "var x = ..." has no type
        }
        if (type instanceof PrimitiveTypeTree primitive) {
            TypeKind kind = primitive.getPrimitiveTypeKind();
            return kind == TypeKind.DOUBLE ? new Known(Kind.DOUBLE) : new Unsupported(cx.text(type));
        }
        if (type instanceof IdentifierTree || type instanceof MemberSelectTree) {
            Optional<TypeElement> element = cx.typeNames.resolve((ExpressionTree) type);
            if (element.isPresent()) {
                return cx.known.isMatrixClass(element.get())
                        ? new Known(Kind.MATRIX)
                        : new Unsupported(element.get().getSimpleName().toString());
            }
            boolean isVar = type instanceof IdentifierTree id && id.getName().contentEquals("var");
            return isVar ? new Var() : new Unresolved();
        }
        if (type instanceof ArrayTypeTree) {
            return new Unsupported(cx.text(type).replace(" ", ""));
        }
        return new Unsupported(cx.text(type));
    }

    private String typeText(VariableTree node, LocalType type) {
        return type instanceof Known k ? k.kind().javaName() : cx.text(node.getType());
    }

    @Override
    public Void visitReturn(ReturnTree node, Void unused) {
        returned = true;
        ExpressionTree expression = node.getExpression();
        if (expression == null) {
            complete = false; // javac's error, or a void method reported with the signature
            return null;
        }
        Optional<Term> value = expressions.translate(expression);
        locals.addAll(cx.calls.takeInlined(Optional.empty()));
        if (value.isEmpty() || returnKind.isEmpty()) {
            complete = false;
            return null;
        }
        Optional<Term> converted = converted(value.get(), returnKind.get());
        if (converted.isEmpty()) {
            complete = false; // javac: incompatible types
            return null;
        }
        // a matrix-valued function returns a matrix of any shape: its Jacobians are in vec
        result = converted.get();
        return null;
    }

    @Override
    public Void visitExpressionStatement(ExpressionStatementTree node, Void unused) {
        complete = false;
        ExpressionTree e = node.getExpression();
        boolean assigns = e instanceof AssignmentTree || e instanceof CompoundAssignmentTree || e instanceof UnaryTree;
        Optional<Term> value = expressions.translate(e); // reports assignments and bad calls
        if (!assigns && value.isPresent()) {
            String type = value.get().kind().javaName();
            cx.error(Message.UNSUPPORTED_STATEMENT, node, "a statement whose value is unused",
                    "assign the value to a local, e.g. " + type + " value = " + cx.text(e) + ";");
        }
        return null;
    }

    @Override
    public Void visitForLoop(ForLoopTree node, Void unused) {
        return unsupported(Message.UNSUPPORTED_LOOP, node);
    }

    @Override
    public Void visitEnhancedForLoop(EnhancedForLoopTree node, Void unused) {
        return unsupported(Message.UNSUPPORTED_LOOP, node);
    }

    @Override
    public Void visitWhileLoop(WhileLoopTree node, Void unused) {
        return unsupported(Message.UNSUPPORTED_LOOP, node);
    }

    @Override
    public Void visitDoWhileLoop(DoWhileLoopTree node, Void unused) {
        return unsupported(Message.UNSUPPORTED_LOOP, node);
    }

    @Override
    public Void visitIf(IfTree node, Void unused) {
        return unsupported(Message.UNSUPPORTED_BRANCH, node, "if");
    }

    @Override
    public Void visitSwitch(SwitchTree node, Void unused) {
        return unsupported(Message.UNSUPPORTED_BRANCH, node, "switch");
    }

    @Override
    public Void visitTry(TryTree node, Void unused) {
        return unsupported(Message.UNSUPPORTED_TRY, node);
    }

    @Override
    public Void visitThrow(ThrowTree node, Void unused) {
        return unsupported(Message.UNSUPPORTED_THROW, node);
    }

    @Override
    public Void visitSynchronized(SynchronizedTree node, Void unused) {
        return unsupported(Message.UNSUPPORTED_SYNCHRONIZED, node);
    }

    @Override
    public Void visitBlock(BlockTree node, Void unused) {
        return unsupported(Message.UNSUPPORTED_BLOCK, node);
    }

    @Override
    public Void visitClass(ClassTree node, Void unused) {
        return unsupported(Message.UNSUPPORTED_STATEMENT, node, "a local class", "declare it outside the method");
    }

    @Override
    public Void visitAssert(AssertTree node, Void unused) {
        return unsupported(Message.UNSUPPORTED_STATEMENT, node, "an assert statement", "check arguments in the caller");
    }

    @Override
    public Void visitLabeledStatement(LabeledStatementTree node, Void unused) {
        return unsupported(Message.UNSUPPORTED_STATEMENT, node, "a labeled statement", "remove it");
    }

    @Override
    public Void visitEmptyStatement(EmptyStatementTree node, Void unused) {
        return unsupported(Message.UNSUPPORTED_STATEMENT, node, "an empty statement (a lone ;)", "remove it");
    }

    @Override
    protected Void defaultAction(Tree node, Void unused) {
        if (node.getKind() == Tree.Kind.ERRONEOUS) {
            complete = false;
            return null;
        }
        return unsupported(Message.UNSUPPORTED_STATEMENT, node, "this statement", "remove it");
    }

    private Void unsupported(Message message, Tree node, Object... args) {
        complete = false;
        cx.error(message, node, args);
        return null;
    }
}
