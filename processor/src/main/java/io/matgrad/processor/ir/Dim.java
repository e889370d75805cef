package io.matgrad.processor.ir;

/**
 * One dimension of a matrix, known at compile time only symbolically: either a fixed size or one
 * axis of a matrix parameter ({@code A.numRows}). Every dimension in a differentiable function
 * comes from a parameter or is 1, so after shape inference each is one of these two; derivatives
 * with respect to a whole matrix add a third, its number of entries.
 */
public sealed interface Dim permits Dim.Fixed, Dim.Axis, Dim.Entries {

    Dim ONE = new Fixed(1);

    /** A size known at compile time. */
    record Fixed(int size) implements Dim {
        public Fixed {
            if (size < 0) {
                throw new IllegalArgumentException("negative size " + size);
            }
        }

        @Override
        public String toString() {
            return Integer.toString(size);
        }
    }

    /** The number of rows or columns of the matrix parameter {@code matrix}. */
    record Axis(String matrix, Side side) implements Dim {
        @Override
        public String toString() {
            return matrix + "." + side.field();
        }
    }

    /**
     * The number of entries of the matrix parameter {@code matrix}, {@code numRows · numCols}: the
     * length of {@code vec(matrix)}, for Jacobians and Hessians with respect to a matrix. It never
     * appears in a parsed function, only in the shapes of such derivatives.
     */
    record Entries(String matrix) implements Dim {
        @Override
        public String toString() {
            return matrix + ".numElements";
        }
    }

    /** Which axis of a matrix. */
    enum Side {
        ROWS("numRows"),
        COLS("numCols");

        private final String field;

        Side(String field) {
            this.field = field;
        }

        /** The name of the {@code DMatrixRMaj} field that holds this dimension. */
        public String field() {
            return field;
        }
    }

    static Axis rows(String matrix) {
        return new Axis(matrix, Side.ROWS);
    }

    static Axis cols(String matrix) {
        return new Axis(matrix, Side.COLS);
    }
}
