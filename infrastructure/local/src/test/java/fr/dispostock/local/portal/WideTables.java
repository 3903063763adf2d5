package fr.dispostock.local.portal;

import java.util.List;

/** The tables of the page shown wider than their container: a reader would have to scroll them sideways. */
final class WideTables {
    private WideTables() {
    }

    /** Their ids (else their accessible names); empty when every table fits. */
    static List<?> on(PortalBrowser portal) {
        return (List<?>) portal.js().executeScript("""
                return [...document.querySelectorAll('.fr-table__container')].filter((c) => c.scrollWidth > c.clientWidth)
                  .map((c) => c.closest('.fr-table').id || c.getAttribute('aria-label'));""");
    }
}
