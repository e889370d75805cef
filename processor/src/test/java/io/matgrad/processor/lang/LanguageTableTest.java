package io.matgrad.processor.lang;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.matgrad.processor.ir.Domain;
import io.matgrad.processor.ir.Op;
import io.matgrad.processor.ir.Routine;
import io.matgrad.runtime.MatrixOps;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The operator table against what stands outside the processor: the run-time library it names
 * (every routine exists and computes what the entry folds constants to), {@code MatrixOps} (the same
 * functions, no more, no fewer) and the README's table of the language.
 */
class LanguageTableTest {
    /** Arguments in every entry's domain: positive, away from 0 and from overflow. */
    private static final double[] POINTS = {0.3, 0.9, 1.7, 4.2};
    private static final double[] ANYWHERE = {-3.1, -0.7, 0.0, 0.4, 2.5};

    @Test
    void everyFunctionOfMatrixOpsIsInTheTableAndNoOther() {
        Set<String> runtime = new TreeSet<>();
        for (Method m : MatrixOps.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) {
                runtime.add(signature(m.getName(), Arrays.stream(m.getParameterTypes())
                        .map(t -> t == double.class ? Language.Type.DOUBLE
                                : t == int.class ? Language.Type.INT : Language.Type.MATRIX).toList()));
            }
        }
        Set<String> table = new TreeSet<>();
        for (Language.Function f : Language.all()) {
            if (f.library() == Language.Library.MATRIX_OPS) {
                table.add(signature(f.name(), f.parameters()));
            }
        }
        assertThat(runtime).isEqualTo(table);
    }

    @Test
    void everyMathFunctionOfTheTableExists() throws ReflectiveOperationException {
        for (Language.Function f : Language.all()) {
            if (f.library() == Language.Library.MATH) {
                Class<?>[] doubles = new Class<?>[f.parameters().size()];
                Arrays.fill(doubles, double.class);
                assertThat(Math.class.getMethod(f.name(), doubles).getReturnType()).isEqualTo(double.class);
            }
        }
    }

    /** The README lists the language in a table of MatrixOps functions and a list of Math functions. */
    @Test
    void theReadmeListsTheLanguageOfTheTable() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("## The language"));
        section = section.substring(0, section.indexOf("\n### "));
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| ([^|]*) \\|").matcher(section);
        while (row.find()) {
            Matcher name = Pattern.compile("`([a-z][A-Za-z0-9]*)").matcher(row.group(1));
            while (name.find()) {
                documented.add(name.group(1));
            }
        }
        documented.remove("function");
        assertThat(documented).isEqualTo(new TreeSet<>(Language.names(Language.Library.MATRIX_OPS)));

        Matcher math = Pattern.compile("`Math\\.([a-z0-9/]+)`").matcher(section);
        assertWithMessage("the Math functions, written `Math.exp/log/...`").that(math.find()).isTrue();
        assertThat(new TreeSet<>(List.of(math.group(1).split("/"))))
                .isEqualTo(new TreeSet<>(Language.names(Language.Library.MATH)));
    }

    /** Constant folding computes what the run-time code computes, for a matrix and for a double. */
    @Test
    void everyElementwiseFunctionFoldsAsItsKernelsCompute() throws ReflectiveOperationException {
        for (ElementwiseFunction f : ElementwiseFunction.values()) {
            Op.Implementation.Entrywise code = f.implementation();
            for (double x : f.domain() == Domain.ANY ? ANYWHERE : POINTS) {
                double folded = f.valueAt(x);
                DMatrixRMaj out = new DMatrixRMaj(1, 1);
                invoke(code.matrix(), 2, new DMatrixRMaj(1, 1, true, x), out);
                assertWithMessage("%s(%s), matrix kernel %s", f, x, code.matrix()).that(out.get(0)).isEqualTo(folded);
                double scalar = code.scalar() instanceof Op.ScalarForm.Invoke invoke
                        ? (Double) invoke(invoke.routine(), 1, x)
                        : x * x;
                assertWithMessage("%s(%s), scalar form %s", f, x, code.scalar()).that(scalar).isEqualTo(folded);
            }
        }
    }

    @Test
    void powFoldsAsItsKernelsCompute() throws ReflectiveOperationException {
        Op.Implementation.Entrywise code = Power.POW.implementation();
        for (double x : POINTS) {
            for (double p : new double[] {-1.5, 0.5, 2, 3.25}) {
                DMatrixRMaj out = new DMatrixRMaj(1, 1);
                invoke(code.matrix(), 3, new DMatrixRMaj(1, 1, true, x), p, out);
                assertThat(out.get(0)).isEqualTo(Math.pow(x, p));
                assertThat((Double) invoke(((Op.ScalarForm.Invoke) code.scalar()).routine(), 2, x, p))
                        .isEqualTo(Math.pow(x, p));
            }
        }
    }

    /** A reduction's routine computes what MatrixOps' function of that name does. */
    @Test
    void everyReductionRoutineComputesItsFunction() throws ReflectiveOperationException {
        DMatrixRMaj a = new DMatrixRMaj(3, 3, true, 2.0, 0.3, -0.4, 0.3, 1.5, 0.2, -0.4, 0.2, 1.1);
        for (Reduction r : Reduction.values()) {
            double expected = (Double) MatrixOps.class.getMethod(r.functionName(), DMatrixRMaj.class).invoke(null, a);
            if (r.implementation() instanceof Op.Implementation.ToDouble code) {
                assertWithMessage("%s by %s", r, code.routine()).that((Double) invoke(code.routine(), 1, a))
                        .isWithin(1e-14 * Math.abs(expected)).of(expected);
            } else {
                assertThat(r.implementation()).isInstanceOf(Op.Implementation.FromFactorization.class);
            }
        }
    }

    @Test
    void everyLanguageFunctionBuildsTheIrOfItsParameters() {
        List<String> names = new ArrayList<>();
        for (Language.Function f : Language.all()) {
            names.add(f.qualifiedName());
            assertThat(f.domains()).hasSize(f.parameters().size());
        }
        assertWithMessage("no function twice").that(names.size())
                .isEqualTo(Language.all().stream().map(f -> signature(f.qualifiedName(), f.parameters())).distinct().count());
    }

    private static String signature(String name, List<Language.Type> parameters) {
        return name + parameters;
    }

    /** Calls the routine's static method of {@code arity} parameters. */
    private static Object invoke(Routine routine, int arity, Object... arguments) throws ReflectiveOperationException {
        for (Method m : Class.forName(routine.owner()).getMethods()) {
            if (m.getName().equals(routine.method()) && m.getParameterCount() == arity
                    && Modifier.isStatic(m.getModifiers()) && accepts(m, arguments)) {
                return m.invoke(null, arguments);
            }
        }
        throw new AssertionError("no routine " + routine + " of " + arity + " parameters");
    }

    private static boolean accepts(Method m, Object[] arguments) {
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            boolean isDouble = arguments[i] instanceof Double;
            if (isDouble != (types[i] == double.class) || !isDouble && !types[i].isInstance(arguments[i])) {
                return false;
            }
        }
        return true;
    }
}
