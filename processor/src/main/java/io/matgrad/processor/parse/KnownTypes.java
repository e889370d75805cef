package io.matgrad.processor.parse;

import io.matgrad.annotations.Differentiable;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The types the language is made of, looked up by name in the compilation environment: the
 * runtime (with EJML) is on the user's classpath, not the processor's. Looked up anew for each
 * method, because elements must not be kept across rounds.
 */
final class KnownTypes {
    static final String MATRIX_OPS = "io.matgrad.runtime.MatrixOps";
    static final String DMATRIX = "org.ejml.data.DMatrixRMaj";
    static final String MATH = "java.lang.Math";

    private final Types types;
    /** Null when matgrad-runtime, or EJML, is not on the classpath. */
    private final TypeElement matrixOps;
    private final TypeElement dmatrix;
    private final TypeElement math;

    private KnownTypes(Types types, TypeElement matrixOps, TypeElement dmatrix, TypeElement math) {
        this.types = types;
        this.matrixOps = matrixOps;
        this.dmatrix = dmatrix;
        this.math = math;
    }

    static KnownTypes lookUp(Elements elements, Types types) {
        return new KnownTypes(
                types, elements.getTypeElement(MATRIX_OPS), elements.getTypeElement(DMATRIX), elements.getTypeElement(MATH));
    }

    /** The names of the language's classes that are missing from the classpath, in a phrase; empty if none is. */
    Optional<String> missing() {
        if (matrixOps == null && dmatrix == null) {
            return Optional.of(MATRIX_OPS + " (and EJML's " + DMATRIX + ")");
        }
        if (matrixOps == null) {
            return Optional.of(MATRIX_OPS);
        }
        return dmatrix == null ? Optional.of(DMATRIX) : Optional.empty();
    }

    boolean isMatrixOps(Element e) {
        return matrixOps != null && matrixOps.equals(e);
    }

    boolean isMath(Element e) {
        return math != null && math.equals(e);
    }

    boolean isMatrixClass(Element e) {
        return dmatrix != null && dmatrix.equals(e);
    }

    Optional<TypeElement> matrixClass() {
        return Optional.ofNullable(dmatrix);
    }

    /** The kind of a value of type {@code t}, if the language has one. */
    Optional<Kind> kindOf(TypeMirror t) {
        return switch (t.getKind()) {
            case DOUBLE -> Optional.of(Kind.DOUBLE);
            case FLOAT -> Optional.of(Kind.FLOAT);
            case LONG -> Optional.of(Kind.LONG);
            case INT, SHORT, BYTE -> Optional.of(Kind.INT);
            case DECLARED -> isMatrixClass(types.asElement(t)) ? Optional.of(Kind.MATRIX) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The Java type of values of {@code kind}, for overload resolution. */
    TypeMirror typeOf(Kind kind) {
        return switch (kind) {
            case MATRIX -> dmatrix.asType();
            case DOUBLE -> types.getPrimitiveType(TypeKind.DOUBLE);
            case FLOAT -> types.getPrimitiveType(TypeKind.FLOAT);
            case LONG -> types.getPrimitiveType(TypeKind.LONG);
            case INT -> types.getPrimitiveType(TypeKind.INT);
        };
    }

    /** The {@code @Differentiable} annotation on {@code e}, if any. */
    static Optional<AnnotationMirror> differentiable(Element e) {
        for (AnnotationMirror mirror : e.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(Differentiable.class.getCanonicalName())) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }
}
