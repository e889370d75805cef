package io.matgrad.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.matgrad.processor.testing.Compilations.compile;
import static io.matgrad.processor.testing.Compilations.generatedSource;
import static io.matgrad.processor.testing.Compilations.models;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.matgrad.processor.testing.Classpath;
import io.matgrad.processor.testing.InMemoryClasses;
import io.matgrad.runtime.GradientCheck;
import io.matgrad.runtime.Verification;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import javax.tools.JavaFileObject;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Generated code compiles whatever the user names things (issue 16, item 8): a variable obscures
 * every class and package of its name where it is in scope (JLS 6.4.2), so a parameter or local
 * named {@code Math}, {@code org} or {@code io} would turn {@code Math.exp(x)},
 * {@code org.ejml...CommonOps_DDRM.mult(...)} and {@code io.matgrad.runtime.Arguments...} into
 * field accesses on it ("cannot find symbol"). Every derivative kind, with such names, compiles
 * and agrees with central differences ({@link GradientCheck#verifyAll}); the contract's static
 * methods and the messages keep the user's names.
 */
class ObscuringNamesTest {

    /** Parameters named for every class and package root the generated code calls, and locals too. */
    private static final String SCALAR = """
            @Differentiable(wrt = {"Math", "org", "javax"}, hessian = true)
            static double f(DMatrixRMaj Math, DMatrixRMaj org, DMatrixRMaj io, double java, DMatrixRMaj javax,
                    DMatrixRMaj CommonOps_DDRM, DMatrixRMaj Elementwise, DMatrixRMaj Arguments, DMatrixRMaj Vec,
                    DMatrixRMaj VectorVectorMult_DDRM, DMatrixRMaj Factorization, DMatrixRMaj MatrixOps) {
                DMatrixRMaj DMatrixRMaj = mult(io, Math);
                double Generated = dot(tanh(DMatrixRMaj), org);
                return java * Generated + norm(Math) + sum(exp(org)) + logSumExp(Math) + dot(javax, CommonOps_DDRM)
                        + logDet(add(Elementwise, mult(Arguments, transpose(Arguments)))) + dot(Vec, VectorVectorMult_DDRM)
                        + trace(Factorization) + normSq(MatrixOps) * normSq(javax);
            }
            """;

    /** Locals named like the classes and packages, and Jacobians (a vector function). */
    private static final String VECTOR = """
            @Differentiable(wrt = {"x", "javax"})
            static DMatrixRMaj g(DMatrixRMaj A, DMatrixRMaj x, DMatrixRMaj javax) {
                DMatrixRMaj Math = mult(A, x);
                DMatrixRMaj org = tanh(Math);
                DMatrixRMaj io = elementMult(org, javax);
                double java = sum(io);
                DMatrixRMaj CommonOps_DDRM = scale(java, org);
                DMatrixRMaj Elementwise = exp(CommonOps_DDRM);
                DMatrixRMaj DMatrixRMaj = sub(Elementwise, javax);
                return DMatrixRMaj;
            }
            """;

    @Test
    void everyDerivativeCompilesAndAgreesWithCentralDifferences() {
        Compilation c = compile(models(SCALAR, VECTOR));
        assertThat(c).succeededWithoutWarnings();
        Verification v = GradientCheck.verifyAll(new InMemoryClasses(c).load("test.Models"));
        assertThat(v.methods()).containsAtLeast("fGradMath", "fGradOrg", "fGradJavax", "fValueAndGrad",
                "fHessianMath", "fHessVecMath", "fHessianOrg", "fHessVecOrg", "fHessianJavax", "fHessVecJavax",
                "FWorkspace.value", "FWorkspace.gradMath", "FWorkspace.valueAndGrad", "FWorkspace.hessVecJavax",
                "gJacobianX", "gJacobianJavax", "GWorkspace.value", "GWorkspace.jacobianJavax");
        assertThat(v.failures()).isEmpty();
        assertThat(v.checks().size()).isGreaterThan(60);
    }

    @Test
    void theStaticMethodsKeepTheUsersNamesAndTheWorkspaceSaysWhatItRenamed() {
        Compilation c = compile(models(SCALAR));
        assertThat(c).succeededWithoutWarnings();
        String source = generatedSource(c, "test.ModelsGradients");
        assertThat(source).contains("public static DMatrixRMaj fGradMath(DMatrixRMaj Math, DMatrixRMaj org, DMatrixRMaj io,");
        assertThat(source).contains("return new FWorkspace().gradMath(Math, org, io, java, javax, CommonOps_DDRM,");
        assertThat(source).contains("new DMatrixRMaj(Math.numRows, Math.numCols));");
        // the workspace: the case of the first letter flipped, so gradMath stays gradMath
        assertThat(source).contains("public DMatrixRMaj gradMath(DMatrixRMaj math, DMatrixRMaj Org, DMatrixRMaj Io, double Java,");
        assertThat(source).contains("@param math the parameter {@code Math} of {@link Models#f}");
        assertThat(source).contains("CommonOps_DDRM.mult(Io, math, ");
        assertThat(source).contains("Arguments.requireDistinct(gradMath, math, \"f\", \"gradMath\", \"Math\");");
        // the documentation says the user's names
        assertThat(source).contains("* f(Math, org, io, java, javax, CommonOps_DDRM, Elementwise, Arguments, Vec,");
        assertThat(source).doesNotContain("f(math,");
        // no class written qualified, no variable named like one
        assertThat(source).doesNotContain("org.ejml.dense.row.CommonOps_DDRM.");
        assertThat(source).doesNotContain("java.lang.Math.");
        assertThat(source).doesNotContainMatch("DMatrixRMaj DMatrixRMaj\\b");
        assertThat(source).contains("private final DMatrixRMaj DMatrixRMaj2 = new DMatrixRMaj(0, 0);");
    }

    @Test
    void messagesNameTheUsersParameters() throws Exception {
        Compilation c = compile(models("""
                @Differentiable(wrt = "Math")
                static double f(DMatrixRMaj io, DMatrixRMaj Math) {
                    return normSq(mult(io, Math));
                }
                """));
        assertThat(c).succeededWithoutWarnings();
        Class<?> gradients = new InMemoryClasses(c).load("test.ModelsGradients");
        Method gradient = gradients.getMethod("fGradMath", DMatrixRMaj.class, DMatrixRMaj.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> invoke(gradient, new DMatrixRMaj(3, 2), new DMatrixRMaj(4, 1)));
        assertThat(e).hasMessageThat().contains("Math.numRows == io.numCols");
        assertThat(e).hasMessageThat().doesNotContain("Io");

        Object workspace = gradients.getClasses()[0].getConstructor().newInstance();
        Method into = workspace.getClass().getMethod("gradMath", DMatrixRMaj.class, DMatrixRMaj.class, DMatrixRMaj.class);
        DMatrixRMaj x = new DMatrixRMaj(2, 1);
        IllegalArgumentException aliased = assertThrows(IllegalArgumentException.class,
                () -> invokeOn(workspace, into, new DMatrixRMaj(3, 2), x, x));
        assertThat(aliased).hasMessageThat().contains("Math");
        assertThat(aliased).hasMessageThat().doesNotContain("math");
    }

    /** The user's parameter Math and math: Math keeps fGradMath, and math gets another name in workspace code. */
    @Test
    void aParameterNamedAsTheFlippedNameOfAnother() {
        Compilation c = compile(models("""
                @Differentiable(wrt = {"Math", "org"})
                static double f(DMatrixRMaj Math, DMatrixRMaj math, DMatrixRMaj org, DMatrixRMaj Org) {
                    return normSq(Math) * sum(exp(math)) + dot(org, Org);
                }
                """));
        assertThat(c).succeededWithoutWarnings();
        String source = generatedSource(c, "test.ModelsGradients");
        assertThat(source).contains("public static DMatrixRMaj fGradMath(DMatrixRMaj Math, DMatrixRMaj math, DMatrixRMaj org,");
        assertThat(source).contains("public static DMatrixRMaj fGradOrg(");
        assertThat(source).contains("gradMath(DMatrixRMaj math, DMatrixRMaj math_, DMatrixRMaj Org,");
        GradientCheck.verifyAll(new InMemoryClasses(c).load("test.Models"));
    }

    /**
     * A class of the user's named like one of the runtime's makes JavaPoet write the runtime's
     * qualified, {@code io.matgrad.runtime.Arguments}: a parameter named io must not obscure it.
     */
    @Test
    void aQualifiedNameIsNotObscuredByItsFirstPackage() {
        JavaFileObject arguments = JavaFileObjects.forSourceString("test.Arguments", """
                package test;

                import static io.matgrad.runtime.MatrixOps.*;

                import io.matgrad.annotations.Differentiable;
                import org.ejml.data.DMatrixRMaj;

                public class Arguments {
                    @Differentiable(wrt = {"io", "org"})
                    static double f(DMatrixRMaj io, DMatrixRMaj org, double java) {
                        return java * normSq(mult(org, io)) + sum(tanh(io));
                    }
                }
                """);
        Compilation c = compile(arguments);
        assertThat(c).succeededWithoutWarnings();
        assertThat(generatedSource(c, "test.ArgumentsGradients")).contains("io.matgrad.runtime.Arguments.requireDistinct(");
        GradientCheck.verifyAll(new InMemoryClasses(c).load("test.Arguments"));
    }

    /** The test {@code -Amatgrad.tests=true} writes declares the parameters as locals: they get names of their own. */
    @Test
    void theGeneratedTestCompilesAndPasses() throws Throwable {
        Compilation c = Compiler.javac()
                .withProcessors(new DifferentiableProcessor())
                .withClasspath(Classpath.current())
                .withOptions("-Amatgrad.tests=true")
                .compile(models(SCALAR, """
                        @Differentiable(wrt = {"GradientCheck", "Double"})
                        static double h(DMatrixRMaj GradientCheck, double Double, DMatrixRMaj Assumptions, DMatrixRMaj Models,
                                DMatrixRMaj ModelsGradients, DMatrixRMaj Sampler, DMatrixRMaj random, DMatrixRMaj probe) {
                            return Double * normSq(GradientCheck) + sum(Assumptions) + sum(Models) + sum(ModelsGradients)
                                    + sum(Sampler) + sum(random) + sum(probe);
                        }
                        """));
        assertThat(c).succeededWithoutWarnings();
        String test = generatedSource(c, "test.ModelsDerivativesTest");
        assertThat(test).contains("DMatrixRMaj GradientCheck_ = GradientCheck.sample(");
        assertThat(test).contains("ModelsGradients.hGradGradientCheck(GradientCheck_, Double_,");
        Class<?> generated = new InMemoryClasses(c).load("test.ModelsDerivativesTest");
        for (String name : new String[] {"fDerivatives", "hDerivatives"}) {
            Method m = generated.getDeclaredMethod(name);
            m.setAccessible(true);
            var constructor = generated.getDeclaredConstructor();
            constructor.setAccessible(true);
            invokeOn(constructor.newInstance(), m);
        }
    }

    private static Object invoke(Method m, Object... args) throws Throwable {
        return invokeOn(null, m, args);
    }

    private static Object invokeOn(Object target, Method m, Object... args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
