package io.matgrad.processor.emit;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.matgrad.processor.ir.Function;
import java.util.List;
import java.util.Set;

/**
 * What the generated class holds for one function: the contract's static methods, and the
 * workspace class whose allocation-free methods they call.
 *
 * @param names the names the user chose that the generated code declares or that stand beside them
 *     (parameters as workspace code names them, see {@link JavaNames}; locals)
 * @param report what the derivation report says of the function
 * @param function the function as differentiated (with the column vectors its Jacobians and
 *     Hessians assume), with the user's names of its parameters
 */
public record GeneratedFunction(List<MethodSpec> staticMethods, TypeSpec workspace, Set<String> names,
        FunctionReport report, Function function) {}
