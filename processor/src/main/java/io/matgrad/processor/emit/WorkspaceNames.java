package io.matgrad.processor.emit;

import io.matgrad.processor.ir.GeneratedNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The names of the workspace classes of one generated class: {@code NameWorkspace} for function
 * {@code name}, and for a second function that would get the same name, ignoring case (an overload
 * {@code f(x, s)} of {@code f(x)}, or {@code F} beside {@code f}), {@code FWorkspace2}, then
 * {@code FWorkspace3}, in declaration order.
 *
 * <p>Case is ignored because nested classes are files ({@code CGradients$FWorkspace.class}), which
 * a case-insensitive file system (macOS, Windows) cannot tell apart. A suffixed name ends in a
 * digit and every unsuffixed one in {@code Workspace}, so the two kinds never meet.
 */
public final class WorkspaceNames {
    private WorkspaceNames() {}

    /** The workspace names of {@code functions} (method names, in declaration order), in that order. */
    public static List<String> of(List<String> functions) {
        Namer classes = Namer.ofClasses();
        List<String> names = new ArrayList<>(functions.size());
        for (String function : functions) {
            names.add(classes.distinct(GeneratedNames.workspace(function)));
        }
        return names;
    }
}
