package io.matgrad.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.matgrad.processor.diag.ErrorReporter;
import io.matgrad.processor.diag.Message;
import io.matgrad.processor.emit.GeneratedFunction;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * The static methods of one generated class, by signature, so that two functions never put methods
 * of one signature into it (which javac would reject as "already defined"). Overloads can: with
 * {@code wrt = {"x", "y"}}, {@code f(x, y)} generates {@code fValueAndGrad(x, y, gradX, gradY)}, and
 * {@code f(x, y, z)} with {@code wrt = "x"} generates {@code fValueAndGrad(x, y, z, gradX)}, both
 * taking four matrices. The function declared later is reported and left out; the class compiles.
 */
final class GeneratedSignatures {
    private final ErrorReporter reporter;
    /** Each accepted static method's signature, and the annotated method that generated it. */
    private final Map<String, String> owners = new HashMap<>();

    GeneratedSignatures(ErrorReporter reporter) {
        this.reporter = reporter;
    }

    /**
     * Whether {@code generated}, the code of {@code method}, fits beside what was accepted before; if
     * not, reports which method clashes with which, and accepts none of its methods.
     */
    boolean accept(ExecutableElement method, GeneratedFunction generated) {
        String owner = describe(method);
        Optional<MethodSpec> clash = generated.staticMethods().stream()
                .filter(m -> owners.containsKey(signature(m)))
                .findFirst();
        if (clash.isPresent()) {
            String signature = signature(clash.get());
            reporter.error(Message.GENERATED_METHOD_CLASH, method, owner, signature, owners.get(signature));
            return false;
        }
        generated.staticMethods().forEach(m -> owners.put(signature(m), owner));
        return true;
    }

    /** {@code fValueAndGrad(DMatrixRMaj, DMatrixRMaj)}: what Java tells overloads apart by. */
    private static String signature(MethodSpec method) {
        return method.name() + method.parameters().stream()
                .map(ParameterSpec::type)
                .map(GeneratedSignatures::simpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String simpleName(TypeName type) {
        if (type instanceof ParameterizedTypeName parameterized) {
            return parameterized.rawType().simpleName();
        }
        return type instanceof ClassName name ? name.simpleName() : type.toString();
    }

    /** {@code f(DMatrixRMaj x, double s)}, as the user declared it. */
    private static String describe(ExecutableElement method) {
        return method.getSimpleName() + method.getParameters().stream()
                .map(p -> simpleName(p) + " " + p.getSimpleName())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String simpleName(VariableElement parameter) {
        TypeMirror type = parameter.asType();
        return type instanceof DeclaredType declared ? declared.asElement().getSimpleName().toString() : type.toString();
    }
}
