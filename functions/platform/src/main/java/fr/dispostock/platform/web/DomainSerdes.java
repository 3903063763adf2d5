package fr.dispostock.platform.web;

import fr.dispostock.domain.Cis;
import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Ucd;
import fr.dispostock.domain.register.Address;
import fr.dispostock.domain.register.AuditEntry;
import fr.dispostock.domain.register.Establishment;
import fr.dispostock.domain.register.Instruction;
import fr.dispostock.domain.register.Medicine;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.Site;
import fr.dispostock.domain.statestock.Availability;
import fr.dispostock.domain.statestock.LotDeclaration;
import fr.dispostock.domain.statestock.LotLine;
import fr.dispostock.domain.statestock.Order;
import fr.dispostock.domain.statestock.Product;
import io.micronaut.serde.Deserializer;
import io.micronaut.context.annotation.Factory;
import io.micronaut.serde.Serializer;
import io.micronaut.serde.annotation.SerdeImport;
import jakarta.inject.Singleton;

/**
 * JSON for the domain's records without annotating the domain: value types are written as the
 * codes users know ("84", "2A", "010000024", "3400890099943", "2026-W48"), and read back from them
 * (documents stored as JSON).
 */
@Factory
@SerdeImport(Establishment.class)
@SerdeImport(Site.class)
@SerdeImport(Pui.class)
@SerdeImport(Address.class)
@SerdeImport(Medicine.class)
@SerdeImport(Medicine.Priority.class)
@SerdeImport(Instruction.class)
@SerdeImport(AuditEntry.class)
@SerdeImport(Product.class)
@SerdeImport(Product.Device.class)
@SerdeImport(LotLine.class)
@SerdeImport(LotDeclaration.class)
@SerdeImport(LotDeclaration.Revision.class)
@SerdeImport(Order.class)
@SerdeImport(Order.Line.class)
@SerdeImport(Order.Shipment.class)
@SerdeImport(Order.ShippedLot.class)
@SerdeImport(Order.Step.class)
@SerdeImport(Availability.class)
@SerdeImport(Availability.Line.class)
public class DomainSerdes {
    @Singleton
    Serializer<Finess> finess() {
        return (encoder, context, type, value) -> encoder.encodeString(value.value());
    }

    @Singleton
    Serializer<Ucd> ucd() {
        return (encoder, context, type, value) -> encoder.encodeString(value.ucd13());
    }

    @Singleton
    Serializer<Cis> cis() {
        return (encoder, context, type, value) -> encoder.encodeString(value.code());
    }

    @Singleton
    Serializer<Region> region() {
        return (encoder, context, type, value) -> encoder.encodeString(value.code());
    }

    @Singleton
    Serializer<Departement> departement() {
        return (encoder, context, type, value) -> encoder.encodeString(value.code());
    }

    @Singleton
    Serializer<IsoWeek> isoWeek() {
        return (encoder, context, type, value) -> encoder.encodeString(value.toString());
    }

    @Singleton
    Deserializer<Finess> finessReader() {
        return (decoder, context, type) -> Finess.parse(decoder.decodeString());
    }

    @Singleton
    Deserializer<Region> regionReader() {
        return (decoder, context, type) -> Region.parse(decoder.decodeString());
    }

    @Singleton
    Deserializer<Departement> departementReader() {
        return (decoder, context, type) -> Departement.parse(decoder.decodeString());
    }
}
