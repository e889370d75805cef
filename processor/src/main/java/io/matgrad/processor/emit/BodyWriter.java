package io.matgrad.processor.emit;

import com.palantir.javapoet.CodeBlock;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.Notation;
import io.matgrad.processor.opt.Kernel;
import io.matgrad.processor.opt.Operand;
import io.matgrad.processor.opt.Schedule;
import io.matgrad.processor.opt.Step;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a schedule as statements: each matrix temporary (a workspace field) sized where it is
 * first written, and over each group of calls the formula it computes, as EJML's own examples do
 * ({@code // r = Ax − b}), in terms of the variables computed before it.
 */
final class BodyWriter {
    /** The statements of {@code schedule}; {@code names} holds the user's names for nodes (identity keys). */
    static CodeBlock write(Schedule schedule, Map<Expr, String> names, String function) {
        Set<String> temporaries = new HashSet<>();
        for (Operand.Ref t : schedule.temporaries()) {
            temporaries.add(t.name());
        }
        CodeBlock.Builder body = CodeBlock.builder();
        new BodyWriter(temporaries, names, function).steps(schedule.steps(), body);
        return body.build();
    }

    private final Set<String> temporaries;
    private final Set<String> sized = new HashSet<>();
    private final Map<Expr, String> known;
    private Expr commented;

    private final String function;

    private BodyWriter(Set<String> temporaries, Map<Expr, String> names, String function) {
        this.temporaries = temporaries;
        this.known = new IdentityHashMap<>(names);
        this.function = function;
    }

    private void steps(List<Step> steps, CodeBlock.Builder body) {
        for (Step step : steps) {
            Operand.Ref target = step.target();
            if (step.kernel() instanceof Kernel.Factorize f) {
                body.add("// factorize $L (Cholesky or LU), once for every solve, inverse and determinant of it\n",
                        f.description());
                body.add(KernelWriter.write(step, function));
                continue;
            }
            if (step.computes() != commented && target.shape().isMatrix()) {
                commented = step.computes();
                known.remove(commented);
                String formula = Notation.format(commented, known);
                body.add(step.kernel() instanceof Kernel.BasisLoop
                        ? CodeBlock.of("// $L: vec of $L, one unit direction at a time\n", target.name(), formula)
                        : CodeBlock.of("// $L = $L\n", target.name(), formula));
            }
            // a workspace's temporary keeps its storage between calls: size it where it is first written
            if (temporaries.contains(target.name()) && sized.add(target.name())) {
                body.addStatement("$N.reshape($L, $L)", target.name(),
                        OperandWriter.dim(target.shape().rows()), OperandWriter.dim(target.shape().cols()));
            }
            if (step.kernel() instanceof Kernel.BasisLoop loop) {
                loop(loop, target, body);
            } else {
                body.add(KernelWriter.write(step, function));
            }
            known.put(step.computes(), target.name());
        }
    }

    /** The loop over unit directions: set one entry of the direction, run the body, store vec(tangent). */
    private void loop(Kernel.BasisLoop loop, Operand.Ref target, CodeBlock.Builder body) {
        String j = loop.index();
        String direction = loop.direction().name();
        body.beginControlFlow("for (int $N = 0; $N < $N.getNumElements(); $N++)", j, j, direction, j);
        body.addStatement("$T.set($N, $N, 1.0)", Types.VEC, direction, j);
        Set<String> outside = new HashSet<>(sized);
        steps(loop.body(), body);
        // temporaries first sized in the body are sized again in the next iteration
        sized.retainAll(outside);
        body.addStatement("$T.$N($N, $N, $N)", Types.VEC, loop.rows() ? "setRow" : "setColumn", target.name(), j,
                loop.tangent().name());
        body.addStatement("$T.set($N, $N, 0.0)", Types.VEC, direction, j);
        body.endControlFlow();
        commented = null;
    }
}
