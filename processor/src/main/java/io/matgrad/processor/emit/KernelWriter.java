package io.matgrad.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.matgrad.processor.ir.Op;
import io.matgrad.processor.ir.Routine;
import io.matgrad.processor.opt.Kernel;
import io.matgrad.processor.opt.KernelVisitor;
import io.matgrad.processor.opt.Operand;
import io.matgrad.processor.opt.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one step as the EJML call it stands for. The target matrix already exists (a workspace
 * field, or an output the caller passed), so every call writes into storage that outlives it.
 */
final class KernelWriter implements KernelVisitor<CodeBlock> {
    private final Operand.Ref out;
    /** The differentiated function's name, for error messages. */
    private final String function;

    private KernelWriter(Operand.Ref out, String function) {
        this.out = out;
        this.function = function;
    }

    /**
     * The statement for {@code step}.
     *
     * @param function the differentiated function's name, for error messages
     */
    static CodeBlock write(Step step, String function) {
        return step.kernel().accept(new KernelWriter(step.target(), function));
    }

    @Override
    public CodeBlock visitMult(Kernel.Mult m) {
        String suffix = m.transA() && m.transB() ? "TransAB" : m.transA() ? "TransA" : m.transB() ? "TransB" : "";
        String name = (m.accumulate() ? "multAdd" : "mult") + suffix;
        return m.alpha().isLiteral(1) ? ops(name, m.a(), m.b(), out) : ops(name, m.alpha(), m.a(), m.b(), out);
    }

    @Override
    public CodeBlock visitKronMult(Kernel.KronMult m) {
        return CodeBlock.of("$T.$N($L, $L, $N, $N, $N);\n", Types.KRON, m.transA() ? "multIdentityKronTransA" : "multIdentityKron",
                OperandWriter.dim(m.blocks()), OperandWriter.write(m.alpha()), m.a().name(), m.b().name(), out.name());
    }

    @Override
    public CodeBlock visitMultSelf(Kernel.MultSelf m) {
        return ops(m.outer() ? "multOuter" : "multInner", m.a(), out);
    }

    /**
     * {@code alpha a + beta b} with the most specific EJML routine: {@code addEquals} and
     * {@code subtractEquals} in place, {@code add}/{@code subtract} otherwise, with coefficients
     * only where they are not 1.
     */
    @Override
    public CodeBlock visitLinearCombination(Kernel.LinearCombination l) {
        Operand alpha = l.alpha();
        Operand beta = l.beta();
        boolean unitAlpha = alpha.isLiteral(1);
        if (unitAlpha && l.a().equals(out)) {
            if (beta.isLiteral(1)) {
                return ops("addEquals", out, l.b());
            }
            if (beta.isLiteral(-1)) {
                return ops("subtractEquals", out, l.b());
            }
            return ops("addEquals", out, beta, l.b());
        }
        if (unitAlpha && beta.isLiteral(1)) {
            return ops("add", l.a(), l.b(), out);
        }
        if (unitAlpha && beta.isLiteral(-1)) {
            return ops("subtract", l.a(), l.b(), out);
        }
        if (unitAlpha) {
            return ops("add", l.a(), beta, l.b(), out);
        }
        if (beta.isLiteral(1)) {
            return ops("add", alpha, l.a(), l.b(), out);
        }
        return ops("add", alpha, l.a(), beta, l.b(), out);
    }

    @Override
    public CodeBlock visitScale(Kernel.Scale s) {
        return s.a().equals(out) ? ops("scale", s.alpha(), out) : ops("scale", s.alpha(), s.a(), out);
    }

    @Override
    public CodeBlock visitNegate(Kernel.Negate n) {
        return n.a().equals(out) ? ops("changeSign", out) : ops("changeSign", n.a(), out);
    }

    @Override
    public CodeBlock visitTranspose(Kernel.Transpose t) {
        return ops("transpose", t.a(), out);
    }

    @Override
    public CodeBlock visitElementBinary(Kernel.ElementBinary b) {
        return ops(b.divide() ? "elementDiv" : "elementMult", b.a(), b.b(), out);
    }

    @Override
    public CodeBlock visitWithScalar(Kernel.WithScalar w) {
        return switch (w.op()) {
            case PLUS -> ops("add", w.a(), w.s(), out);
            case MINUS -> ops("subtract", w.a(), w.s(), out);
            case FROM -> ops("subtract", w.s(), w.a(), out);
            case DIVIDE_INTO -> ops("divide", w.s(), w.a(), out);
            case DIVIDED_BY -> w.a().equals(out) ? ops("divide", out, w.s()) : ops("divide", w.a(), w.s(), out);
        };
    }

    @Override
    public CodeBlock visitEntrywise(Kernel.Entrywise e) {
        Routine routine = ((Op.Implementation.Entrywise) e.op().implementation()).matrix();
        List<Operand> arguments = new ArrayList<>(e.operands());
        arguments.add(out);
        return CodeBlock.of("$L;\n", call(routine, arguments));
    }

    @Override
    public CodeBlock visitInvoke(Kernel.Invoke k) {
        Routine routine = ((Op.Implementation.IntoMatrix) k.op().implementation()).routine();
        CodeBlock.Builder arguments = CodeBlock.builder();
        for (Operand operand : k.operands()) {
            arguments.add("$L, ", OperandWriter.write(operand));
        }
        for (io.matgrad.processor.ir.Dim dim : k.op().arguments()) {
            arguments.add("$L, ", OperandWriter.dim(dim));
        }
        return CodeBlock.of("$T.$N($L$N);\n", ClassName.bestGuess(routine.owner()), routine.method(), arguments.build(),
                out.name());
    }

    @Override
    public CodeBlock visitFill(Kernel.Fill f) {
        if (f.value().isLiteral(0)) {
            return CodeBlock.of("$N.zero();\n", out.name());
        }
        return ops("fill", out, f.value());
    }

    @Override
    public CodeBlock visitIdentity(Kernel.Identity i) {
        CodeBlock identity = ops("setIdentity", out);
        return i.scale().isLiteral(1) ? identity : CodeBlock.builder().add(identity).add(ops("scale", i.scale(), out)).build();
    }

    @Override
    public CodeBlock visitDiag(Kernel.Diag d) {
        return CodeBlock.of("$T.diag($N, $N.getNumElements(), $N.data);\n", Types.COMMON_OPS, out.name(),
                d.vector().name(), d.vector().name());
    }

    @Override
    public CodeBlock visitExtractDiag(Kernel.ExtractDiag d) {
        return ops("extractDiag", d.matrix(), out);
    }

    @Override
    public CodeBlock visitFactorize(Kernel.Factorize f) {
        return CodeBlock.of("$N.decompose($N, $S, $S);\n", out.name(), f.a().name(), function, f.description());
    }

    @Override
    public CodeBlock visitInvert(Kernel.Invert i) {
        return CodeBlock.of("$N.invert($N);\n", i.factors().name(), out.name());
    }

    @Override
    public CodeBlock visitSolve(Kernel.Solve s) {
        return CodeBlock.of("$N.$N($N, $N);\n", s.factors().name(), s.transposed() ? "solveTransposed" : "solve",
                s.b().name(), out.name());
    }

    @Override
    public CodeBlock visitCopy(Kernel.Copy c) {
        return CodeBlock.of("$N.setTo($N);\n", out.name(), c.a().name());
    }

    @Override
    public CodeBlock visitScaleRows(Kernel.ScaleRows r) {
        CodeBlock scale = r.vec()
                ? CodeBlock.of("$T.multRows($N, $N);\n", Types.VEC, r.d().name(), out.name())
                : CodeBlock.of("$T.multRows($N.data, $N);\n", Types.COMMON_OPS, r.d().name(), out.name());
        return r.m().equals(out) ? scale : CodeBlock.of("$N.setTo($N);\n$L", out.name(), r.m().name(), scale);
    }

    @Override
    public CodeBlock visitScaleColumns(Kernel.ScaleColumns c) {
        CodeBlock scale = CodeBlock.of("$T.multCols($N, $N.data);\n", Types.COMMON_OPS, out.name(), c.d().name());
        return c.m().equals(out) ? scale : CodeBlock.of("$N.setTo($N);\n$L", out.name(), c.m().name(), scale);
    }

    /** A loop's body is a list of steps, with comments and sizes: {@link BodyWriter} writes it. */
    @Override
    public CodeBlock visitBasisLoop(Kernel.BasisLoop loop) {
        throw new IllegalStateException("a loop over basis directions is written by BodyWriter");
    }

    @Override
    public CodeBlock visitElementLoop(Kernel.ElementLoop l) {
        return CodeBlock.builder()
                .beginControlFlow("for (int $N = 0; $N < $N.getNumElements(); $N++)", l.index(), l.index(), out.name(),
                        l.index())
                .addStatement("$N.data[$N] = $L", out.name(), l.index(), OperandWriter.write(l.value()))
                .endControlFlow()
                .build();
    }

    @Override
    public CodeBlock visitLet(Kernel.Let l) {
        return define(OperandWriter.write(l.value()));
    }

    /** innerProd runs over the entries in storage order: for two matrices of one shape, Σ a_ij b_ij. */
    @Override
    public CodeBlock visitDot(Kernel.Dot d) {
        return define(call(Types.VECTOR_OPS, "innerProd", d.a(), d.b()));
    }

    @Override
    public CodeBlock visitInnerProductA(Kernel.InnerProductA p) {
        return define(call(Types.VECTOR_OPS, "innerProdA", p.x(), p.a(), p.y()));
    }

    /**
     * {@code routine(a, arguments...)}; matgrad's norms, not EJML's elementSumSq and normF, which
     * return 0 for a matrix of NaN.
     */
    @Override
    public CodeBlock visitReduce(Kernel.Reduce r) {
        Routine routine = ((Op.Implementation.ToDouble) r.op().implementation()).routine();
        CodeBlock.Builder arguments = CodeBlock.builder().add("$N", r.a().name());
        for (io.matgrad.processor.ir.Dim dim : r.op().arguments()) {
            arguments.add(", $L", OperandWriter.dim(dim));
        }
        return define(CodeBlock.of("$T.$N($L)", ClassName.bestGuess(routine.owner()), routine.method(), arguments.build()));
    }

    @Override
    public CodeBlock visitElementSum(Kernel.ElementSum s) {
        return elementSum(s, out);
    }

    @Override
    public CodeBlock visitDeterminant(Kernel.Determinant d) {
        return define(CodeBlock.of("$N.$N()", d.factors().name(), d.logarithm() ? "logAbsDet" : "det"));
    }

    /** {@code double s = 0.0;} and the loop adding each term (or its square) to it. */
    private static CodeBlock elementSum(Kernel.ElementSum s, Operand.Ref out) {
        String i = s.index();
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("double $N = 0.0", out.name())
                .beginControlFlow("for (int $N = 0; $N < $N.getNumElements(); $N++)", i, i, s.extent().name(), i);
        if (s.squared() == null) {
            code.addStatement("$N += $L", out.name(), OperandWriter.write(s.term()));
        } else {
            code.addStatement("double $N = $L", s.squared(), OperandWriter.write(s.term()));
            code.addStatement("$N += $N * $N", out.name(), s.squared(), s.squared());
        }
        return code.endControlFlow().build();
    }

    /** {@code CommonOps_DDRM.name(args...);} */
    private static CodeBlock ops(String name, Operand... args) {
        return CodeBlock.of("$L;\n", call(Types.COMMON_OPS, name, args));
    }

    /** {@code routine(arguments...)}, as a Java expression. */
    static CodeBlock call(Routine routine, List<? extends Operand> arguments) {
        return call(ClassName.bestGuess(routine.owner()), routine.method(), arguments.toArray(Operand[]::new));
    }

    private static CodeBlock call(ClassName owner, String name, Operand... args) {
        CodeBlock.Builder arguments = CodeBlock.builder();
        for (int i = 0; i < args.length; i++) {
            arguments.add(i == 0 ? "$L" : ", $L", OperandWriter.write(args[i]));
        }
        return CodeBlock.of("$T.$N($L)", owner, name, arguments.build());
    }

    private CodeBlock define(CodeBlock value) {
        return CodeBlock.of("double $N = $L;\n", out.name(), value);
    }
}
