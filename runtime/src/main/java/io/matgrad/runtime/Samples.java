package io.matgrad.runtime;

import io.matgrad.runtime.Sampler.Constraint;
import io.matgrad.runtime.Sampler.Parameter;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** The draws of {@link Sampler#defaults()}. */
final class Samples {
    private Samples() {}

    static DMatrixRMaj matrix(Parameter p, Random random) {
        if (p.has(Constraint.POSITIVE_DEFINITE) && p.rows() == p.cols()) {
            return p.has(Constraint.POSITIVE) ? spd(p.rows(), 0.5, 1.5, random) : spd(p.rows(), -1, 1, random);
        }
        if (p.has(Constraint.POSITIVE) || p.draw() % 2 == 1) {
            return Sampler.uniform(p.rows(), p.cols(), 0.5, 1.5, random);
        }
        DMatrixRMaj m = Sampler.uniform(p.rows(), p.cols(), 0.25, 1.25, random);
        for (int i = 0; i < m.data.length; i++) {
            if (random.nextBoolean()) {
                m.data[i] = -m.data[i];
            }
        }
        return m;
    }

    static double scalar(Parameter p, Random random) {
        if (p.has(Constraint.POSITIVE) || p.draw() % 2 == 1) {
            return 0.5 + random.nextDouble();
        }
        double magnitude = 0.25 + random.nextDouble();
        return random.nextBoolean() ? magnitude : -magnitude;
    }

    /** {@code B Bᵀ / n + I}, B with entries in [min, max], made exactly symmetric. */
    static DMatrixRMaj spd(int n, double min, double max, Random random) {
        DMatrixRMaj b = Sampler.uniform(n, n, min, max, random);
        DMatrixRMaj s = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(1.0 / Math.max(n, 1), b, b, s);
        for (int i = 0; i < n; i++) {
            s.add(i, i, 1);
            for (int j = 0; j < i; j++) {
                s.set(j, i, s.get(i, j));
            }
        }
        return s;
    }
}
