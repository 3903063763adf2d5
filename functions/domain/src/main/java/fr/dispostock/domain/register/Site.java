package fr.dispostock.domain.register;

import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.InvalidValueException;
import fr.dispostock.domain.help.Place;

import java.util.Optional;

/**
 * A site (FINESS géographique) of an establishment, as the public FINESS extract describes it.
 *
 * @param latitude  WGS84 degrees, -90 to 90, with {@code longitude}; both absent when the extract gives none
 * @param longitude WGS84 degrees, -180 to 180, with {@code latitude}
 */
public record Site(Finess finessEt, Finess finessEj, String name, String category, String categoryLabel,
                   String address, String postalCode, String city, Departement departement,
                   Double latitude, Double longitude) {

    public Site {
        if ((latitude == null) != (longitude == null)) {
            throw new InvalidValueException("latitude and longitude go together: both or neither");
        }
        if (latitude != null && !(latitude >= -90 && latitude <= 90)) {
            throw new InvalidValueException("latitude " + latitude + " is not between -90 and 90 degrees (WGS84)");
        }
        if (longitude != null && !(longitude >= -180 && longitude <= 180)) {
            throw new InvalidValueException("longitude " + longitude + " is not between -180 and 180 degrees (WGS84)");
        }
    }

    /** Where the site is, for distances between PUIs; empty when the FINESS extract gives no coordinates. */
    public Optional<Place> place() {
        return latitude == null ? Optional.empty() : Optional.of(new Place(latitude, longitude));
    }
}
