package fr.dispostock.domain.declaration;

import java.math.BigDecimal;

/**
 * One declared item: the units on hand (zero is declared, never implied) and the average daily
 * consumption in units per day (CMJ).
 */
public record Line(String itemId, long stock, BigDecimal averageDailyConsumption) {
}
