package io.matgrad.processor.parse;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import java.util.ArrayList;
import java.util.List;

/**
 * The import declarations of a compilation unit, by kind, as written (canonical names). The
 * implicit {@code import java.lang.*;} is included in {@link #onDemand}.
 *
 * @param singleType {@code import a.b.C;}: the names {@code a.b.C}
 * @param onDemand {@code import a.b.*;}: the package or type names {@code a.b}
 * @param singleStatic {@code import static a.b.C.m;}
 * @param staticOnDemand {@code import static a.b.C.*;}: the type names {@code a.b.C}
 */
record Imports(
        List<String> singleType, List<String> onDemand, List<StaticImport> singleStatic, List<String> staticOnDemand) {

    /** {@code import static type.member;}. */
    record StaticImport(String type, String member) {}

    static Imports of(CompilationUnitTree unit) {
        List<String> singleType = new ArrayList<>();
        List<String> onDemand = new ArrayList<>(List.of("java.lang"));
        List<StaticImport> singleStatic = new ArrayList<>();
        List<String> staticOnDemand = new ArrayList<>();
        for (ImportTree i : unit.getImports()) {
            if (!(i.getQualifiedIdentifier() instanceof MemberSelectTree select)) {
                continue; // javac rejects an import of a simple name
            }
            String owner = select.getExpression().toString();
            String member = select.getIdentifier().toString();
            boolean star = member.equals("*");
            if (i.isStatic()) {
                if (star) {
                    staticOnDemand.add(owner);
                } else {
                    singleStatic.add(new StaticImport(owner, member));
                }
            } else if (star) {
                onDemand.add(owner);
            } else {
                singleType.add(owner + "." + member);
            }
        }
        return new Imports(List.copyOf(singleType), List.copyOf(onDemand), List.copyOf(singleStatic), List.copyOf(staticOnDemand));
    }
}
