package io.matgrad.processor.ir;

/**
 * A static method that generated code calls, named by its class and method, never by convention:
 * {@code org.ejml.dense.row.CommonOps_DDRM.elementExp} or {@code java.lang.Math.tanh}.
 *
 * @param owner the binary name of the class, such as {@code io.matgrad.runtime.Elementwise}
 * @param method the method's name
 */
public record Routine(String owner, String method) {
    public static final String MATH = "java.lang.Math";
    public static final String COMMON_OPS = "org.ejml.dense.row.CommonOps_DDRM";
    public static final String ELEMENTWISE = "io.matgrad.runtime.Elementwise";

    /** The routine {@code method} of {@link Math}. */
    public static Routine math(String method) {
        return new Routine(MATH, method);
    }

    /** The routine {@code method} of EJML's {@code CommonOps_DDRM}. */
    public static Routine commonOps(String method) {
        return new Routine(COMMON_OPS, method);
    }

    /** The routine {@code method} of matgrad's {@code Elementwise}. */
    public static Routine elementwise(String method) {
        return new Routine(ELEMENTWISE, method);
    }

    /** The class's simple name: {@code CommonOps_DDRM}. */
    public String simpleOwner() {
        return owner.substring(owner.lastIndexOf('.') + 1);
    }

    @Override
    public String toString() {
        return simpleOwner() + "." + method;
    }
}
