package io.matgrad.processor.emit;

import com.palantir.javapoet.ClassName;

/** The classes generated code refers to: EJML's, and matgrad's runtime. */
final class Types {
    private Types() {}

    static final ClassName MATRIX = ClassName.get("org.ejml.data", "DMatrixRMaj");
    static final ClassName COMMON_OPS = ClassName.get("org.ejml.dense.row", "CommonOps_DDRM");
    static final ClassName VECTOR_OPS = ClassName.get("org.ejml.dense.row.mult", "VectorVectorMult_DDRM");

    static final ClassName MATRIX_OPS = ClassName.get("io.matgrad.runtime", "MatrixOps");
    static final ClassName ELEMENTWISE = ClassName.get("io.matgrad.runtime", "Elementwise");
    static final ClassName ARGUMENTS = ClassName.get("io.matgrad.runtime", "Arguments");
    static final ClassName VEC = ClassName.get("io.matgrad.runtime", "Vec");
    static final ClassName KRON = ClassName.get("io.matgrad.runtime", "Kron");
    static final ClassName FACTORIZATION = ClassName.get("io.matgrad.runtime", "Factorization");

    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
}
