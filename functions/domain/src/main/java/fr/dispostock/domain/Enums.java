package fr.dispostock.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The closed lists of a request (a status, a kind, a level) read by their names, one way everywhere. */
public final class Enums {
    private Enums() {
    }

    /** The constant named {@code raw} (surrounding spaces ignored), if there is one. */
    public static <E extends Enum<E>> Optional<E> find(Class<E> type, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = raw.strip();
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst();
    }

    /** The constant named {@code raw}; an {@link InvalidValueException} naming the choices otherwise. */
    public static <E extends Enum<E>> E parse(Class<E> type, String raw) {
        return find(type, raw).orElseThrow(() -> new InvalidValueException("must be " + choices(type)));
    }

    /** {@code OPEN or CLOSED}, {@code VACCINE, ANTIVIRAL or DEVICE}. */
    public static <E extends Enum<E>> String choices(Class<E> type) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
