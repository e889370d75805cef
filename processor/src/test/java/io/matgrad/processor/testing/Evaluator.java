package io.matgrad.processor.testing;

import io.matgrad.processor.ir.Dim;
import io.matgrad.processor.ir.Expr;
import io.matgrad.processor.ir.ExprVisitor;
import io.matgrad.processor.ir.Shape;
import io.matgrad.processor.lang.ElementwiseFunction;
import io.matgrad.runtime.Elementwise;
import io.matgrad.runtime.MatrixOps;
import java.lang.reflect.Method;
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

    /**
     * An operator of the table, by the function users call: {@code MatrixOps.name} for matrices,
     * the {@code Math} function (else matgrad's scalar kernel) for doubles.
     */
    @Override
    public Object visitCall(Expr.Call node) {
        Object[] arguments = node.operands().stream().map(this::eval).toArray();
        Class<?>[] types = new Class<?>[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            types[i] = arguments[i] instanceof Double ? double.class : DMatrixRMaj.class;
        }
        boolean doubles = node.operands().stream().allMatch(o -> o.shape().isScalar());
        if (doubles && node.op() instanceof ElementwiseFunction f) {
            Method m = method(Math.class, f.mathName(), types);
            if (m == null) {
                m = method(Elementwise.class, f.functionName(), types);
            }
            return m != null ? invoke(m, arguments) : f.valueAt((Double) arguments[0]);
        }
        Method m = method(doubles ? Math.class : MatrixOps.class, node.op().functionName(), types);
        if (m == null) {
            throw new IllegalStateException("no function for " + node.op() + " of " + java.util.Arrays.toString(types));
        }
        return invoke(m, arguments);
    }

    private static Method method(Class<?> owner, String name, Class<?>[] types) {
        if (name == null) {
            return null;
        }
        try {
            return owner.getMethod(name, types);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Object invoke(Method m, Object[] arguments) {
        try {
            return m.invoke(null, arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
