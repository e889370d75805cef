package io.matgrad.processor.parse;

import java.util.Set;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/** What to write instead of a type the language does not have, for parameters, locals and results. */
final class TypeAdvice {
    private static final Set<String> NUMBERS = Set.of("int", "long", "float", "short", "byte", "char");

    private TypeAdvice() {}

    /** {@code t} as the user wrote it, without its package: {@code SimpleMatrix}, {@code DMatrixRMaj[]}. */
    static String name(TypeMirror t) {
        if (t instanceof ArrayType array) {
            return name(array.getComponentType()) + "[]";
        }
        if (t instanceof DeclaredType declared) {
            return declared.asElement().getSimpleName().toString();
        }
        return t.toString();
    }

    /** What to write instead of the type named {@code typeName} (as {@link #name} writes it). */
    static String instead(String typeName) {
        if (NUMBERS.contains(typeName)) {
            return "write double instead (Java widens " + typeName + " values to double)";
        }
        if (typeName.endsWith("[]")) {
            return "pass one DMatrixRMaj instead of an array (a vector is an n x 1 DMatrixRMaj)";
        }
        if (typeName.equals("SimpleMatrix")) {
            return "write DMatrixRMaj instead (SimpleMatrix.getDDRM() gives one)";
        }
        if (typeName.equals("void")) {
            return "return the function's value";
        }
        return "write DMatrixRMaj or double instead";
    }
}
