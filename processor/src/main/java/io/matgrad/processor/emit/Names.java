package io.matgrad.processor.emit;

import java.util.Locale;
import java.util.Set;

/** The contract's naming of generated methods and their variables. */
public final class Names {
    private Names() {}

    /**
     * {@code x} with its first letter upper-cased, as in {@code nameGradX}; public for the check
     * that no two wrt parameters give one method name.
     */
    public static String capitalize(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /**
     * The workspace class of function {@code name}, {@code NameWorkspace}, unless another function
     * of the class has it too: see {@link WorkspaceNames}.
     */
    static String workspace(String function) {
        return capitalize(function) + "Workspace";
    }

    /** A workspace method's name: {@code gradX} for kind {@code grad} and parameter {@code x}. */
    static String derivative(String kind, String x) {
        return kind + capitalize(x);
    }

    /** The contract's name of the static twin of a workspace method: {@code gradX} of {@code f} is {@code fGradX}. */
    static String staticMethod(String function, String workspaceMethod) {
        return function + capitalize(workspaceMethod);
    }

    /** {@code base}, or {@code base_}, {@code base__}, ... if a parameter already has that name. */
    static String avoiding(String base, Set<String> taken) {
        String name = base;
        while (taken.contains(name)) {
            name += "_";
        }
        return name;
    }
}
