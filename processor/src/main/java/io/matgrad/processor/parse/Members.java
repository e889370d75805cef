package io.matgrad.processor.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Finds the fields and methods a simple name denotes in the method's scope, as Java does (JLS
 * 6.4.1, 15.12.1): members of the innermost enclosing class that has a member of that name shadow
 * single-static imports, which shadow static imports on demand. A user method named {@code mult}
 * therefore hides {@code MatrixOps.mult}, as it does in javac.
 */
final class Members {
    private final Elements elements;
    private final TypeNames typeNames;
    private final Imports imports;
    /** Innermost first. */
    private final List<TypeElement> enclosingClasses;

    Members(Elements elements, TypeNames typeNames, Imports imports, List<TypeElement> enclosingClasses) {
        this.elements = elements;
        this.typeNames = typeNames;
        this.imports = imports;
        this.enclosingClasses = enclosingClasses;
    }

    /** The methods an unqualified call {@code name(...)} chooses among; empty if the name is unknown. */
    List<ExecutableElement> methods(String name) {
        return inScope(name, (type, staticOnly) -> methods(type, name, staticOnly));
    }

    /** The field a simple name {@code name} denotes; empty if none, or if it is ambiguous. */
    Optional<VariableElement> field(String name) {
        List<VariableElement> found = inScope(name, (type, staticOnly) -> field(type, name, staticOnly).stream().toList());
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** The methods named {@code name} of {@code type}, declared or inherited. */
    List<ExecutableElement> methods(TypeElement type, String name, boolean staticOnly) {
        List<ExecutableElement> found = new ArrayList<>();
        for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            if (m.getSimpleName().contentEquals(name) && (!staticOnly || isStatic(m))) {
                found.add(m);
            }
        }
        return found;
    }

    /** The field named {@code name} of {@code type}, declared or inherited. */
    Optional<VariableElement> field(TypeElement type, String name, boolean staticOnly) {
        for (VariableElement f : ElementFilter.fieldsIn(elements.getAllMembers(type))) {
            if (f.getSimpleName().contentEquals(name) && (!staticOnly || isStatic(f))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The members named {@code name} at the first scope level that has any: the innermost enclosing
     * class, then single-static imports, then static imports on demand.
     */
    private <T extends Element> List<T> inScope(String name, BiFunction<TypeElement, Boolean, List<T>> lookup) {
        for (TypeElement c : enclosingClasses) {
            List<T> found = lookup.apply(c, false);
            if (!found.isEmpty()) {
                return found;
            }
        }
        Set<T> found = new LinkedHashSet<>();
        for (Imports.StaticImport i : imports.singleStatic()) {
            if (i.member().equals(name)) {
                typeNames.type(i.type()).ifPresent(t -> found.addAll(lookup.apply(t, true)));
            }
        }
        if (!found.isEmpty()) {
            return List.copyOf(found);
        }
        for (String owner : imports.staticOnDemand()) {
            typeNames.type(owner).ifPresent(t -> found.addAll(lookup.apply(t, true)));
        }
        return List.copyOf(found);
    }

    static boolean isStatic(Element e) {
        return e.getModifiers().contains(Modifier.STATIC);
    }
}
