package io.matgrad.processor.opt;

/**
 * Where the names of generated variables come from: the names a method's code declares must differ
 * from one another, from its parameters and from the fields of its workspace. Kernel choice asks
 * for names by what they hold; {@code emit}'s {@code Namer} chooses them, with JavaPoet's
 * {@code NameAllocator}.
 */
public interface NameSource {

    /** {@code base} if it is free, else {@code base2}, {@code base3}, ...; taken. */
    String fresh(String base);

    /** {@code base1}, {@code base2}, ...: the first that is free; taken. For generic letters ({@code t1}). */
    String numbered(String base);

    /** {@code base} if it is free, else {@code base_}, {@code base__}, ...; not taken (for parameters beside the user's). */
    String avoiding(String base);

    /** Takes {@code name}, which is free or already taken. */
    void take(String name);

    /** A scope of its own for one method: what it takes is not taken for this source's other scopes. */
    NameSource scope();
}
