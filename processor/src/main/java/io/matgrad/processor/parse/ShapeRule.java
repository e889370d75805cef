package io.matgrad.processor.parse;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Shape;
import java.util.List;

/** How the dimensions of a function's matrix operands must agree. */
enum ShapeRule {
    NONE,
    /** {@code add}, {@code sub}, {@code elementMult}, {@code elementDiv}, {@code dot}. */
    SAME_SHAPE,
    /** {@code mult(A, B)}: the columns of A are the rows of B. */
    MULTIPLIABLE,
    /** {@code inv}, {@code trace}, {@code det}, {@code logDet}. */
    SQUARE,
    /** {@code solve(A, B)}: A square, with as many rows as B. */
    SOLVABLE,
    /** {@code diag(v)}: v has one column. */
    COLUMN_VECTOR;

    /** Two dimensions that must be equal. */
    record Equality(Dim left, Dim right) {}

    /** The dimension equalities that operands of shapes {@code operands} must satisfy. */
    List<Equality> equalities(List<Shape> operands) {
        return switch (this) {
            case NONE -> List.of();
            case SAME_SHAPE -> List.of(
                    new Equality(operands.get(0).rows(), operands.get(1).rows()),
                    new Equality(operands.get(0).cols(), operands.get(1).cols()));
            case MULTIPLIABLE -> List.of(new Equality(operands.get(0).cols(), operands.get(1).rows()));
            case SQUARE -> List.of(new Equality(operands.get(0).rows(), operands.get(0).cols()));
            case SOLVABLE -> List.of(
                    new Equality(operands.get(0).rows(), operands.get(0).cols()),
                    new Equality(operands.get(0).rows(), operands.get(1).rows()));
            case COLUMN_VECTOR -> List.of(new Equality(operands.get(0).cols(), Dim.ONE));
        };
    }
}
