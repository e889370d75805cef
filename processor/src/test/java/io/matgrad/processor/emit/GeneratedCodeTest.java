package io.matgrad.processor.emit;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.matgrad.processor.testing.IrFunctions.randomInputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import io.matgrad.processor.Pipeline;
import io.matgrad.processor.ir.GeneratedNames;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Function;
import io.matgrad.processor.testing.Classpath;
import io.matgrad.processor.testing.Evaluator;
import io.matgrad.processor.testing.InMemoryClasses;
import io.matgrad.processor.testing.IrFunctions;
import io.matgrad.runtime.GradientCheck;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The code {@code emit} writes, compiled and run: for each IR fixture function, the generated
 * gradients against finite differences of the reference interpreter, value-and-gradient against
 * value and gradient, and inputs left unmodified.
 */
class GeneratedCodeTest {
    private static final ClassName MODELS = ClassName.get("test", "Models");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.matgrad.processor.testing.IrFunctions#functions")
    void generatedGradientsAreExact(String name, Expr body, List<Expr.Variable> wrt) throws Exception {
        Function f = new Function("f", IrFunctions.ALL, List.of(), body, List.of(), wrt, false);
        JavaFile file = GradientsWriter.file(MODELS,
                GradientsWriter.type(MODELS, List.of(Pipeline.generate(f, MODELS, GeneratedNames.workspace(f.name()))), "test").build());
        Compilation compilation = Compiler.javac().withClasspath(Classpath.current()).compile(file.toJavaFileObject());
        assertThat(compilation).succeededWithoutWarnings();
        if (System.getenv("MATGRAD_PRINT") != null) {
            System.out.println(file);
        }
        Class<?> gradients = new InMemoryClasses(compilation).load("test.ModelsGradients");

        for (long seed = 1; seed <= 3; seed++) {
            Map<String, Object> inputs = randomInputs(new Random(seed));
            Object[] arguments = IrFunctions.ALL.stream().map(v -> copy(inputs.get(v.name()))).toArray();
            List<DMatrixRMaj> matrixGradients = new ArrayList<>();
            for (Expr.Variable v : wrt) {
                Method grad = find(gradients, "fGrad" + GeneratedNames.capitalize(v.name()));
                Object gradient = grad.invoke(null, arguments);
                assertUnmodified(inputs, arguments, name);
                if (v.shape().isScalar()) {
                    double numeric = GradientCheck.numericalDerivative(
                            t -> Evaluator.scalar(body, with(inputs, v.name(), t)), (Double) inputs.get(v.name()));
                    double error = GradientCheck.relativeError(numeric, (Double) gradient);
                    assertTrue(error < 1e-6, name + ": ∂f/∂" + v.name() + " off by " + error + "\n" + file);
                } else {
                    GradientCheck.check(m -> Evaluator.scalar(body, with(inputs, v.name(), m)), (DMatrixRMaj) gradient,
                            (DMatrixRMaj) inputs.get(v.name())).requireBelow(1e-6);
                    matrixGradients.add((DMatrixRMaj) gradient);
                }
            }
            if (!matrixGradients.isEmpty()) {
                Method valueAndGrad = find(gradients, "fValueAndGrad");
                List<Object> withOutputs = new ArrayList<>(List.of(arguments));
                List<DMatrixRMaj> outputs = new ArrayList<>();
                for (int i = 0; i < matrixGradients.size(); i++) {
                    DMatrixRMaj out = new DMatrixRMaj(1, 1); // wrong shape on purpose: it must be reshaped
                    outputs.add(out);
                    withOutputs.add(out);
                }
                double value = (Double) valueAndGrad.invoke(null, withOutputs.toArray());
                assertUnmodified(inputs, arguments, name);
                double expected = Evaluator.scalar(body, inputs);
                assertEquals(expected, value, 1e-12 * Math.max(1, Math.abs(expected)), name + " value");
                for (int i = 0; i < outputs.size(); i++) {
                    assertTrue(MatrixFeatures_DDRM.isIdentical(matrixGradients.get(i), outputs.get(i), 1e-12),
                            name + ": value-and-gradient's gradient " + i + " differs from the gradient's");
                }
            }
        }
    }

    private static Method find(Class<?> type, String name) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no method " + name + " in " + type);
    }

    private static Object copy(Object value) {
        return value instanceof DMatrixRMaj m ? m.copy() : value;
    }

    private static void assertUnmodified(Map<String, Object> inputs, Object[] arguments, String name) {
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof DMatrixRMaj m) {
                assertTrue(MatrixFeatures_DDRM.isIdentical((DMatrixRMaj) inputs.get(IrFunctions.ALL.get(i).name()), m, 0),
                        name + ": the generated code modified its input " + IrFunctions.ALL.get(i).name());
            }
        }
    }

    private static Map<String, Object> with(Map<String, Object> inputs, String name, Object value) {
        Map<String, Object> changed = new HashMap<>(inputs);
        changed.put(name, value);
        return changed;
    }
}
