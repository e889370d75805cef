package io.matgrad.processor.emit;

import com.palantir.javapoet.ClassName;
import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Function;
import io.matgrad.processor.ir.Renaming;
import io.matgrad.processor.ir.Routine;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;

/**
 * The names a function's parameters have in the code of its workspace. A variable obscures every
 * class and package of its name where it is in scope (JLS 6.4.2): with a parameter named
 * {@code Math}, {@code Math.exp(x)} reads a field of the parameter, and with one named {@code org},
 * so does {@code org.ejml.dense.row.CommonOps_DDRM.mult(...)}; no way of writing a class's name in
 * an expression escapes it. So the workspace's methods, whose bodies call EJML, {@code Math} and
 * matgrad's runtime, name such a parameter otherwise: with the case of its first letter flipped
 * ({@code math}, {@code Org}), which keeps the contract's method names ({@code fGradMath}), or, if
 * that is another parameter's name, with underscores (or the other parameter, if only this one is
 * differentiated with respect to). Parameter names are not part of Java's binary
 * interface. The contract's static methods keep the user's names (their bodies name classes only
 * where a type is expected, which no variable obscures: {@code new DMatrixRMaj(Math.numRows, 1)}),
 * and documentation and messages say the user's names everywhere.
 *
 * <p>A user's local of such a name needs nothing of this: the names of generated variables are
 * chosen apart from {@link #obscurable()}.
 */
public final class JavaNames {
    /** The classes generated code names in expressions or types: EJML's, matgrad's runtime, and the owners of the table's routines. */
    private static final List<ClassName> REFERENCED = List.of(Types.MATRIX, Types.COMMON_OPS, Types.VECTOR_OPS,
            Types.MATRIX_OPS, Types.ELEMENTWISE, Types.ARGUMENTS, Types.VEC, Types.KRON, Types.FACTORIZATION,
            Types.GENERATED, ClassName.get("io.matgrad.runtime", "Rows"), ClassName.get("io.matgrad.runtime", "Blocks"),
            ClassName.bestGuess(Routine.MATH), ClassName.bestGuess(Routine.COMMON_OPS), ClassName.bestGuess(Routine.ELEMENTWISE));
    /** Their simple names and the first identifiers of their packages ({@code org}, {@code io}, {@code java}, {@code javax}). */
    private static final Set<String> OBSCURABLE = Set.copyOf(REFERENCED.stream()
            .flatMap(c -> Stream.of(c.simpleName(), c.packageName().split("\\.")[0]))
            .toList());

    private final Renaming renaming;
    private final Renaming back;

    private JavaNames(Renaming renaming) {
        this.renaming = renaming;
        this.back = renaming.inverse();
    }

    /** No renaming: for functions whose parameters obscure nothing. */
    public static JavaNames none() {
        return new JavaNames(Renaming.of(Map.of()));
    }

    /** The names of {@code parsed}'s parameters in workspace code. */
    public static JavaNames of(Function parsed) {
        Set<String> parameters = new HashSet<>();
        parsed.parameters().forEach(p -> parameters.add(p.name()));
        Set<String> wrt = new HashSet<>();
        parsed.wrt().forEach(x -> wrt.add(x.name()));
        Set<String> taken = new HashSet<>(parameters);
        Map<String, String> renamed = new LinkedHashMap<>();
        for (Expr.Variable parameter : parsed.parameters()) {
            String p = parameter.name();
            if (!OBSCURABLE.contains(p)) {
                continue;
            }
            String flipped = flipped(p);
            if (parameters.contains(flipped) && wrt.contains(p) && !wrt.contains(flipped) && !renamed.containsKey(flipped)) {
                // Math's methods are named for it (fGradMath): it takes the name math, and the parameter math another
                renamed.put(flipped, free(flipped + "_", taken));
                renamed.put(p, flipped);
            } else {
                renamed.put(p, free(flipped, taken));
            }
        }
        return new JavaNames(Renaming.of(renamed));
    }

    /** {@code base}, or {@code base} with underscores, the first that is no name of {@code taken}; taken. */
    private static String free(String base, Set<String> taken) {
        String name = base;
        while (taken.contains(name) || OBSCURABLE.contains(name) || !SourceVersion.isName(name)) {
            name += "_";
        }
        taken.add(name);
        return name;
    }

    /**
     * {@code name} with the case of its first letter flipped: a name of the same contract methods
     * ({@code gradMath} for {@code Math} and {@code math}).
     */
    private static String flipped(String name) {
        char first = name.charAt(0);
        char other = Character.isUpperCase(first) ? Character.toLowerCase(first) : Character.toUpperCase(first);
        return other + name.substring(1);
    }

    /**
     * The simple names of the classes generated code refers to and the first identifiers of their
     * packages: names no variable of the generated code may have.
     */
    public static Set<String> obscurable() {
        return OBSCURABLE;
    }

    /** Whether no parameter is renamed. */
    public boolean isIdentity() {
        return renaming.isIdentity();
    }

    /** The function as workspace code names its parameters. */
    public Function internal(Function parsed) {
        return renaming.apply(parsed);
    }

    /** A function of workspace names ({@link #internal}) with the user's names back. */
    public Function external(Function internal) {
        return back.apply(internal);
    }

    /** The user's name of the parameter that workspace code calls {@code name} (any other name as it is). */
    public String user(String name) {
        return back.name(name);
    }

    /** A dimension of workspace names, with the user's names: {@code Math.numRows} for {@code math.numRows}. */
    public Dim user(Dim dim) {
        return back.dim(dim);
    }

    /** Whether workspace code names the user's parameter {@code name} otherwise. */
    public boolean renames(String name) {
        return !renaming.name(name).equals(name);
    }
}
