package io.matgrad.sample.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/** The shipped data sets load as their attribution describes them. */
class DataTest {

    @Test
    void penguinsWithAllFourMeasurements() {
        Penguins penguins = Penguins.load();
        assertEquals(342, penguins.size()); // two of the 344 rows have no measurements
        assertEquals(151, penguins.count("Adelie")); // 152 in the file, one without measurements
        assertEquals(68, penguins.count("Chinstrap"));
        assertEquals(123, penguins.count("Gentoo")); // 124, one without
        assertEquals(39.1, penguins.measurements().get(0, 0));
        assertEquals(3750, penguins.measurements().get(0, 3));
        assertEquals(68, org.ejml.dense.row.CommonOps_DDRM.elementSum(penguins.isSpecies("Chinstrap")));
    }

    @Test
    void gapminderCountriesIncludingQuotedNames() {
        Gapminder gapminder = Gapminder.load();
        assertEquals(187, gapminder.size());
        int congo = gapminder.countries().indexOf("Congo, Dem. Rep.");
        assertEquals(809, gapminder.income().get(congo));
        assertEquals(58.3, gapminder.lifeExpectancy().get(congo));
        assertEquals(Math.log(809), gapminder.logIncome().get(congo), 1e-12);
    }

    @Test
    void co2MonthlyMeans() {
        Co2 co2 = Co2.load();
        assertEquals(741, co2.size());
        assertEquals(1958 + 2.5 / 12, co2.years().get(0), 1e-12); // March 1958
        assertEquals(315.70, co2.ppm().get(0));
        assertEquals(416.18, co2.ppm().get(740));
    }

    @Test
    void theAttributionShipsBesideTheData() {
        assertNotNull(Csv.class.getResource("ATTRIBUTION.md"));
    }
}
