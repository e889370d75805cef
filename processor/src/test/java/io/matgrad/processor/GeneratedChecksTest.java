package io.matgrad.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.matgrad.processor.testing.Compilations.compile;
import static io.matgrad.processor.testing.Compilations.generatedSource;
import static io.matgrad.processor.testing.Compilations.models;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.matgrad.processor.testing.InMemoryClasses;
import io.matgrad.runtime.GradientCheck;
import io.matgrad.runtime.Verification;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code CGradientsChecks}, what {@code GradientCheck.verifyAll(C.class)} reads: written beside
 * every {@code CGradients}, compiling whatever the user named things, describing every generated
 * method; and verifyAll, run on the compiled classes, passes.
 */
class GeneratedChecksTest {

    @Test
    void describesEveryGeneratedMethodAndTheDomains() {
        Compilation c = compile(models("""
                @Differentiable(wrt = {"x", "s", "T"}, hessian = true)
                static double f(DMatrixRMaj A, DMatrixRMaj x, double s, @Shape("n x n") DMatrixRMaj T) {
                    return s * normSq(mult(A, x)) + logDet(T) + sum(log(A)) + Math.sqrt(s);
                }

                @Differentiable(wrt = "x")
                static DMatrixRMaj g(DMatrixRMaj A, DMatrixRMaj x) {
                    return mult(inv(transpose(A)), x);
                }

                @Differentiable
                private static double hidden(DMatrixRMaj x) {
                    return sum(x);
                }
                """));
        assertThat(c).succeededWithoutWarnings();
        String checks = generatedSource(c, "test.ModelsGradientsChecks");
        assertThat(checks).contains("public final class ModelsGradientsChecks implements CheckedFunctions,"
                + " CheckedFunction.Calls {");
        assertThat(checks).contains("CheckedFunction.Builder b = CheckedFunction.builder(\"f(DMatrixRMaj A, DMatrixRMaj x,"
                + " double s, DMatrixRMaj T)\", this, 0);\n"
                + "        b.matrix(\"A\", \"A.numRows\", \"A.numCols\", Sampler.Constraint.POSITIVE);\n"
                + "        b.matrix(\"x\", \"A.numCols\", \"x.numCols\");\n"
                + "        b.scalar(\"s\", Sampler.Constraint.POSITIVE);\n"
                + "        b.matrix(\"T\", \"T.numRows\", \"T.numRows\", Sampler.Constraint.POSITIVE_DEFINITE);\n"
                + "        b.scalarValue(0);\n"
                + "        b.matrixDerivative(CheckedFunction.Kind.GRADIENT, \"fGradX\", 1, \"x\");\n");
        assertThat(checks).contains("case 0: return Models.f(p.matrix(0), p.matrix(1), p.scalar(2), p.matrix(3));");
        assertThat(checks).contains("case 1: return ModelsGradients.fGradX(p.matrix(0), p.matrix(1), p.scalar(2), p.matrix(3));");
        for (String method : new String[] {"fGradS", "fGradT", "fValueAndGrad", "fHessianX", "fHessVecX", "fHessianS",
                "fHessianT", "fHessVecT", "FWorkspace.value", "FWorkspace.gradX", "FWorkspace.valueAndGrad",
                "FWorkspace.hessVecT"}) {
            assertThat(checks).contains("\"" + method + "\"");
        }
        assertThat(checks).contains("b.scalarDerivative(CheckedFunction.Kind.VALUE_AND_GRADIENT, \"fValueAndGrad\", 4, \"x\", \"T\");");
        assertThat(checks).contains("case 4: return ModelsGradients.fValueAndGrad(p.matrix(0), p.matrix(1), p.scalar(2),"
                + " p.matrix(3), p.output(0), p.output(1));");
        assertThat(checks).contains("case 16: return workspace0.hessVecX(p.matrix(0), p.matrix(1), p.scalar(2), p.matrix(3),"
                + " p.direction(), p.output(0));");
        // inv(transpose(A)): A is inverted
        assertThat(checks).contains("b.matrix(\"A\", \"A.numRows\", \"A.numRows\", Sampler.Constraint.POSITIVE_DEFINITE);");
        assertThat(checks).contains("case 0: return Models.g(p.matrix(0), p.matrix(1));");
        assertThat(checks).contains("\"gJacobianX\"");
        // the generated class cannot call a private method
        assertThat(checks).doesNotContain("hidden");
    }

    @Test
    void verifyAllPassesOnWhatTheProcessorGenerated() throws Exception {
        Compilation c = compile(models("""
                @Differentiable(wrt = {"x", "s", "T"}, hessian = true)
                static double f(DMatrixRMaj A, DMatrixRMaj x, double s, DMatrixRMaj T) {
                    return s * normSq(mult(A, x)) + logDet(T) + sum(log(A)) + Math.sqrt(s) + dot(x, solve(T, x));
                }

                @Differentiable(wrt = {"x", "A"})
                static DMatrixRMaj residuals(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj b) {
                    return sub(tanh(mult(A, x)), b);
                }
                """));
        assertThat(c).succeededWithoutWarnings();
        Verification v = GradientCheck.verifyAll(new InMemoryClasses(c).load("test.Models"));
        assertThat(v.methods()).containsAtLeast("fGradX", "fGradS", "fGradT", "fValueAndGrad", "fHessianX", "fHessVecX",
                "fHessianS", "fHessianT", "fHessVecT", "residualsJacobianX", "residualsJacobianA", "FWorkspace.value",
                "FWorkspace.gradS", "FWorkspace.valueAndGrad", "FWorkspace.hessianS", "ResidualsWorkspace.value",
                "ResidualsWorkspace.jacobianA");
        assertThat(v.checks().size()).isGreaterThan(60);
    }

    @Test
    void overloadsNamesDifferingInCaseAndMembersOfRecordsAreChecked() throws Exception {
        JavaFileObject source = JavaFileObjects.forSourceString("test.Overloads", """
                package test;

                import static io.matgrad.runtime.MatrixOps.*;

                import io.matgrad.annotations.Differentiable;
                import org.ejml.data.DMatrixRMaj;

                public class Overloads {
                    @Differentiable
                    static double f(DMatrixRMaj x) {
                        return normSq(x);
                    }

                    @Differentiable
                    static double f(DMatrixRMaj x, double s) {
                        return s * sum(exp(x));
                    }

                    @Differentiable
                    static double F(DMatrixRMaj x) {
                        return sum(tanh(x));
                    }

                    // named like what the generated checks declare
                    @Differentiable
                    static double function0(DMatrixRMaj workspace, DMatrixRMaj p) {
                        return dot(workspace, p);
                    }

                    record Point(double unused) {
                        @Differentiable(hessian = true)
                        static double inRecord(DMatrixRMaj x) {
                            return logSumExp(x);
                        }
                    }
                }
                """);
        Compilation c = compile(source);
        assertThat(c).succeededWithoutWarnings();
        InMemoryClasses classes = new InMemoryClasses(c);
        Verification v = GradientCheck.verifyAll(classes.load("test.Overloads"));
        assertThat(v.methods()).containsAtLeast("FWorkspace.gradX", "FWorkspace2.gradX", "FWorkspace3.gradX",
                "Function0Workspace.gradWorkspace");
        assertThat(v.checks().stream().map(Verification.Check::function).distinct().toList()).containsExactly(
                "f(DMatrixRMaj x)", "f(DMatrixRMaj x, double s)", "F(DMatrixRMaj x)",
                "function0(DMatrixRMaj workspace, DMatrixRMaj p)");
        Verification record = GradientCheck.verifyAll(classes.load("test.Overloads$Point"));
        assertThat(record.methods()).containsAtLeast("inRecordGradX", "inRecordHessianX", "inRecordHessVecX");
    }

    @Test
    void classesNamedLikeTheRuntimesTypesStillCompile() {
        JavaFileObject list = JavaFileObjects.forSourceString("test.List", """
                package test;

                import static io.matgrad.runtime.MatrixOps.*;

                import io.matgrad.annotations.Differentiable;
                import org.ejml.data.DMatrixRMaj;

                public class List {
                    @Differentiable
                    static double f(DMatrixRMaj x) {
                        return normSq(x);
                    }
                }
                """);
        JavaFileObject sampler = JavaFileObjects.forSourceString("test.Sampler", """
                package test;

                import static io.matgrad.runtime.MatrixOps.*;

                import io.matgrad.annotations.Differentiable;
                import org.ejml.data.DMatrixRMaj;

                public class Sampler {
                    @Differentiable
                    static double f(DMatrixRMaj x) {
                        return sum(log(x));
                    }
                }
                """);
        Compilation c = compile(list, sampler);
        assertThat(c).succeededWithoutWarnings();
        InMemoryClasses classes = new InMemoryClasses(c);
        GradientCheck.verifyAll(classes.load("test.List"));
        GradientCheck.verifyAll(classes.load("test.Sampler"));
    }

    @Test
    void aClassWhoseMethodsAreAllPrivateHasNothingToCheck() {
        Compilation c = compile(models("""
                @Differentiable
                private static double hidden(DMatrixRMaj x) {
                    return sum(x);
                }
                """));
        assertThat(c).succeededWithoutWarnings();
        AssertionError e = assertThrows(AssertionError.class,
                () -> GradientCheck.verifyAll(new InMemoryClasses(c).load("test.Models")));
        assertThat(e).hasMessageThat().contains("no @Differentiable method to check (private methods");
    }
}
