package io.matgrad.processor.emit;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;

/**
 * What the generated class holds for one function: the contract's static methods, and the
 * workspace class whose allocation-free methods they call.
 */
public record GeneratedFunction(List<MethodSpec> staticMethods, TypeSpec workspace) {}
