package io.matgrad.processor.testing;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.ExprVisitor;
import io.matgrad.processor.ir.Shape;
import io.matgrad.runtime.MatrixOps;
import java.util.IdentityHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Evaluates IR expressions on concrete matrices with matgrad's runtime, the semantics users write
 * in: a reference interpreter, independent of the code generator, for testing the passes.
 * Values are {@link Double} or {@link DMatrixRMaj}.
 */
public final class Evaluator implements ExprVisitor<Object> {
    private final Map<String, Object> bindings;
    private final Map<Expr, Object> memo = new IdentityHashMap<>();

    private Evaluator(Map<String, Object> bindings) {
        this.bindings = bindings;
    }

    public static Object evaluate(Expr e, Map<String, Object> bindings) {
        return new Evaluator(bindings).eval(e);
    }

    public static double scalar(Expr e, Map<String, Object> bindings) {
        return (Double) evaluate(e, bindings);
    }

    public static DMatrixRMaj matrix(Expr e, Map<String, Object> bindings) {
        return (DMatrixRMaj) evaluate(e, bindings);
    }

    private Object eval(Expr e) {
        Object v = memo.get(e);
        if (v == null) {
            v = e.accept(this);
            memo.put(e, v);
        }
        return v;
    }

    private DMatrixRMaj m(Expr e) {
        return (DMatrixRMaj) eval(e);
    }

    private double d(Expr e) {
        return (Double) eval(e);
    }

    private int size(Dim dim) {
        if (dim instanceof Dim.Fixed f) {
            return f.size();
        }
        Dim.Axis a = (Dim.Axis) dim;
        DMatrixRMaj matrix = (DMatrixRMaj) bindings.get(a.matrix());
        return a.side() == Dim.Side.ROWS ? matrix.numRows : matrix.numCols;
    }

    private DMatrixRMaj filled(Shape shape, double value) {
        DMatrixRMaj out = new DMatrixRMaj(size(shape.rows()), size(shape.cols()));
        CommonOps_DDRM.fill(out, value);
        return out;
    }

    @Override
    public Object visitVariable(Expr.Variable node) {
        Object v = bindings.get(node.name());
        if (v == null) {
            throw new IllegalArgumentException("unbound " + node.name());
        }
        return v;
    }

    @Override
    public Object visitConstant(Expr.Constant node) {
        return node.value();
    }

    @Override
    public Object visitFill(Expr.Fill node) {
        return filled(node.shape(), node.value());
    }

    @Override
    public Object visitIdentity(Expr.Identity node) {
        return CommonOps_DDRM.identity(size(node.size()));
    }

    @Override
    public Object visitAdd(Expr.Add node) {
        return node.shape().isScalar() ? d(node.left()) + d(node.right()) : MatrixOps.add(m(node.left()), m(node.right()));
    }

    @Override
    public Object visitSub(Expr.Sub node) {
        return node.shape().isScalar() ? d(node.left()) - d(node.right()) : MatrixOps.sub(m(node.left()), m(node.right()));
    }

    @Override
    public Object visitMul(Expr.Mul node) {
        return node.shape().isScalar() ? d(node.left()) * d(node.right())
                : MatrixOps.elementMult(m(node.left()), m(node.right()));
    }

    @Override
    public Object visitDiv(Expr.Div node) {
        return node.shape().isScalar() ? d(node.left()) / d(node.right())
                : MatrixOps.elementDiv(m(node.left()), m(node.right()));
    }

    @Override
    public Object visitNeg(Expr.Neg node) {
        return node.shape().isScalar() ? -d(node.operand()) : MatrixOps.neg(m(node.operand()));
    }

    @Override
    public Object visitScale(Expr.Scale node) {
        return MatrixOps.scale(d(node.factor()), m(node.matrix()));
    }

    @Override
    public Object visitApply(Expr.Apply node) {
        if (node.shape().isScalar()) {
            double x = d(node.operand());
            return switch (node.fn()) {
                case EXP -> Math.exp(x);
                case LOG -> Math.log(x);
                case TANH -> Math.tanh(x);
                case SIGMOID -> io.matgrad.runtime.Elementwise.sigmoid(x);
                case SOFTPLUS -> io.matgrad.runtime.Elementwise.softplus(x);
                case SQUARE -> x * x;
                case SQRT -> Math.sqrt(x);
            };
        }
        DMatrixRMaj a = m(node.operand());
        return switch (node.fn()) {
            case EXP -> MatrixOps.exp(a);
            case LOG -> MatrixOps.log(a);
            case TANH -> MatrixOps.tanh(a);
            case SIGMOID -> MatrixOps.sigmoid(a);
            case SOFTPLUS -> MatrixOps.softplus(a);
            case SQUARE -> MatrixOps.square(a);
            case SQRT -> MatrixOps.sqrt(a);
        };
    }

    @Override
    public Object visitPow(Expr.Pow node) {
        double p = d(node.exponent());
        return node.shape().isScalar() ? Math.pow(d(node.base()), p) : MatrixOps.pow(m(node.base()), p);
    }

    @Override
    public Object visitMatMul(Expr.MatMul node) {
        return MatrixOps.mult(m(node.left()), m(node.right()));
    }

    @Override
    public Object visitTranspose(Expr.Transpose node) {
        return MatrixOps.transpose(m(node.operand()));
    }

    @Override
    public Object visitInverse(Expr.Inverse node) {
        return MatrixOps.inv(m(node.operand()));
    }

    @Override
    public Object visitSolve(Expr.Solve node) {
        return MatrixOps.solve(m(node.matrix()), m(node.rhs()));
    }

    @Override
    public Object visitDiag(Expr.Diag node) {
        return MatrixOps.diag(m(node.vector()));
    }

    @Override
    public Object visitDiagPart(Expr.DiagPart node) {
        return CommonOps_DDRM.extractDiag(m(node.matrix()), null);
    }

    @Override
    public Object visitDot(Expr.Dot node) {
        return MatrixOps.dot(m(node.left()), m(node.right()));
    }

    @Override
    public Object visitReduce(Expr.Reduce node) {
        DMatrixRMaj a = m(node.operand());
        return switch (node.op()) {
            case TRACE -> MatrixOps.trace(a);
            case DET -> MatrixOps.det(a);
            case LOG_DET -> MatrixOps.logDet(a);
            case NORM_SQ -> MatrixOps.normSq(a);
            case NORM -> MatrixOps.norm(a);
            case SUM -> MatrixOps.sum(a);
            case LOG_SUM_EXP -> MatrixOps.logSumExp(a);
        };
    }
}
