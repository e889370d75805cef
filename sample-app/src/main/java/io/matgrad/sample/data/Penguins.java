package io.matgrad.sample.data;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The Palmer penguins ({@code penguins.csv}, CC0): species and four measurements of each penguin
 * measured in full (342 of the 344 rows; two have no measurements at all).
 */
public final class Penguins {
    /** The measurements, in the order of the columns of {@link #measurements()}. */
    public static final List<String> MEASUREMENTS =
            List.of("beak length (mm)", "beak depth (mm)", "flipper length (mm)", "body mass (g)");
    private static final List<String> COLUMNS =
            List.of("beak_length_mm", "beak_depth_mm", "flipper_length_mm", "body_mass_g");

    private final List<String> species;
    private final DMatrixRMaj measurements;

    private Penguins(List<String> species, DMatrixRMaj measurements) {
        this.species = species;
        this.measurements = measurements;
    }

    /** Reads the shipped data set, skipping penguins with a missing measurement. */
    public static Penguins load() {
        Csv csv = Csv.resource("penguins.csv");
        List<String> species = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (List<String> row : csv.rows()) {
            double[] values = new double[COLUMNS.size()];
            boolean complete = true;
            for (int j = 0; j < values.length; j++) {
                values[j] = csv.number(row, COLUMNS.get(j));
                complete &= !Double.isNaN(values[j]);
            }
            if (complete) {
                species.add(csv.get(row, "species"));
                rows.add(values);
            }
        }
        return new Penguins(List.copyOf(species), new DMatrixRMaj(rows.toArray(double[][]::new)));
    }

    /** The number of penguins. */
    public int size() {
        return species.size();
    }

    /** The n x 4 measurements, one row per penguin, columns as in {@link #MEASUREMENTS}. */
    public DMatrixRMaj measurements() {
        return measurements.copy();
    }

    /** The n x 1 indicator of a species: 1 for its penguins, 0 for the others. */
    public DMatrixRMaj isSpecies(String name) {
        DMatrixRMaj indicator = new DMatrixRMaj(size(), 1);
        for (int i = 0; i < size(); i++) {
            indicator.set(i, 0, species.get(i).equals(name) ? 1 : 0);
        }
        return indicator;
    }

    /** How many penguins are of a species. */
    public int count(String name) {
        return (int) species.stream().filter(name::equals).count();
    }
}
