package io.matgrad.processor.parse;

import com.sun.source.util.Trees;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Obtains javac's {@link Trees}, which matgrad needs to read method bodies.
 *
 * <p>{@link Trees#instance} accepts only javac's own {@code ProcessingEnvironment}, and build tools
 * wrap it: Gradle's incremental processing in a class with a {@code delegate} field, IntelliJ in a
 * {@link Proxy} whose invocation handler holds it. So when javac refuses an environment, the
 * environments it holds are tried in turn, found reflectively by type rather than by the tools'
 * private field names. Compilers without the tree API (ECJ) give empty. Nothing here touches javac
 * internals.
 */
final class CompilerTrees {
    /** Wrappers are shallow; the bound guards against cycles and odd object graphs. */
    private static final int MAX_DEPTH = 4;

    private CompilerTrees() {}

    /** The tree API of the compiler running {@code env}, or empty if it has none. */
    static Optional<Trees> of(ProcessingEnvironment env) {
        return find(env, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Optional<Trees> find(Object env, int depth, Set<Object> seen) {
        if (depth > MAX_DEPTH || !seen.add(env)) {
            return Optional.empty();
        }
        if (env instanceof ProcessingEnvironment processingEnv) {
            Optional<Trees> trees = instance(processingEnv);
            if (trees.isPresent()) {
                return trees;
            }
        }
        Object holder = Proxy.isProxyClass(env.getClass()) ? Proxy.getInvocationHandler(env) : env;
        for (Object delegate : heldEnvironments(holder)) {
            Optional<Trees> trees = find(delegate, depth + 1, seen);
            if (trees.isPresent()) {
                return trees;
            }
        }
        return Optional.empty();
    }

    private static Optional<Trees> instance(ProcessingEnvironment env) {
        try {
            return Optional.of(Trees.instance(env));
        } catch (IllegalArgumentException | LinkageError e) {
            return Optional.empty(); // not javac's environment, or no com.sun.source at all
        }
    }

    /** The values of {@code holder}'s instance fields that are environments or invocation handlers. */
    private static Set<Object> heldEnvironments(Object holder) {
        Set<Object> held = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Class<?> c = holder.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                Object value = read(f, holder);
                if (value != null && value != holder
                        && (value instanceof ProcessingEnvironment || Proxy.isProxyClass(value.getClass()))) {
                    held.add(value);
                }
            }
        }
        return held;
    }

    private static Object read(Field f, Object holder) {
        try {
            f.setAccessible(true);
            return f.get(holder);
        } catch (RuntimeException | IllegalAccessException e) {
            return null; // a module that does not open the field: not a wrapper we can see through
        }
    }
}
