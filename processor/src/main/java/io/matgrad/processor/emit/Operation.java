package io.matgrad.processor.emit;

import com.palantir.javapoet.CodeBlock;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.opt.Output;
import java.util.List;

/**
 * One thing a generated class offers for a function, as a pair of methods: the workspace's
 * allocation-free instance method, which computes into caller-owned outputs, and the contract's
 * static method, which allocates a workspace and its result and calls it.
 *
 * @param staticName the contract's name, e.g. {@code leastSquaresGradX}
 * @param workspaceName the workspace method's name, e.g. {@code gradX}
 * @param inputs the function's parameters, then any extra input (the vector of {@code HessVec})
 * @param outputs matrices the workspace method writes, as parameters after the inputs
 * @param allocated how many of {@code outputs}, counted from the end, the static method allocates
 *     itself and returns (0 or 1) rather than taking from its caller
 * @param computes what the body computes, in order
 * @param returned the computed value the methods return
 * @param javadoc the static method's documentation
 */
record Operation(
        String staticName,
        String workspaceName,
        List<Expr.Variable> inputs,
        List<Expr.Variable> outputs,
        int allocated,
        List<Output> computes,
        Output returned,
        CodeBlock javadoc) {}
