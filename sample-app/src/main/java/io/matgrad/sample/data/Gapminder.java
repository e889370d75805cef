package io.matgrad.sample.data;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Income per person and life expectancy of 187 countries ({@code gapminder-health-income.csv},
 * Gapminder Foundation, CC BY 4.0).
 */
public final class Gapminder {
    private final List<String> countries;
    private final DMatrixRMaj income;
    private final DMatrixRMaj lifeExpectancy;

    private Gapminder(List<String> countries, DMatrixRMaj income, DMatrixRMaj lifeExpectancy) {
        this.countries = countries;
        this.income = income;
        this.lifeExpectancy = lifeExpectancy;
    }

    /** Reads the shipped data set. */
    public static Gapminder load() {
        Csv csv = Csv.resource("gapminder-health-income.csv");
        List<String> countries = new ArrayList<>();
        DMatrixRMaj income = new DMatrixRMaj(csv.rows().size(), 1);
        DMatrixRMaj lifeExpectancy = new DMatrixRMaj(csv.rows().size(), 1);
        for (List<String> row : csv.rows()) {
            int i = countries.size();
            countries.add(csv.get(row, "country"));
            income.set(i, 0, csv.number(row, "income"));
            lifeExpectancy.set(i, 0, csv.number(row, "health"));
        }
        return new Gapminder(List.copyOf(countries), income, lifeExpectancy);
    }

    public int size() {
        return countries.size();
    }

    public List<String> countries() {
        return countries;
    }

    /** Income per person, in international dollars (n x 1). */
    public DMatrixRMaj income() {
        return income.copy();
    }

    /** The natural logarithm of {@link #income()}. */
    public DMatrixRMaj logIncome() {
        DMatrixRMaj log = income.copy();
        for (int i = 0; i < log.getNumElements(); i++) {
            log.data[i] = Math.log(log.data[i]);
        }
        return log;
    }

    /** Life expectancy at birth, in years (n x 1). */
    public DMatrixRMaj lifeExpectancy() {
        return lifeExpectancy.copy();
    }
}
