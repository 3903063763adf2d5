package fr.dispostock.statestock.catalogue;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A catalogue product as the national operator sends it. */
@Serdeable
public record ProductBody(String name, String kind, String unit, Integer packSize, List<DeviceBody> devices,
                          Boolean orderable) {
    @Serdeable
    public record DeviceBody(String code, Integer perUnit) {
    }
}
