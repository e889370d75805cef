package io.matgrad.processor.ir;

import java.util.Objects;

/**
 * The type of an expression: a {@code double}, or a matrix with symbolic dimensions. A 1 x 1 matrix
 * is a matrix, not a scalar: Java keeps the two apart and so do we.
 */
public record Shape(boolean isScalar, Dim rows, Dim cols) {

    public static final Shape SCALAR = new Shape(true, Dim.ONE, Dim.ONE);

    public Shape {
        Objects.requireNonNull(rows);
        Objects.requireNonNull(cols);
        if (isScalar && (!rows.equals(Dim.ONE) || !cols.equals(Dim.ONE))) {
            throw new IllegalArgumentException("a scalar is 1 x 1");
        }
    }

    public static Shape matrix(Dim rows, Dim cols) {
        return new Shape(false, rows, cols);
    }

    /** The shape of the matrix parameter {@code name}: {@code name.numRows x name.numCols}. */
    public static Shape ofParameter(String name) {
        return matrix(Dim.rows(name), Dim.cols(name));
    }

    public boolean isMatrix() {
        return !isScalar;
    }

    /** A matrix with one column. */
    public boolean isColumnVector() {
        return isMatrix() && cols.equals(Dim.ONE);
    }

    /**
     * One row or one column, statically; a double too (it is 1 x 1): its entries, in storage order,
     * are its vec.
     */
    public boolean isVector() {
        return rows.equals(Dim.ONE) || cols.equals(Dim.ONE);
    }

    public boolean isSquare() {
        return isMatrix() && rows.equals(cols);
    }

    /** This shape with each dimension replaced by {@code map}'s image. */
    public Shape map(java.util.function.UnaryOperator<Dim> map) {
        return isScalar ? this : matrix(rows.map(map), cols.map(map));
    }

    public Shape transpose() {
        return isScalar ? this : matrix(cols, rows);
    }

    @Override
    public String toString() {
        return isScalar ? "double" : rows + " x " + cols;
    }
}
