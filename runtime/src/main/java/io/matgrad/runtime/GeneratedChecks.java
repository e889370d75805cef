package io.matgrad.runtime;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayDeque;
import java.util.Deque;

/** Finds the {@link CheckedFunctions} matgrad generated for a class, by its naming convention. */
final class GeneratedChecks {
    private GeneratedChecks() {}

    /** {@code p.CGradientsChecks} for {@code p.C}; {@code p.C_DGradientsChecks} for the nested {@code p.C.D}. */
    static String nameOf(Class<?> models) {
        Deque<String> names = new ArrayDeque<>();
        for (Class<?> c = models; c != null; c = c.getEnclosingClass()) {
            names.addFirst(c.getSimpleName());
        }
        String packageName = models.getPackageName();
        return (packageName.isEmpty() ? "" : packageName + ".") + String.join("_", names) + "GradientsChecks";
    }

    static CheckedFunctions of(Class<?> models) {
        if (models.isLocalClass() || models.isAnonymousClass()) {
            throw new IllegalArgumentException(models.getName() + " is a local or anonymous class: matgrad generates"
                    + " nothing for its methods ([MatgradLocalClass]); move them to a member or top-level class");
        }
        String name = nameOf(models);
        Class<?> generated;
        try {
            generated = Class.forName(name, true, models.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("GradientCheck.verifyAll(" + models.getName() + "): there is no " + name
                    + ", which matgrad generates beside " + models.getSimpleName() + "'s Gradients class; does "
                    + models.getSimpleName() + " declare @Differentiable methods, and was it compiled with"
                    + " matgrad-processor (of this version) on the annotation processor path?", e);
        }
        if (!CheckedFunctions.class.isAssignableFrom(generated)) {
            throw new IllegalArgumentException(name + " is not a " + CheckedFunctions.class.getName()
                    + ": a class of that name that matgrad did not generate?");
        }
        try {
            return (CheckedFunctions) generated.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(name + " failed to start", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(name + " cannot be created from io.matgrad.runtime (in a named module, "
                    + "export its package to io.matgrad.runtime)", e);
        }
    }
}
