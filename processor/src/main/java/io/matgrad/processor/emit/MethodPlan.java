package io.matgrad.processor.emit;

import com.palantir.javapoet.CodeBlock;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.opt.Output;
import java.util.List;

/**
 * One generated method before it is written: its signature and what it computes.
 *
 * @param name the method name, as the contract fixes it
 * @param parameters the annotated method's parameters
 * @param outputParameters matrices the caller passes to receive results, appended to the parameters
 * @param outputs what the body computes, in order
 * @param returned the output the method returns
 * @param javadoc the method's documentation
 */
record MethodPlan(
        String name,
        List<Expr.Variable> parameters,
        List<Expr.Variable> outputParameters,
        List<Output> outputs,
        Output returned,
        CodeBlock javadoc) {}
