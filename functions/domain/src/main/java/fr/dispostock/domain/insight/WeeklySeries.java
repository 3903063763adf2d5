package fr.dispostock.domain.insight;

import java.util.Arrays;

/**
 * A PUI × item's declarations, week by week, oldest first, ending with the week assessed: the stock
 * on hand each Monday and the average daily consumption declared (CMJ). A week not declared is
 * {@code NaN} in both (a stock of zero is declared, never implied). Primitive arrays: a national run
 * holds about 90,000 of them.
 */
public record WeeklySeries(double[] stock, double[] dailyConsumption) {
    public WeeklySeries {
        if (stock.length != dailyConsumption.length || stock.length == 0) {
            throw new IllegalArgumentException("as many stocks as consumptions, at least one week");
        }
    }

    public int weeks() {
        return stock.length;
    }

    public boolean declared(int week) {
        return !Double.isNaN(stock[week]) && !Double.isNaN(dailyConsumption[week]);
    }

    /** The last week's stock (the week assessed). */
    public double lastStock() {
        return stock[stock.length - 1];
    }

    public double lastDailyConsumption() {
        return dailyConsumption[dailyConsumption.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeeklySeries w && Arrays.equals(stock, w.stock) && Arrays.equals(dailyConsumption, w.dailyConsumption);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(stock) + Arrays.hashCode(dailyConsumption);
    }

    @Override
    public String toString() {
        return "WeeklySeries" + Arrays.toString(stock) + Arrays.toString(dailyConsumption);
    }
}
