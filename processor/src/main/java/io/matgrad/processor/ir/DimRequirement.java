package io.matgrad.processor.ir;

/**
 * A dimension equality the function's body needs at run time, such as {@code x.numRows == A.numCols}
 * for {@code mult(A, x)}. The generated methods check each one on entry.
 *
 * @param origin the source text of the expression that needs it, for the error message
 */
public record DimRequirement(Dim.Axis dim, Dim equals, String origin) {}
