package io.matgrad.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matgrad.runtime.CheckedFunction.Kind;
import io.matgrad.runtime.Sampler.Constraint;
import io.matgrad.runtime.usermodels.Models;
import io.matgrad.runtime.usermodels.Wrong;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.Test;

/**
 * {@link GradientCheck#verifyAll}, on hand-written "generated" checks ({@code usermodels}): right
 * derivatives pass, wrong ones fail with a message naming the function, the method, the error and
 * the seed. (processor-tests runs it on what the processor really generates.)
 */
class VerifyAllTest {

    @Test
    void rightDerivativesPassAndEveryMethodIsChecked() {
        Verification v = GradientCheck.verifyAll(Models.class);
        assertEquals(List.of("leastSquaresGradX", "leastSquaresValueAndGrad", "leastSquaresHessianX",
                "leastSquaresHessVecX", "logDetQuadraticGradS", "logDetQuadraticGradX", "sqrtSumGradX", "scaledGradS",
                "scaledHessianS", "scaledGradX", "ScaledWorkspace.hessianX", "ScaledWorkspace.value", "affineJacobianX",
                "affineJacobianS", "AffineWorkspace.value", "sqrtOfSumGradX"), v.methods());
        assertTrue(v.failures().isEmpty());
        // three points per function, every method at each
        assertEquals(3, v.checks().stream().filter(c -> c.method().equals("leastSquaresGradX")).count());
        assertEquals(GradientCheck.DEFAULT_SEED, v.seed());
        v.checks().forEach(c -> assertTrue(c.relativeError() < 1e-5, c.toString()));
    }

    @Test
    void wrongDerivativesFailNamingTheFunctionTheMethodTheErrorAndTheSeed() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> GradientCheck.verifyAll(Wrong.class, Sampler.defaults(), 42));
        String message = e.getMessage();
        assertTrue(message.startsWith("GradientCheck.verifyAll(io.matgrad.runtime.usermodels.Wrong), seed 42: "), message);
        // the factor 2 forgotten: the relative error of g/2 against g is 1/2
        assertTrue(message.contains("leastSquares(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b): LeastSquaresWorkspace.gradX"
                + " at point 1 (A "), message);
        assertTrue(message.contains("relative error 5.000e-01 against the truth (central differences, or the method's value), not below 1.0e-05"), message);
        // accumulating into an output that arrives full of NaN
        assertTrue(message.contains("leastSquaresValueAndGrad at point 1"), message);
        assertTrue(message.contains("sumExp(DMatrixRMaj x): sumExpGradX at point 1 (x ") && message.contains(
                "modified its argument x"), message);
        assertTrue(message.contains("sumExp(DMatrixRMaj x): sumExpHessVecX at point 1"), message);
        assertTrue(message.contains("the first failure, LeastSquaresWorkspace.gradX of leastSquares("), message);
        assertTrue(message.endsWith("to draw the same points: GradientCheck.verifyAll(Wrong.class, sampler, 42L)"), message);
        // the right gradient passed: it is not among the failures
        assertTrue(!message.contains("): leastSquaresGradX at"), message);
    }

    @Test
    void aFunctionFiniteNowhereIsAFailureNotASilentPass() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> GradientCheck.verifyAll(Models.class, (p, random) -> {
                    DMatrixRMaj m = new DMatrixRMaj(p.rows(), p.cols());
                    m.fill(-1); // sqrt of a negative sum everywhere; log det of -1s is singular
                    return m;
                }));
        assertTrue(e.getMessage().contains("sqrtOfSum(DMatrixRMaj x): the annotated method: not finite (or singular) at"
                + " any of 60 drawn points; pass GradientCheck.verifyAll a Sampler"), e.getMessage());
    }

    @Test
    void aSamplerDrawingTheWrongShapeIsAFailure() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> GradientCheck.verifyAll(Models.class, (p, random) -> new DMatrixRMaj(1, 1)));
        assertTrue(e.getMessage().contains("leastSquares(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b): the sampler: threw"
                + " java.lang.IllegalArgumentException: it drew A 1x1, not the "), e.getMessage());
    }

    @Test
    void pointsOutsideTheDomainAreSkipped() {
        // √(Σx) is NaN at about half the signed draws; three points are found all the same
        Verification v = GradientCheck.verifyAll(Models.class);
        assertEquals(List.of(1, 2, 3), v.checks().stream().filter(c -> c.method().equals("sqrtOfSumGradX"))
                .map(Verification.Check::point).toList());
    }

    @Test
    void theSamplerIsAskedForSizesThatFitAndSeesTheConstraints() {
        List<Sampler.Parameter> asked = new ArrayList<>();
        Sampler recording = new Sampler() {
            @Override
            public DMatrixRMaj matrix(Parameter p, Random random) {
                asked.add(p);
                return Sampler.defaults().matrix(p, random);
            }

            @Override
            public double scalar(Parameter p, Random random) {
                asked.add(p);
                return Sampler.defaults().scalar(p, random);
            }
        };
        GradientCheck.verifyAll(Models.class, recording, 7);
        for (int i = 0; i < asked.size(); i++) {
            Sampler.Parameter p = asked.get(i);
            if (p.function().startsWith("leastSquares") && p.name().equals("A")) {
                Sampler.Parameter x = asked.get(i + 1);
                Sampler.Parameter b = asked.get(i + 2);
                assertEquals(p.cols(), x.rows(), "x.numRows == A.numCols");
                assertEquals(1, x.cols());
                assertEquals(p.rows(), b.rows());
                assertTrue(p.rows() >= 2 && p.rows() <= 5 && p.rows() != p.cols(), p.toString());
            }
            if (p.function().startsWith("logDetQuadratic") && p.name().equals("S")) {
                assertEquals(Set.of(Constraint.POSITIVE_DEFINITE), p.constraints());
                assertEquals(p.rows(), p.cols());
            }
            if (p.function().startsWith("sqrtSum")) {
                assertEquals(Set.of(Constraint.POSITIVE), p.constraints());
            }
        }
        assertTrue(asked.stream().anyMatch(p -> p.name().equals("s") && !p.matrix()));
    }

    @Test
    void aSamplerForOneParameter() {
        List<DMatrixRMaj> drawn = new ArrayList<>();
        Sampler sampler = Sampler.defaults().with("x", (p, random) -> {
            DMatrixRMaj x = Sampler.uniform(p.rows(), p.cols(), 2, 3, random);
            drawn.add(x);
            return x;
        });
        GradientCheck.verifyAll(Models.class, sampler);
        assertTrue(drawn.size() >= 18, "x of six functions, three points each");
        drawn.forEach(x -> assertTrue(MatrixFeatures_DDRM.isConstantVal(x, 2.5, 0.5), x.toString()));
    }

    @Test
    void theDefaultsDrawPositiveDefiniteAndPositiveMatricesAndBothSigns() {
        Random random = new Random(3);
        Sampler.Parameter spd = new Sampler.Parameter("f", "S", true, 4, 4, Set.of(Constraint.POSITIVE_DEFINITE), 0);
        DMatrixRMaj s = Sampler.defaults().matrix(spd, random);
        assertTrue(MatrixFeatures_DDRM.isSymmetric(s, 0));
        assertTrue(MatrixFeatures_DDRM.isPositiveDefinite(s));
        Sampler.Parameter positive = new Sampler.Parameter("f", "x", true, 5, 3, Set.of(Constraint.POSITIVE), 0);
        DMatrixRMaj x = Sampler.defaults().matrix(positive, random);
        assertTrue(MatrixFeatures_DDRM.isConstantVal(x, 1, 0.5), x.toString());
        Sampler.Parameter free = new Sampler.Parameter("f", "y", true, 6, 6, Set.of(), 0);
        DMatrixRMaj y = Sampler.defaults().matrix(free, random);
        assertTrue(MatrixFeatures_DDRM.hasUncountable(y) == false);
        assertTrue(java.util.Arrays.stream(y.data).anyMatch(d -> d < 0) && java.util.Arrays.stream(y.data).anyMatch(d -> d > 0));
        assertTrue(java.util.Arrays.stream(y.data).allMatch(d -> Math.abs(d) >= 0.25 && Math.abs(d) <= 1.25));
        DMatrixRMaj odd = Sampler.defaults().matrix(new Sampler.Parameter("f", "y", true, 6, 6, Set.of(), 1), random);
        assertTrue(MatrixFeatures_DDRM.isConstantVal(odd, 1, 0.5), "odd draws are positive");
    }

    @Test
    void aClassWithoutGeneratedChecksIsExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.verifyAll(VerifyAllTest.class));
        assertTrue(e.getMessage().contains("there is no io.matgrad.runtime.VerifyAllTestGradientsChecks, which matgrad"
                + " generates beside VerifyAllTest's Gradients class"), e.getMessage());
        class Local {}
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.verifyAll(Local.class));
    }

    @Test
    void nestedClassesAreFoundByTheGeneratedName() {
        assertEquals("io.matgrad.runtime.VerifyAllTest_NestedGradientsChecks", GeneratedChecks.nameOf(Nested.class));
        assertEquals("io.matgrad.runtime.usermodels.ModelsGradientsChecks", GeneratedChecks.nameOf(Models.class));
    }

    static final class Nested {}

    @Test
    void kindsNameWhatIsGenerated() {
        assertEquals(6, Kind.values().length);
    }
}
