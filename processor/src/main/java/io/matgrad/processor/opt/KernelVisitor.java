package io.matgrad.processor.opt;

/**
 * A pass over every kind of kernel: the writer, the data flow, fusion. Adding a kernel breaks the
 * build until every pass says what it does with it.
 */
public interface KernelVisitor<R> {
    R visitMult(Kernel.Mult kernel);

    R visitMultSelf(Kernel.MultSelf kernel);

    R visitLinearCombination(Kernel.LinearCombination kernel);

    R visitScale(Kernel.Scale kernel);

    R visitNegate(Kernel.Negate kernel);

    R visitTranspose(Kernel.Transpose kernel);

    R visitElementBinary(Kernel.ElementBinary kernel);

    R visitWithScalar(Kernel.WithScalar kernel);

    R visitEntrywise(Kernel.Entrywise kernel);

    R visitInvoke(Kernel.Invoke kernel);

    R visitFill(Kernel.Fill kernel);

    R visitIdentity(Kernel.Identity kernel);

    R visitDiag(Kernel.Diag kernel);

    R visitExtractDiag(Kernel.ExtractDiag kernel);

    R visitFactorize(Kernel.Factorize kernel);

    R visitInvert(Kernel.Invert kernel);

    R visitSolve(Kernel.Solve kernel);

    R visitCopy(Kernel.Copy kernel);

    R visitScaleRows(Kernel.ScaleRows kernel);

    R visitKronMult(Kernel.KronMult kernel);

    R visitScaleColumns(Kernel.ScaleColumns kernel);

    R visitBasisLoop(Kernel.BasisLoop kernel);

    R visitElementLoop(Kernel.ElementLoop kernel);

    R visitLet(Kernel.Let kernel);

    R visitDot(Kernel.Dot kernel);

    R visitInnerProductA(Kernel.InnerProductA kernel);

    R visitReduce(Kernel.Reduce kernel);

    R visitElementSum(Kernel.ElementSum kernel);

    R visitDeterminant(Kernel.Determinant kernel);
}
