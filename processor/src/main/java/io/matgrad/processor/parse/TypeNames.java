package io.matgrad.processor.parse;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Resolves type names written in a method body the way Java does (JLS 6.4.1, 6.5.5), from the
 * model rather than from javac's attribution, which has not run yet when processors do: member
 * types of the enclosing classes, then single-type imports, then the package, then on-demand
 * imports (java.lang among them); a qualified name is a member type of a type or a type of a
 * package.
 */
final class TypeNames {
    private final Elements elements;
    private final Imports imports;
    private final String packageName;
    /** Innermost first. */
    private final List<TypeElement> enclosingClasses;

    TypeNames(Elements elements, Imports imports, String packageName, List<TypeElement> enclosingClasses) {
        this.elements = elements;
        this.imports = imports;
        this.packageName = packageName;
        this.enclosingClasses = enclosingClasses;
    }

    /** The type a type name ({@code C}, {@code Outer.Inner}, {@code a.b.C}) denotes, if any. */
    Optional<TypeElement> resolve(ExpressionTree name) {
        if (name instanceof IdentifierTree id) {
            return simple(id.getName().toString());
        }
        if (name instanceof MemberSelectTree select) {
            String member = select.getIdentifier().toString();
            Optional<TypeElement> owner = resolve(select.getExpression());
            if (owner.isPresent()) {
                return memberType(owner.get(), member);
            }
            return qualifiedName(select.getExpression()).flatMap(pkg -> type(pkg + "." + member));
        }
        return Optional.empty();
    }

    /** The type the simple name {@code name} denotes in the method's scope, if any. */
    Optional<TypeElement> simple(String name) {
        for (TypeElement c : enclosingClasses) {
            if (c.getSimpleName().contentEquals(name)) {
                return Optional.of(c);
            }
            Optional<TypeElement> member = memberType(c, name);
            if (member.isPresent()) {
                return member;
            }
        }
        for (String imported : imports.singleType()) {
            if (imported.endsWith("." + name)) {
                return type(imported);
            }
        }
        for (Imports.StaticImport imported : imports.singleStatic()) {
            if (imported.member().equals(name)) {
                Optional<TypeElement> member = type(imported.type()).flatMap(t -> memberType(t, name));
                if (member.isPresent()) {
                    return member;
                }
            }
        }
        Optional<TypeElement> inPackage = type(packageName.isEmpty() ? name : packageName + "." + name);
        if (inPackage.isPresent()) {
            return inPackage;
        }
        // On demand: a name found in two places is ambiguous, which javac reports.
        Set<TypeElement> found = new LinkedHashSet<>();
        for (String owner : imports.onDemand()) {
            type(owner + "." + name).ifPresent(found::add);
        }
        for (String owner : imports.staticOnDemand()) {
            type(owner).flatMap(t -> memberType(t, name)).ifPresent(found::add);
        }
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    /** The member type {@code name} of {@code owner}, declared or inherited. */
    Optional<TypeElement> memberType(TypeElement owner, String name) {
        for (TypeElement member : ElementFilter.typesIn(elements.getAllMembers(owner))) {
            if (member.getSimpleName().contentEquals(name)) {
                return Optional.of(member);
            }
        }
        return Optional.empty();
    }

    /** The type of canonical name {@code canonicalName}, if the compilation can see one. */
    Optional<TypeElement> type(String canonicalName) {
        return Optional.ofNullable(elements.getTypeElement(canonicalName));
    }

    /** {@code a.b.c} for a name written as identifiers and dots; empty for any other expression. */
    static Optional<String> qualifiedName(ExpressionTree tree) {
        if (tree instanceof IdentifierTree id) {
            return Optional.of(id.getName().toString());
        }
        if (tree instanceof MemberSelectTree select) {
            return qualifiedName(select.getExpression()).map(q -> q + "." + select.getIdentifier());
        }
        return Optional.empty();
    }

    /** Whether {@code e} is one of the classes the method is declared in. */
    boolean isEnclosing(Element e) {
        return enclosingClasses.contains(e);
    }
}
