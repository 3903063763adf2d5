package fr.dispostock.domain.register;

import fr.dispostock.domain.Cis;

import java.time.LocalDate;

/**
 * A shortage or supply-tension status the medicines agency (ANSM) publishes for a specialty (its
 * CIS), or one presentation of it (its CIP13, else null), in the public medicines database's file
 * {@code CIS_CIP_Dispo_Spec}: what it is, since when, last updated, when supply resumed, and the
 * agency's page about it.
 */
public record SupplyStatus(Cis cis, String cip13, Kind kind, LocalDate since, LocalDate updatedOn,
                           LocalDate availableAgainOn, String url) {

    /** The agency's four statuses, by the code its file gives them (1 to 4). */
    public enum Kind {
        /** "Rupture de stock": none to deliver. */
        SHORTAGE,
        /** "Tension d'approvisionnement": deliveries reduced or quota'd. */
        TENSION,
        /** "Arrêt de commercialisation": the specialty is being withdrawn from the market. */
        DISCONTINUED,
        /** "Remise à disposition": supply resumed. */
        AVAILABLE_AGAIN;

        /** Kind of the agency's code 1–4. */
        public static Kind ofCode(int code) {
            return values()[code - 1];
        }
    }

    /** Whether it announces less supply than usual (a resumed supply does not). */
    public boolean constrainsSupply() {
        return kind != Kind.AVAILABLE_AGAIN;
    }
}
