package io.matgrad.processor.emit;

import com.palantir.javapoet.CodeBlock;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Notation;
import io.matgrad.processor.opt.Operand;
import io.matgrad.processor.opt.Schedule;
import io.matgrad.processor.opt.Step;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes a schedule as statements: each matrix temporary (a workspace field) sized where it is
 * first written, and over each group of calls the formula it computes, as EJML's own examples do
 * ({@code // r = Ax − b}), in terms of the variables computed before it.
 */
final class BodyWriter {
    private BodyWriter() {}

    /** The statements of {@code schedule}; {@code names} holds the user's names for nodes (identity keys). */
    static CodeBlock write(Schedule schedule, Map<Expr, String> names) {
        Map<Expr, String> known = new IdentityHashMap<>(names);
        Set<String> declared = new HashSet<>();
        Set<String> temporaries = new HashSet<>();
        for (Operand.Ref t : schedule.temporaries()) {
            temporaries.add(t.name());
        }
        CodeBlock.Builder body = CodeBlock.builder();
        Expr commented = null;
        for (Step step : schedule.steps()) {
            Operand.Ref target = step.target();
            if (step.computes() != commented && target.shape().isMatrix()) {
                commented = step.computes();
                known.remove(commented);
                body.add("// $L = $L\n", target.name(), Notation.format(commented, known));
            }
            // a workspace's temporary keeps its storage between calls: size it where it is first written
            if (temporaries.contains(target.name()) && declared.add(target.name())) {
                body.addStatement("$N.reshape($L, $L)", target.name(),
                        OperandWriter.dim(target.shape().rows()), OperandWriter.dim(target.shape().cols()));
            }
            body.add(KernelWriter.write(step));
            known.put(step.computes(), target.name());
        }
        return body.build();
    }
}
