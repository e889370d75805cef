package io.matgrad.processor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Chooses the method a call invokes from its candidates and the kinds of its arguments, as Java's
 * overload resolution does for the types the language has (JLS 15.12.2): the applicable methods,
 * then the most specific. With {@code import static MatrixOps.*} and {@code import static Math.*}
 * both present, {@code exp(x)} is {@code Math.exp} for a double {@code x} and {@code MatrixOps.exp}
 * for a matrix. Parameter types are compared by erasure, which is exact for the language's
 * non-generic types and good enough to tell that some other method is called.
 */
final class Overloads {
    private final Types types;
    private final KnownTypes known;

    Overloads(Types types, KnownTypes known) {
        this.types = types;
        this.known = known;
    }

    /** The method invoked; empty if none is applicable or several are equally specific (javac's errors). */
    Optional<ExecutableElement> select(List<ExecutableElement> candidates, List<Kind> arguments) {
        List<TypeMirror> argumentTypes = arguments.stream().map(known::typeOf).toList();
        List<ExecutableElement> applicable = new ArrayList<>();
        for (ExecutableElement m : candidates) {
            if (isApplicable(m, argumentTypes)) {
                applicable.add(m);
            }
        }
        List<ExecutableElement> mostSpecific = new ArrayList<>();
        for (ExecutableElement m : applicable) {
            if (applicable.stream().allMatch(other -> other == m || isMoreSpecific(m, other))) {
                mostSpecific.add(m);
            }
        }
        return mostSpecific.size() == 1 ? Optional.of(mostSpecific.get(0)) : Optional.empty();
    }

    /** Whether {@code m} takes {@code count} arguments, as a variable arity method may. */
    static boolean acceptsCount(ExecutableElement m, int count) {
        int n = m.getParameters().size();
        return count == n || (m.isVarArgs() && count >= n - 1);
    }

    private boolean isApplicable(ExecutableElement m, List<TypeMirror> arguments) {
        List<TypeMirror> parameters = parameterTypes(m);
        int n = parameters.size();
        if (arguments.size() == n && accepts(parameters, arguments, n)) {
            return true;
        }
        if (!m.isVarArgs() || arguments.size() < n - 1 || !accepts(parameters, arguments, n - 1)) {
            return false;
        }
        TypeMirror element = ((ArrayType) parameters.get(n - 1)).getComponentType();
        return arguments.subList(n - 1, arguments.size()).stream().allMatch(a -> types.isAssignable(a, element));
    }

    private boolean accepts(List<TypeMirror> parameters, List<TypeMirror> arguments, int count) {
        for (int i = 0; i < count; i++) {
            if (!types.isAssignable(arguments.get(i), parameters.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether every parameter of {@code m} fits the corresponding parameter of {@code other}. */
    private boolean isMoreSpecific(ExecutableElement m, ExecutableElement other) {
        List<TypeMirror> mine = parameterTypes(m);
        List<TypeMirror> theirs = parameterTypes(other);
        return mine.size() == theirs.size() && accepts(theirs, mine, mine.size());
    }

    private List<TypeMirror> parameterTypes(ExecutableElement m) {
        return m.getParameters().stream().map(p -> types.erasure(p.asType())).toList();
    }
}
