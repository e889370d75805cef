package io.matgrad.processor.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.matgrad.processor.opt.Program;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Writes {@code CGradients}, the class holding the derivatives of the functions declared in {@code C}. */
public final class GradientsWriter {
    private GradientsWriter() {}

    /** The name of the class generated for the functions of {@code original}: {@code p.C} gives {@code p.CGradients}. */
    public static ClassName generatedName(ClassName original) {
        return ClassName.get(original.packageName(), String.join("_", original.simpleNames()) + "Gradients");
    }

    /**
     * The generated code of one function declared in {@code original}, from its program, with its
     * workspace class named {@code workspace} (one of {@link WorkspaceNames#of}).
     */
    public static GeneratedFunction function(Program program, ClassName original, String workspace) {
        return function(program, original, workspace, JavaNames.none());
    }

    /**
     * As {@link #function(Program, ClassName, String)}, for a program derived from a function whose
     * parameters {@code javaNames} renamed ({@link JavaNames#internal}).
     */
    public static GeneratedFunction function(Program program, ClassName original, String workspace, JavaNames javaNames) {
        return FunctionWriter.write(program, original, generatedName(original), workspace, javaNames);
    }

    /** The source file of {@code type}, generated for the functions of {@code original}. */
    public static JavaFile file(ClassName original, TypeSpec type) {
        return JavaFile.builder(original.packageName(), type).indent("    ").skipJavaLangImports(true).build();
    }

    /**
     * The class {@code generatedName(original)} with {@code methods}.
     *
     * @param generator the processor's name, for {@code @Generated}
     */
    public static TypeSpec.Builder type(ClassName original, List<GeneratedFunction> functions, String generator) {
        TypeSpec.Builder type = TypeSpec.classBuilder(generatedName(original))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(AnnotationSpec.builder(Types.GENERATED).addMember("value", "$S", generator).build())
                .addJavadoc("Exact derivatives of the {@code @Differentiable} methods of {@link $T}, derived at\n"
                        + "compile time by matgrad. Every static method is a pure function of its arguments: safe to\n"
                        + "call from many threads at once, and it never modifies its inputs. Each function also has a\n"
                        + "workspace class whose methods compute the same into caller-owned outputs without\n"
                        + "allocating, for repeated calls.\n", original)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        // JavaPoet writes all methods before all nested types, whatever the order they are added in
        for (GeneratedFunction f : functions) {
            type.addMethods(f.staticMethods());
            type.addType(f.workspace());
            // no class is written qualified for the user's names: a qualified name is obscured by a
            // variable named for its first package (org), and workspace code names no variable like
            // a class it calls (JavaNames)
        }
        return type;
    }
}
