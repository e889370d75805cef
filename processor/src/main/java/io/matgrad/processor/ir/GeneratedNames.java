package io.matgrad.processor.ir;

import java.util.Locale;

/**
 * The contract's names of generated methods and classes: {@code nameGradX}, {@code gradX},
 * {@code NameWorkspace}. Shared by the stages that check that names will not clash (parse), plan
 * the methods (opt) and write them (emit).
 */
public final class GeneratedNames {
    private GeneratedNames() {}

    /** {@code x} with its first letter upper-cased, as in {@code nameGradX}. */
    public static String capitalize(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /** The workspace class of function {@code name}: {@code NameWorkspace}. */
    public static String workspace(String function) {
        return capitalize(function) + "Workspace";
    }

    /** A workspace method's name: {@code gradX} for kind {@code grad} and parameter {@code x}. */
    public static String derivative(String kind, String x) {
        return kind + capitalize(x);
    }

    /** The contract's name of the static twin of a workspace method: {@code gradX} of {@code f} is {@code fGradX}. */
    public static String staticMethod(String function, String workspaceMethod) {
        return function + capitalize(workspaceMethod);
    }
}
