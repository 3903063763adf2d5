package fr.dispostock.domain.statestock;

import java.time.LocalDate;

/**
 * Units of one lot held by a PUI. An expired lot is declared with {@code expired} set, so that it
 * is seen (and destroyed or returned), never hidden.
 */
public record LotLine(String productCode, String lot, LocalDate expiry, long quantity, boolean expired) {
}
