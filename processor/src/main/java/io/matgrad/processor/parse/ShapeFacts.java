package io.matgrad.processor.parse;

/** Words a {@link DimensionSolver.Conflict} for {@link io.matgrad.processor.diag.Message#SHAPE_MISMATCH}. */
final class ShapeFacts {
    private ShapeFacts() {}

    /** {@code "A.numCols is 3 (from @Shape("2 x 3") A) and x.numRows is 4 (from @Shape("4 x 1") x)"}. */
    static String describe(DimensionSolver.Conflict c) {
        return fact(c.left().toString(), c.leftFact()) + " and " + fact(c.right().toString(), c.rightFact());
    }

    /** What to do about it. */
    static String advice(DimensionSolver.Conflict c) {
        return c.involvesName()
                ? "different @Shape names are different dimensions; fix the operands, or declare one name"
                        + " where the dimensions are equal"
                : "fix the operands' shapes, e.g. swap or transpose an operand, or the @Shape declarations";
    }

    private static String fact(String dim, DimensionSolver.Fact fact) {
        String value = dim.equals(fact.value()) ? dim : dim + " is " + fact.value();
        return fact.origin().map(o -> value + " (from " + o + ")").orElse(value);
    }
}
