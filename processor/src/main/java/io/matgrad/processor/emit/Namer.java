package io.matgrad.processor.emit;

import com.palantir.javapoet.NameAllocator;
import io.matgrad.processor.opt.NameSource;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Names everything matgrad generates, with JavaPoet's {@link NameAllocator} (which also keeps
 * names off Java's keywords), under the house rules: a variable is named for what it holds, the
 * user's own name for a local first ({@code r}, then {@code r2}), a generic letter always numbered
 * ({@code t1}, {@code t2}); a parameter or output beside the user's parameters keeps its contract
 * name with underscores if needed ({@code hessian_}); workspace classes and generated tests are
 * numbered from 2 ({@code FWorkspace2}).
 */
public final class Namer implements NameSource {
    private final NameAllocator allocator;
    private final Set<String> taken;
    private final boolean ignoringCase;

    private Namer(NameAllocator allocator, Set<String> taken, boolean ignoringCase) {
        this.allocator = allocator;
        this.taken = taken;
        this.ignoringCase = ignoringCase;
    }

    /** Names distinct from {@code reserved}. */
    public static Namer reserving(Iterable<String> reserved) {
        Namer namer = new Namer(new NameAllocator(), new HashSet<>(), false);
        reserved.forEach(namer::take);
        return namer;
    }

    /**
     * Names distinct ignoring case, for classes: nested classes are files, which a case-insensitive
     * file system (macOS, Windows) cannot tell apart.
     */
    public static Namer ofClasses() {
        return new Namer(new NameAllocator(), new HashSet<>(), true);
    }

    private String key(String name) {
        return ignoringCase ? name.toLowerCase(Locale.ROOT) : name;
    }

    private boolean isFree(String name) {
        return !taken.contains(key(name));
    }

    @Override
    public void take(String name) {
        if (taken.add(key(name))) {
            String allocated = allocator.newName(name, name);
            if (!allocated.equals(name)) {
                throw new IllegalStateException("not a name JavaPoet allocates: " + name);
            }
        }
    }

    private String taking(String name) {
        take(name);
        return name;
    }

    @Override
    public String fresh(String base) {
        return isFree(base) ? taking(base) : numberedFrom(base, 2);
    }

    @Override
    public String numbered(String base) {
        return numberedFrom(base, 1);
    }

    /** {@code base} followed by the first number from {@code first} on that is free; taken. */
    public String numberedFrom(String base, int first) {
        int i = first;
        while (!isFree(base + i)) {
            i++;
        }
        return taking(base + i);
    }

    /** {@code base} if free, else {@code base2}, ...: for classes and test methods of overloads. */
    public String distinct(String base) {
        return fresh(base);
    }

    @Override
    public String avoiding(String base) {
        String name = base;
        while (!isFree(name)) {
            name += "_";
        }
        return name;
    }

    @Override
    public Namer scope() {
        return new Namer(allocator.clone(), new HashSet<>(taken), ignoringCase);
    }
}
