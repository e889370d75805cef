package io.matgrad.benchmarks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatioTableTest {

    @Test
    void computesTheRatiosTheIssueTargets() {
        List<Measurement> m = new ArrayList<>();
        m.add(new Measurement("f", Size.SMALL, Implementation.FORWARD, 10, 1, 800));
        m.add(new Measurement("f", Size.SMALL, Implementation.GENERATED_GRAD, 15, 0, 900));
        m.add(new Measurement("f", Size.SMALL, Implementation.GENERATED_VALUE_AND_GRAD, 24, 0, 1000));
        m.add(new Measurement("f", Size.SMALL, Implementation.WORKSPACE_VALUE, 8, 0, 0));
        m.add(new Measurement("f", Size.SMALL, Implementation.WORKSPACE_VALUE_AND_GRAD, 20, 0, 0));
        m.add(new Measurement("f", Size.SMALL, Implementation.EXPERT_VALUE_AND_GRAD, 16, 0, 0));
        m.add(new Measurement("f", Size.SMALL, Implementation.FINITE_DIFFERENCES, 1500, 0, 0));
        m.add(new Measurement("f", Size.SMALL, Implementation.RUNTIME_AD, 4000, 0, 0));
        String table = new RatioTable(m, List.of("f")).markdown();

        assertTrue(table.contains("| f | small | 1.25 ± 0.00 | 1.50 ± 0.00 | 2.00 ± 0.20 | 2.50 ± 0.00 | 100 ± 0 | 200 ± 0 | 0 | 1000 | 0 |"), table);
        assertTrue(table.contains("| v+g / expert, median | ≤ 1.05 | 1.25 | **no** |"), table);
        assertTrue(table.contains("| v+g / forward, median | ≤ 2.5 | 2.00 | yes |"), table);
        assertTrue(table.contains("| finite differences / generated grad, smallest (f, small) | ≥ 30 | 100 | yes |"), table);
        assertTrue(table.contains("| v+g allocation beyond the expert's, B/call, largest (f, small) | ≈ 0 | 0.00 | yes |"), table);
        assertTrue(table.contains("| static v+g allocation, B/call, largest (f, small) | (reported) | 1000 | – |"), table);
    }

    @Test
    void missingMeasurementsPrintAsDashes() {
        List<Measurement> m = List.of(new Measurement("f", Size.LARGE, Implementation.FORWARD, 10, 1, Double.NaN),
                new Measurement("f", Size.LARGE, Implementation.WORKSPACE_VALUE_AND_GRAD, 12, 1, Double.NaN));
        String table = new RatioTable(m, List.of("f", "g")).markdown();
        assertTrue(table.contains("| f | large | – | – | 1.20 ± 0.16 | – | – | – | – | – | – |"), table);
        assertFalse(table.contains("PyTorch") || table.contains("SameDiff") || table.contains("Peers"), "no peer measured, no peer column: " + table);
    }

    @Test
    void eachMeasuredPeerGetsAColumnOfItsTimeOverTheWorkspacesAndTheFastestToolIsNamed() {
        List<Measurement> m = List.of(
                new Measurement("f", Size.SMALL, Implementation.WORKSPACE_VALUE_AND_GRAD, 20, 1, 0),
                new Measurement("f", Size.SMALL, Implementation.PYTORCH, 400, 20, 0),
                new Measurement("f", Size.SMALL, Implementation.SAMEDIFF, 2000, 100, 0),
                new Measurement("f", Size.LARGE, Implementation.WORKSPACE_VALUE_AND_GRAD, 500, 10, 0),
                new Measurement("f", Size.LARGE, Implementation.PYTORCH, 300, 30, 0),
                new Measurement("f", Size.LARGE, Implementation.SAMEDIFF, 510, 50, 0),
                new Measurement("g", Size.SMALL, Implementation.WORKSPACE_VALUE_AND_GRAD, 10, 1, 0),
                new Measurement("g", Size.SMALL, Implementation.PYTORCH, 10.5, 1, 0));
        String table = new RatioTable(m, List.of("f", "g")).markdown();

        assertTrue(table.contains("| runtime AD | PyTorch (DJL) | SameDiff |\n"), "a time column per peer: " + table);
        assertTrue(table.contains("| f | large | – | – | – | – | 500 ± 10 | – | – | – | 300 ± 30 | 510 ± 50 |"), table);
        assertTrue(table.contains("| function | size | PyTorch (DJL) / v+g | SameDiff / v+g | fastest |"), table);
        // 400/20 = 20 with relative errors 0.05 and 0.05 in quadrature: ± 1.41
        assertTrue(table.contains("| f | small | 20.0 ± 1.4 | 100 ± 7 | matgrad |"), table);
        assertTrue(table.contains("| f | large | 0.60 ± 0.06 | 1.02 ± 0.10 | PyTorch (DJL) |"), table);
        assertTrue(table.contains("| g | small | 1.05 ± 0.15 | – | matgrad ≈ PyTorch (DJL) |"), table);
        assertTrue(table.contains("- PyTorch (DJL) is faster than matgrad at: f large (0.60 ± 0.06); at parity at: g small (1.05 ± 0.15); "
                + "slower at: the other 1 (20.0× matgrad's time)."), table);
        assertTrue(table.contains("- SameDiff is faster than matgrad at: none; at parity at: f large (1.02 ± 0.10); "
                + "slower at: the other 1 (100× matgrad's time); not measured at: g small."), table);
    }
}
