package io.matgrad.processor.parse;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Classifies the qualifier {@code Q} of {@code Q.f(...)} or {@code Q.F} as Java does for an
 * ambiguous name (JLS 6.5.2): a variable in scope (parameter, local, field) makes it an expression,
 * else a type makes it a type name, else it names a package. Resolution is by name, from the model,
 * because method bodies are not attributed while processors run.
 */
final class NameResolver {
    /** What a qualifier denotes. */
    sealed interface Meaning permits Value, Type, Unknown {}

    /** An expression: a variable, a field access, a call, ... */
    record Value(ExpressionTree tree) implements Meaning {}

    /** A type name. */
    record Type(TypeElement type) implements Meaning {}

    /** A package name, or nothing javac will accept. */
    record Unknown() implements Meaning {}

    private final Locals locals;
    private final Members members;
    private final TypeNames typeNames;

    NameResolver(Locals locals, Members members, TypeNames typeNames) {
        this.locals = locals;
        this.members = members;
        this.typeNames = typeNames;
    }

    /** The field {@code name} denotes, if it is a field name ({@code F}, {@code Type.F}) and not a local. */
    Optional<VariableElement> field(ExpressionTree name) {
        if (name instanceof IdentifierTree id) {
            String simple = id.getName().toString();
            return locals.lookUp(simple).isPresent() ? Optional.empty() : members.field(simple);
        }
        if (name instanceof MemberSelectTree select && classify(select.getExpression()) instanceof Type t) {
            return members.field(t.type(), select.getIdentifier().toString(), true);
        }
        return Optional.empty();
    }

    Meaning classify(ExpressionTree qualifier) {
        if (qualifier instanceof IdentifierTree id) {
            String name = id.getName().toString();
            if (locals.lookUp(name).isPresent() || members.field(name).isPresent()) {
                return new Value(qualifier);
            }
            return typeNames.simple(name).<Meaning>map(Type::new).orElseGet(Unknown::new);
        }
        if (qualifier instanceof MemberSelectTree select) {
            String name = select.getIdentifier().toString();
            Meaning outer = classify(select.getExpression());
            if (outer instanceof Value) {
                return new Value(qualifier);
            }
            if (outer instanceof Type t) {
                if (members.field(t.type(), name, false).isPresent()) {
                    return new Value(qualifier);
                }
                return typeNames.memberType(t.type(), name).<Meaning>map(Type::new).orElseGet(Unknown::new);
            }
            Optional<TypeElement> qualified = TypeNames.qualifiedName(qualifier).flatMap(typeNames::type);
            return qualified.<Meaning>map(Type::new).orElseGet(Unknown::new);
        }
        return new Value(qualifier);
    }
}
