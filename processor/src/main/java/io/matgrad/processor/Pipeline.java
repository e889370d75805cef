package io.matgrad.processor;

import com.palantir.javapoet.ClassName;
import io.matgrad.processor.diff.Derivation;
import io.matgrad.processor.emit.GeneratedFunction;
import io.matgrad.processor.emit.GradientsWriter;
import io.matgrad.processor.emit.JavaNames;
import io.matgrad.processor.emit.Namer;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Function;
import io.matgrad.processor.opt.Planner;
import io.matgrad.processor.opt.Program;
import io.matgrad.processor.opt.Simplifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The stages after parsing, in order, each reading only what the one before returned: derive
 * (every derivative the annotation asks for, simplified), optimise and lower (the generated
 * methods, each a schedule of kernels), write (Java source). One namer names everything the
 * generated code declares.
 */
public final class Pipeline {
    private Pipeline() {}

    /**
     * The generated code of {@code parsed}, declared in {@code original}, with its workspace class
     * named {@code workspace}.
     */
    public static GeneratedFunction generate(Function parsed, ClassName original, String workspace) {
        // a parameter named Math or org would obscure what the workspace's code calls: it has a name of its own there
        JavaNames javaNames = JavaNames.of(parsed);
        Function function = javaNames.internal(parsed);
        List<String> reserved = new ArrayList<>(function.parameters().stream().map(Expr.Variable::name).toList());
        reserved.add(Program.CHECK_DIMENSIONS);
        reserved.addAll(JavaNames.obscurable().stream().sorted().toList());
        Namer names = Namer.reserving(reserved);
        Derivation derivation = Derivation.of(function, Simplifier.family(), names.avoiding("v"), names.avoiding("direction"));
        Program program = Planner.plan(derivation, names);
        return GradientsWriter.function(program, original, workspace, javaNames);
    }
}
