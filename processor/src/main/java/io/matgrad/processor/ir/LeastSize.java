package io.matgrad.processor.ir;

/**
 * A least size the function's body needs of a dimension at run time, such as
 * {@code A.numRows >= 3} for {@code extract(A, 0, 3, 0, 1)} or {@code A.get(2, 0)}: the operators'
 * {@link Op#leastSizes}, where the dimension is not known at compile time. The generated methods
 * check each one on entry.
 *
 * @param origin the source text of the expression that needs it, for the error message
 */
public record LeastSize(Dim dim, int size, String origin) {}
