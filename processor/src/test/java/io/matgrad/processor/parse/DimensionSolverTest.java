package io.matgrad.processor.parse;

import static com.google.common.truth.Truth.assertThat;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.DimRequirement;
import io.matgrad.processor.ir.Shape;
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
    void twoDifferentFixedSizesConflict() {
        solver.unify(Dim.rows("A"), new Dim.Fixed(2), "declared");
        solver.unify(Dim.rows("b"), new Dim.Fixed(3), "declared");
        DimensionSolver.Conflict conflict = solver.unify(Dim.rows("A"), Dim.rows("b"), "sub(A, b)").orElseThrow();
        assertThat(conflict).isEqualTo(
                new DimensionSolver.Conflict(Dim.rows("A"), new Dim.Fixed(2), Dim.rows("b"), new Dim.Fixed(3)));
        assertThat(solver.canonical(Dim.rows("b"))).isEqualTo(new Dim.Fixed(3));
        assertThat(solver.requirements()).hasSize(2);
        assertThat(solver.unify(Dim.rows("A"), new Dim.Fixed(2), "again")).isEmpty();
    }
}
