package io.matgrad.sample.data;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Monthly mean CO2 concentration at Mauna Loa, March 1958 to April 2020
 * ({@code co2-concentration.csv}, Scripps CO2 Program, CC BY 4.0): 741 months (a few months have no measurement and no row).
 */
public final class Co2 {
    private final DMatrixRMaj years;
    private final DMatrixRMaj ppm;

    private Co2(DMatrixRMaj years, DMatrixRMaj ppm) {
        this.years = years;
        this.ppm = ppm;
    }

    /** Reads the shipped data set (the raw monthly means, not the seasonally adjusted ones). */
    public static Co2 load() {
        Csv csv = Csv.resource("co2-concentration.csv");
        List<List<String>> rows = csv.rows();
        DMatrixRMaj years = new DMatrixRMaj(rows.size(), 1);
        DMatrixRMaj ppm = new DMatrixRMaj(rows.size(), 1);
        for (int i = 0; i < rows.size(); i++) {
            String date = csv.get(rows.get(i), "Date"); // yyyy-mm-01
            int year = Integer.parseInt(date.substring(0, 4));
            int month = Integer.parseInt(date.substring(5, 7));
            years.set(i, 0, year + (month - 0.5) / 12); // the middle of the month
            ppm.set(i, 0, csv.number(rows.get(i), "CO2"));
        }
        return new Co2(years, ppm);
    }

    public int size() {
        return years.getNumElements();
    }

    /** The time of each measurement in years, the middle of its month (1958.21 is March 1958). */
    public DMatrixRMaj years() {
        return years.copy();
    }

    /** The monthly mean concentration, in parts per million. */
    public DMatrixRMaj ppm() {
        return ppm.copy();
    }
}
