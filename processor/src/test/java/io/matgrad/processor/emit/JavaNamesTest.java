package io.matgrad.processor.emit;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.matgrad.processor.ir.Dag;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Function;
import io.matgrad.processor.ir.Op;
import io.matgrad.processor.ir.Routine;
import io.matgrad.processor.ir.Shape;
import io.matgrad.processor.lang.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Which parameters workspace code renames, and to what (see {@link JavaNames}). */
class JavaNamesTest {

    /** A class the table's routines live in that is not obscurable would be obscured by a parameter of its name. */
    @Test
    void everyClassTheTablesRoutinesLiveInIsKnown() {
        Set<String> owners = new TreeSet<>();
        for (Language.Function f : Language.all()) {
            List<Expr> arguments = new ArrayList<>();
            for (int i = 0; i < f.parameters().size(); i++) {
                String name = "p" + i;
                if (f.parameters().get(i) == Language.Type.INT) {
                    arguments.add(new Expr.Constant((i + 1) % 2)); // extract(p0, 0, 1, 0, 1)
                    continue;
                }
                arguments.add(new Expr.Variable(name,
                        f.parameters().get(i) == Language.Type.MATRIX ? Shape.ofParameter(name) : Shape.SCALAR));
            }
            for (Expr node : Dag.postOrder(List.of(f.apply(arguments)))) {
                if (node instanceof Expr.Call c) {
                    routines(c.op().implementation()).forEach(r -> {
                        owners.add(r.simpleOwner());
                        owners.add(r.owner().substring(0, r.owner().indexOf('.')));
                    });
                }
            }
        }
        assertThat(owners).containsAtLeast("Math", "java", "CommonOps_DDRM", "org", "Elementwise", "io");
        assertWithMessage("add the class to JavaNames.REFERENCED").that(JavaNames.obscurable()).containsAtLeastElementsIn(owners);
    }

    private static List<Routine> routines(Op.Implementation implementation) {
        if (implementation instanceof Op.Implementation.Entrywise e) {
            return e.scalar() instanceof Op.ScalarForm.Invoke i ? List.of(e.matrix(), i.routine()) : List.of(e.matrix());
        }
        if (implementation instanceof Op.Implementation.IntoMatrix m) {
            return List.of(m.routine());
        }
        return implementation instanceof Op.Implementation.ToDouble t ? List.of(t.routine()) : List.of();
    }

    @Test
    void theCaseOfTheFirstLetterFlipsSoThatContractNamesStay() {
        JavaNames names = JavaNames.of(function(List.of("Math", "org", "x", "CommonOps_DDRM", "java"), List.of("Math", "org")));
        assertThat(names.internal(function(List.of("Math", "org", "x", "CommonOps_DDRM", "java"), List.of()))
                .parameters().stream().map(Expr.Variable::name).toList())
                .containsExactly("math", "Org", "x", "commonOps_DDRM", "Java").inOrder();
        assertThat(names.user("math")).isEqualTo("Math");
        assertThat(names.user("x")).isEqualTo("x");
        assertThat(names.renames("x")).isFalse();
        assertThat(names.renames("org")).isTrue();
    }

    @Test
    void parametersThatObscureNothingAreLeftAlone() {
        assertThat(JavaNames.of(function(List.of("A", "x", "math", "Io", "vec"), List.of("x"))).isIdentity()).isTrue();
    }

    @Test
    void aFlippedNameThatIsTakenGetsUnderscoresOrTheOtherParameterDoes() {
        // Math is differentiated with respect to (fGradMath) and math is not: math moves
        List<String> swapped = names(List.of("Math", "math"), List.of("Math"));
        assertThat(swapped).containsExactly("math", "math_").inOrder();
        // neither, or both (whose contract names clash anyway): Math moves
        assertThat(names(List.of("Math", "math"), List.of())).containsExactly("math_", "math").inOrder();
        assertThat(names(List.of("Math", "math", "math_"), List.of("Math", "math"))).containsExactly("math__", "math", "math_")
                .inOrder();
    }

    private static List<String> names(List<String> parameters, List<String> wrt) {
        Function f = function(parameters, wrt);
        return JavaNames.of(f).internal(f).parameters().stream().map(Expr.Variable::name).toList();
    }

    /** {@code Σ_p sum(p)} of matrix parameters {@code parameters}. */
    private static Function function(List<String> parameters, List<String> wrt) {
        List<Expr.Variable> variables = parameters.stream().map(p -> new Expr.Variable(p, Shape.ofParameter(p))).toList();
        Expr result = null;
        for (Expr.Variable v : variables) {
            Expr sum = new Expr.Call(io.matgrad.processor.lang.Reduction.SUM, v);
            result = result == null ? sum : new Expr.Add(result, sum);
        }
        return new Function("f", variables, List.of(), result, List.of(),
                variables.stream().filter(v -> wrt.contains(v.name())).toList(), false);
    }
}
