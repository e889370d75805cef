package io.matgrad.processor.parse;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters and the locals declared so far, by name. A name whose declaration could not be
 * translated is still here, with no value, so that its uses stay quiet: its declaration already has
 * its error.
 */
final class Locals {
    enum Role {
        PARAMETER,
        LOCAL,
        /** Declared without a value: an error, and any later assignment is part of that error. */
        UNINITIALIZED_LOCAL
    }

    /** A variable of the body; {@code value} is empty if its declaration had an error. */
    record Symbol(String name, Role role, Optional<Term> value) {}

    private final Map<String, Symbol> symbols = new HashMap<>();

    /** Declares {@code symbol}; false if its name is taken, which javac reports. */
    boolean declare(Symbol symbol) {
        return symbols.putIfAbsent(symbol.name(), symbol) == null;
    }

    Optional<Symbol> lookUp(String name) {
        return Optional.ofNullable(symbols.get(name));
    }
}
