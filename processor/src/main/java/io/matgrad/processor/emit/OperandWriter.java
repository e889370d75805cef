package io.matgrad.processor.emit;

import com.palantir.javapoet.CodeBlock;
import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Op;
import io.matgrad.processor.opt.Operand;
import io.matgrad.processor.opt.OperandVisitor;

/** Writes operands as Java expressions, with the parentheses Java's precedence needs and no more. */
final class OperandWriter {
    private static final int ADDITIVE = 1;
    private static final int MULTIPLICATIVE = 2;
    private static final int UNARY = 3;
    private static final int PRIMARY = 4;

    private OperandWriter() {}

    static CodeBlock write(Operand operand) {
        return write(operand, 0);
    }

    /** A double literal as Java writes it: {@code 2.0}, {@code 0.5}, {@code -1.0}, {@code 1.0E-8}. */
    static String literal(double value) {
        if (Double.isNaN(value)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        return Double.toString(value);
    }

    /** A dimension as a Java {@code int} expression: {@code A.numCols}, {@code X.getNumElements()} or {@code 1}. */
    static CodeBlock dim(Dim dim) {
        if (dim instanceof Dim.Axis axis) {
            return CodeBlock.of("$N.$N", axis.matrix(), axis.side().field());
        }
        if (dim instanceof Dim.Entries entries) {
            return CodeBlock.of("$N.getNumElements()", entries.matrix());
        }
        if (dim instanceof Dim.Sum sum) {
            return CodeBlock.of("$L + $L", dim(sum.left()), dim(sum.right()));
        }
        if (dim instanceof Dim.Product product) {
            return CodeBlock.of("$L * $L", factor(product.left()), factor(product.right()));
        }
        return CodeBlock.of("$L", ((Dim.Fixed) dim).size());
    }

    private static CodeBlock factor(Dim dim) {
        return dim instanceof Dim.Sum ? CodeBlock.of("($L)", dim(dim)) : dim(dim);
    }

    /** {@code operand}, parenthesized if it binds more loosely than {@code context}. */
    private static CodeBlock write(Operand operand, int context) {
        int precedence = precedence(operand);
        CodeBlock code = unparenthesized(operand);
        return precedence < context ? CodeBlock.of("($L)", code) : code;
    }

    private static int precedence(Operand operand) {
        if (operand instanceof Operand.Arithmetic a) {
            return switch (a.operator()) {
                case ADD, SUBTRACT -> ADDITIVE;
                case MULTIPLY, DIVIDE -> MULTIPLICATIVE;
            };
        }
        if (operand instanceof Operand.Negate || operand instanceof Operand.Literal l && l.value() < 0
                || operand instanceof Operand.Dimension) {
            return UNARY;
        }
        if (operand instanceof Operand.Call c && c.form() instanceof Op.ScalarForm.SelfProduct) {
            return MULTIPLICATIVE;
        }
        return PRIMARY;
    }

    private static CodeBlock unparenthesized(Operand operand) {
        return operand.accept(UNPARENTHESIZED);
    }

    private static final Unparenthesized UNPARENTHESIZED = new Unparenthesized();

    /** An operand as Java code, its own operands parenthesized as their precedence needs. */
    private static final class Unparenthesized implements OperandVisitor<CodeBlock> {
        @Override
        public CodeBlock visitRef(Operand.Ref r) {
            return CodeBlock.of("$N", r.name());
        }

        @Override
        public CodeBlock visitLiteral(Operand.Literal l) {
            return CodeBlock.of("$L", literal(l.value()));
        }

        @Override
        public CodeBlock visitEntry(Operand.Entry e) {
            return CodeBlock.of("$N.data[$N]", e.matrix().name(), e.index());
        }

        /** Left-associative: the right operand of {@code a - (b - c)} or {@code a / (b * c)} keeps its parentheses. */
        @Override
        public CodeBlock visitArithmetic(Operand.Arithmetic a) {
            int p = precedence(a);
            return CodeBlock.of("$L $L $L", write(a.left(), p), a.operator().symbol(), write(a.right(), p + 1));
        }

        /** {@code --x} would be a decrement: a negative operand keeps its parentheses. */
        @Override
        public CodeBlock visitNegate(Operand.Negate n) {
            CodeBlock inner = write(n.operand(), UNARY);
            return inner.toString().startsWith("-") ? CodeBlock.of("-($L)", inner) : CodeBlock.of("-$L", inner);
        }

        /**
         * As a double, so that two of them divide as doubles: {@code (double) A.numRows}. A cast
         * binds tighter than {@code *}: a composite is parenthesized, {@code (double) (A.numRows * A.numCols)}.
         */
        @Override
        public CodeBlock visitDimension(Operand.Dimension d) {
            Dim dim = d.dim();
            boolean composite = dim instanceof Dim.Sum || dim instanceof Dim.Product;
            return composite ? CodeBlock.of("(double) ($L)", dim(dim)) : CodeBlock.of("(double) $L", dim(dim));
        }

        @Override
        public CodeBlock visitCall(Operand.Call c) {
            if (c.form() instanceof Op.ScalarForm.Invoke invoke) {
                return KernelWriter.call(invoke.routine(), c.arguments());
            }
            // x * x: a square without a call
            Operand x = c.arguments().get(0);
            return CodeBlock.of("$L * $L", write(x, UNARY), write(x, UNARY));
        }
    }
}
