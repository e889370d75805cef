package io.matgrad.processor.ir;

/** A local declaration of the function body, {@code name = value}, kept to name what is computed. */
public record Binding(String name, Expr value) {}
