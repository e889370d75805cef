package io.matgrad.processor.fuzz;

import static com.google.common.truth.Truth.assertWithMessage;

import io.matgrad.processor.ir.Domain;
import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Equality;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Shape;
import io.matgrad.processor.ir.ShapeRules;
import io.matgrad.processor.lang.Language;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sweeps every function of the language's table, as EJML's tests sweep every method of
 * {@code CommonOps_DDRM}: each is compiled alone into a loss, {@code ⟨W, f(P₀, ..., Pₖ)⟩} for a
 * random weight {@code W} (or {@code f} itself for a double), and every derivative the processor
 * generates for it (gradients, value and gradient, workspace value, Hessians, Hessian-vector
 * products) is checked against central differences of the annotated method by the fuzz test's
 * checker. Shapes come from the function's own shape rule, arguments from its declared domains: a
 * new entry of the table is swept without a line here.
 *
 * <p>Each function is swept four times ({@link Variant}): gradients at rectangular shapes where its
 * rule allows (3 x 2, 2 x 4, ...), Hessians with respect to column vectors and with respect to
 * rectangular matrices, and, of a matrix-valued function, its own Jacobians, ∂vec f/∂vec x.
 */
class LanguageSweepTest {
    /** The int arguments, in turn: {@code extract(P, 0, 2, 0, 1)} is rows 0 and 1 of column 0. */
    private static final int[] INTS = {0, 2, 0, 1};

    @Test
    void everyFunctionOfTheTableHasTheDerivativesOfCentralDifferences() {
        List<Generator.Function> functions = new ArrayList<>();
        Map<String, Language.Function> byModel = new LinkedHashMap<>();
        int k = 0;
        for (Language.Function f : Language.all()) {
            for (Variant variant : Variant.values()) {
                String name = "f" + k++;
                functions.add(model(name, f, variant));
                byModel.put(name, f);
            }
        }
        GradientFuzzTest.Sweep sweep = GradientFuzzTest.sweep("Sweep", functions);

        assertWithMessage("failures:\n%s", String.join("\n\n", sweep.failures())).that(sweep.failures()).isEmpty();
        List<String> unchecked = new ArrayList<>();
        byModel.forEach((name, f) -> {
            if (!sweep.checked().contains(name)) {
                unchecked.add(name + " (" + f.qualifiedName() + ")");
            }
        });
        assertWithMessage("every model of every function is checked, none skipped").that(unchecked).isEmpty();
    }

    /** What a model of a function is checked for. */
    enum Variant {
        /** Gradients, at rectangular shapes. */
        GRADIENT,
        /** Hessians, with every free column count 1: with respect to column vectors, the common case. */
        HESSIAN_OF_COLUMNS,
        /** Hessians with respect to rectangular matrices, in vec. */
        HESSIAN,
        /** The function itself, with its Jacobians, ∂vec f/∂vec x: a matrix-valued one at rectangular shapes. */
        JACOBIAN
    }

    /** The loss of {@code f} (or {@code f} itself, for a Jacobian) on parameters of shapes its rule allows, drawn from its domains. */
    static Generator.Function model(String name, Language.Function f, Variant variant) {
        boolean hessian = variant == Variant.HESSIAN || variant == Variant.HESSIAN_OF_COLUMNS;
        List<Expr> arguments = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Equality> requirements = new ArrayList<>();
        int ints = 0;
        for (int i = 0; i < f.parameters().size(); i++) {
            String p = "P" + i;
            if (f.parameters().get(i) == Language.Type.INT) {
                // a block of rows 0 to 1 and column 1 of a matrix of at least 2 x 2
                int value = INTS[ints++ % INTS.length];
                arguments.add(new Expr.Constant(value));
                texts.add(Integer.toString(value));
                continue;
            }
            boolean matrix = f.parameters().get(i) == Language.Type.MATRIX;
            arguments.add(new Expr.Variable(p, matrix ? Shape.ofParameter(p) : Shape.SCALAR));
            texts.add(p);
            if (f.domains().get(i) == Domain.NONSINGULAR) {
                requirements.add(new Equality(Dim.rows(p), Dim.cols(p)));
            }
        }
        Expr node = f.apply(arguments);
        requirements.addAll(ShapeRules.requirements(node, arguments));
        Sizes sizes = new Sizes(requirements, variant == Variant.HESSIAN_OF_COLUMNS);

        List<Generator.Parameter> parameters = new ArrayList<>();
        List<String> wrt = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            if (!(arguments.get(i) instanceof Expr.Variable v)) {
                continue;
            }
            Domain domain = f.domains().get(i);
            boolean scalar = v.shape().isScalar();
            parameters.add(new Generator.Parameter(v.name(), scalar, scalar ? 1 : sizes.of(v.shape().rows()),
                    scalar ? 1 : sizes.of(v.shape().cols()), domain == Domain.NONSINGULAR,
                    domain == Domain.POSITIVE));
            wrt.add(v.name());
        }
        String call = (f.library() == Language.Library.MATH ? "Math." : "") + f.name() + "(" + String.join(", ", texts) + ")";
        String result = call;
        boolean matrixValued = variant == Variant.JACOBIAN && node.shape().isMatrix();
        if (node.shape().isMatrix() && !matrixValued) {
            parameters.add(new Generator.Parameter("W", false, sizes.of(node.shape().rows()),
                    sizes.of(node.shape().cols()), false));
            result = "dot(W, " + call + ")";
        }
        String signature = String.join(", ", parameters.stream().map(p -> p.javaType() + " " + p.name()).toList());
        String source = "    @Differentiable(wrt = {" + String.join(", ", wrt.stream().map(w -> "\"" + w + "\"").toList())
                + "}" + (hessian ? ", hessian = true" : "") + ")\n"
                + "    public static " + (matrixValued ? "DMatrixRMaj " : "double ") + name + "(" + signature + ") {\n"
                + "        return " + result + ";\n"
                + "    }\n";
        return new Generator.Function(name, source, parameters, wrt, matrixValued, hessian);
    }

    /**
     * Concrete sizes for the dimensions of a function's parameters that satisfy its shape rule:
     * the dimensions the rule equates are one size; a class with a fixed size has it; the others
     * get 3, 2, 4, 5 in turn, or, for Hessians, 3 if they count rows and 1 if they only count
     * columns.
     */
    private static final class Sizes {
        private final Map<Dim, Dim> parent = new HashMap<>();
        private final Map<Dim, Integer> sizes = new HashMap<>();
        private final boolean columnVectors;
        private int next;

        Sizes(List<Equality> requirements, boolean columnVectors) {
            this.columnVectors = columnVectors;
            for (Equality e : requirements) {
                parent.put(find(e.left()), find(e.right()));
            }
        }

        private Dim find(Dim d) {
            Dim p = parent.getOrDefault(d, d);
            return p.equals(d) ? d : find(p);
        }

        int of(Dim d) {
            if (d.isComposite()) {
                return ((Dim.Fixed) d.map(part -> new Dim.Fixed(of(part)))).size();
            }
            Dim root = find(d);
            return sizes.computeIfAbsent(root, r -> {
                List<Dim> members = parent.keySet().stream().filter(m -> find(m).equals(r)).toList();
                List<Dim> all = new ArrayList<>(members);
                all.add(r);
                for (Dim m : all) {
                    if (m instanceof Dim.Fixed f) {
                        return f.size();
                    }
                }
                if (columnVectors) {
                    boolean rows = all.stream().anyMatch(m -> m instanceof Dim.Axis a && a.side() == Dim.Side.ROWS);
                    return rows ? 3 : 1;
                }
                int[] cycle = {3, 2, 4, 5};
                return cycle[next++ % cycle.length];
            });
        }
    }
}
