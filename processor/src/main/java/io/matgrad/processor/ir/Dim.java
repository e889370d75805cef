package io.matgrad.processor.ir;

/**
 * One dimension of a matrix, known at compile time only symbolically: either a fixed size or one
 * axis of a matrix parameter ({@code A.numRows}). Every dimension in a differentiable function
 * comes from a parameter or is 1, so after shape inference each is one of these two; derivatives
 * with respect to a whole matrix add a third, its number of entries.
 */
public sealed interface Dim permits Dim.Fixed, Dim.Axis, Dim.Entries, Dim.Sum, Dim.Product {

    Dim ONE = new Fixed(1);

    /**
     * Whether this dimension is computed from others: the rows of {@code concatRows(A, B)},
     * {@code A.numRows + B.numRows}, or of {@code kron(A, B)}, {@code A.numRows * B.numRows}.
     */
    default boolean isComposite() {
        return this instanceof Sum || this instanceof Product;
    }

    /** This dimension with every dimension it is made of replaced by {@code map}'s image (folded). */
    default Dim map(java.util.function.UnaryOperator<Dim> map) {
        if (this instanceof Sum s) {
            return sum(s.left().map(map), s.right().map(map));
        }
        if (this instanceof Product p) {
            return product(p.left().map(map), p.right().map(map));
        }
        return map.apply(this);
    }

    /** The matrices whose dimensions this one is (made of), by name. */
    default java.util.Set<String> matrices() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        map(d -> {
            if (d instanceof Axis a) {
                names.add(a.matrix());
            } else if (d instanceof Entries e) {
                names.add(e.matrix());
            }
            return d;
        });
        return names;
    }

    /**
     * {@code a + b} in a canonical form, so that equal sums are equal dimensions whatever the order
     * they were formed in ({@code A.numRows + B.numRows} of one concatenation and
     * {@code B.numRows + A.numRows} of another): the terms other than sizes in a fixed order, nested
     * to the left, then the sizes added into one; 0 is dropped.
     */
    static Dim sum(Dim a, Dim b) {
        java.util.List<Dim> terms = new java.util.ArrayList<>();
        int size = terms(a, terms) + terms(b, terms);
        terms.sort(java.util.Comparator.comparing(Dim::toString));
        Dim sum = null;
        for (Dim t : terms) {
            sum = sum == null ? t : new Sum(sum, t);
        }
        if (sum == null) {
            return new Fixed(size);
        }
        return size == 0 ? sum : new Sum(sum, new Fixed(size));
    }

    /** Adds the terms of {@code d} that are not sizes to {@code terms}; returns the sum of its sizes. */
    private static int terms(Dim d, java.util.List<Dim> terms) {
        if (d instanceof Sum s) {
            return terms(s.left(), terms) + terms(s.right(), terms);
        }
        if (d instanceof Fixed f) {
            return f.size();
        }
        terms.add(d);
        return 0;
    }

    /**
     * {@code a · b} in a canonical form, so that equal products are equal dimensions whatever the
     * order they were formed in ({@code p·q} of a Jacobian's rows and {@code q·p} of a Kronecker
     * product): the sizes multiplied into one, first, then the other factors in a fixed order,
     * nested to the left; 1 is dropped.
     */
    static Dim product(Dim a, Dim b) {
        java.util.List<Dim> factors = new java.util.ArrayList<>();
        int size = factors(a, factors) * factors(b, factors);
        factors.sort(java.util.Comparator.comparing(Dim::toString));
        if (size == 0) {
            return new Fixed(0);
        }
        Dim product = size == 1 && !factors.isEmpty() ? null : new Fixed(size);
        for (Dim f : factors) {
            product = product == null ? f : new Product(product, f);
        }
        return product;
    }

    /** Adds the factors of {@code d} that are not sizes to {@code factors}; returns the product of its sizes. */
    private static int factors(Dim d, java.util.List<Dim> factors) {
        if (d instanceof Product p) {
            return factors(p.left(), factors) * factors(p.right(), factors);
        }
        if (d instanceof Fixed f) {
            return f.size();
        }
        factors.add(d);
        return 1;
    }

    /** {@code left + right}: the rows of a matrix stacked on another. */
    record Sum(Dim left, Dim right) implements Dim {
        @Override
        public String toString() {
            return left + " + " + right;
        }
    }

    /** {@code left · right}: the rows of a Kronecker product. */
    record Product(Dim left, Dim right) implements Dim {
        @Override
        public String toString() {
            return (left instanceof Sum ? "(" + left + ")" : left) + " * " + (right instanceof Sum ? "(" + right + ")" : right);
        }
    }

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
