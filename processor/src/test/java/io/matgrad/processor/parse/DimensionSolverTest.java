package io.matgrad.processor.parse;

import static com.google.common.truth.Truth.assertThat;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.DimRequirement;
import io.matgrad.processor.ir.Shape;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DimensionSolverTest {
    private final DimensionSolver solver = new DimensionSolver();

    @BeforeEach
    void declare() {
        solver.declareMatrix("A");
        solver.declareMatrix("x");
        solver.declareMatrix("b");
    }

    @Test
    void canonicalMemberIsTheEarliestParameterAxis() {
        solver.unify(Dim.rows("b"), Dim.cols("x"), "f(x, b)");
        solver.unify(Dim.cols("x"), Dim.cols("A"), "g(A, x)");
        assertThat(solver.canonical(Dim.rows("b"))).isEqualTo(Dim.cols("A"));
        assertThat(solver.canonical(Shape.ofParameter("b"))).isEqualTo(Shape.matrix(Dim.cols("A"), Dim.cols("b")));
        assertThat(solver.canonical(Shape.SCALAR)).isEqualTo(Shape.SCALAR);
    }

    @Test
    void rowsPrecedeColumnsOfOneParameter() {
        solver.unify(Dim.cols("A"), Dim.rows("A"), "trace(A)");
        assertThat(solver.canonical(Dim.cols("A"))).isEqualTo(Dim.rows("A"));
        assertThat(solver.requirements())
                .containsExactly(new DimRequirement(Dim.cols("A"), Dim.rows("A"), "trace(A)"));
    }

    @Test
    void aFixedSizeIsCanonical() {
        solver.unify(Dim.rows("A"), Dim.cols("x"), "f(A, x)");
        solver.unify(Dim.cols("x"), Dim.ONE, "diag(x)");
        assertThat(solver.canonical(Dim.rows("A"))).isEqualTo(Dim.ONE);
        assertThat(solver.requirements()).containsExactly(
                new DimRequirement(Dim.cols("x"), Dim.rows("A"), "f(A, x)"),
                new DimRequirement(Dim.cols("x"), Dim.ONE, "diag(x)"))
                .inOrder();
    }

    @Test
    void onlyMergesOfTwoClassesAreRequirements() {
        solver.unify(Dim.cols("A"), Dim.rows("x"), "mult(A, x)");
        solver.unify(Dim.rows("x"), Dim.cols("A"), "mult(A, x) again");
        solver.unify(Dim.rows("b"), Dim.rows("b"), "dot(b, b)");
        assertThat(solver.requirements())
                .containsExactly(new DimRequirement(Dim.rows("x"), Dim.cols("A"), "mult(A, x)"));
    }

    @Test
    void twoDifferentFixedSizesConflictAndSayWhereEachCameFrom() {
        solver.unify(Dim.rows("A"), new Dim.Fixed(2), "@Shape(\"2 x n\") A");
        solver.unify(Dim.rows("b"), Dim.cols("x"), "f(b, x)");
        solver.unify(Dim.cols("x"), new Dim.Fixed(3), "@Shape(\"k x 3\") x");
        DimensionSolver.Conflict conflict = solver.unify(Dim.rows("A"), Dim.rows("b"), "sub(A, b)").orElseThrow();
        assertThat(conflict).isEqualTo(new DimensionSolver.Conflict(
                Dim.rows("A"), new DimensionSolver.Fact("2", Optional.of("@Shape(\"2 x n\") A")),
                Dim.rows("b"), new DimensionSolver.Fact("3", Optional.of("@Shape(\"k x 3\") x"))));
        assertThat(conflict.involvesName()).isFalse();
        assertThat(ShapeFacts.describe(conflict)).isEqualTo("A.numRows is 2 (from @Shape(\"2 x n\") A) and b.numRows"
                + " is 3 (from @Shape(\"k x 3\") x)");
        // the solver is unchanged by a conflict
        assertThat(solver.canonical(Dim.rows("b"))).isEqualTo(new Dim.Fixed(3));
        assertThat(solver.requirements()).hasSize(3);
        assertThat(solver.unify(Dim.rows("A"), new Dim.Fixed(2), "again")).isEmpty();
    }

    @Test
    void aFixedSizeItselfNeedsNoOrigin() {
        solver.unify(Dim.cols("x"), new Dim.Fixed(3), "@Shape(\"k x 3\") x");
        DimensionSolver.Conflict conflict = solver.unify(Dim.cols("x"), Dim.ONE, "diag(x)").orElseThrow();
        assertThat(ShapeFacts.describe(conflict)).isEqualTo("x.numCols is 3 (from @Shape(\"k x 3\") x) and 1");
    }

    @Test
    void aSharedNameIsOneDimension() {
        assertThat(solver.declareName(Dim.cols("A"), "n", "@Shape(\"m x n\") A")).isEmpty();
        assertThat(solver.declareName(Dim.rows("x"), "n", "@Shape(\"n x 1\") x")).isEmpty();
        assertThat(solver.canonical(Dim.rows("x"))).isEqualTo(Dim.cols("A"));
        assertThat(solver.requirements())
                .containsExactly(new DimRequirement(Dim.rows("x"), Dim.cols("A"), "@Shape(\"n x 1\") x"));
    }

    @Test
    void differentNamesAreDifferentDimensions() {
        solver.declareName(Dim.rows("A"), "m", "@Shape(\"m x n\") A");
        solver.declareName(Dim.cols("A"), "n", "@Shape(\"m x n\") A");
        solver.unify(Dim.rows("x"), Dim.cols("A"), "mult(A, x)");
        DimensionSolver.Conflict conflict = solver.unify(Dim.rows("A"), Dim.rows("x"), "add(A, x)").orElseThrow();
        assertThat(conflict.involvesName()).isTrue();
        assertThat(ShapeFacts.describe(conflict)).isEqualTo("A.numRows is m (from @Shape(\"m x n\") A) and x.numRows"
                + " is n (from @Shape(\"m x n\") A)");
    }

    @Test
    void aNameIsNoFixedSize() {
        solver.declareName(Dim.cols("x"), "k", "@Shape(\"n x k\") x");
        DimensionSolver.Conflict conflict = solver.unify(Dim.cols("x"), Dim.ONE, "return x").orElseThrow();
        assertThat(ShapeFacts.describe(conflict)).isEqualTo("x.numCols is k (from @Shape(\"n x k\") x) and 1");
        assertThat(conflict.involvesName()).isTrue();
    }
}
