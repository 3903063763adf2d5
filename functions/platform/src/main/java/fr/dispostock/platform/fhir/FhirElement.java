package fr.dispostock.platform.fhir;

import fr.dispostock.domain.Violations;
import io.micronaut.json.tree.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An element of a FHIR JSON body being read, with its FHIRPath expression
 * ({@code InventoryReport.inventoryListing[2].item[0].quantity.value}): what is wrong in it is
 * said at that expression, in the {@link Violations} of the request, so that one answer names
 * every bad element.
 *
 * @param node null when the element is absent
 */
public record FhirElement(JsonNode node, String expression) {

    /** The resource, or null (said in {@code v}) when the body is not one of this type. */
    public static FhirElement resource(JsonNode body, String resourceType, Violations v) {
        if (body == null || !body.isObject() || body.get("resourceType") == null
                || !body.get("resourceType").isString()
                || !resourceType.equals(body.get("resourceType").getStringValue())) {
            v.add(resourceType, "the body must be a FHIR R5 " + resourceType + " (resourceType \"" + resourceType + "\")");
            return null;
        }
        return new FhirElement(body, resourceType);
    }

    public boolean present() {
        return node != null && !node.isNull();
    }

    public FhirElement child(String name) {
        return new FhirElement(node != null && node.isObject() ? node.get(name) : null, expression + "." + name);
    }

    /** The elements of a repeating child (none when absent; said in {@code v} when not an array). */
    public List<FhirElement> list(String name, Violations v) {
        FhirElement child = child(name);
        List<FhirElement> elements = new ArrayList<>();
        if (!child.present()) {
            return elements;
        }
        if (!child.node.isArray()) {
            v.add(child.expression, "must be an array");
            return elements;
        }
        for (int i = 0; i < child.node.size(); i++) {
            elements.add(new FhirElement(child.node.get(i), child.expression + "[" + i + "]"));
        }
        return elements;
    }

    /** The extension of this URL among the element's, absent when there is none. */
    public FhirElement extension(String url, Violations v) {
        for (FhirElement e : list("extension", v)) {
            FhirElement u = e.child("url");
            if (u.present() && u.node.isString() && url.equals(u.node.getStringValue())) {
                return new FhirElement(e.node, expression + ".extension('" + url + "')");
            }
        }
        return new FhirElement(null, expression + ".extension('" + url + "')");
    }

    /** The string, or null (said in {@code v} when present but not a string). */
    public String string(Violations v) {
        if (!present()) {
            return null;
        }
        if (!node.isString()) {
            v.add(expression, "must be a string");
            return null;
        }
        return node.getStringValue();
    }

    /** The number as written, or null (said in {@code v} when present but not a finite number). */
    public BigDecimal decimal(Violations v) {
        if (!present()) {
            return null;
        }
        if (!node.isNumber()) {
            v.add(expression, "must be a number");
            return null;
        }
        try {
            return new BigDecimal(node.getNumberValue().toString());
        } catch (NumberFormatException e) { // a double past its range reads as Infinity
            v.add(expression, "is out of range");
            return null;
        }
    }

    /** Requires this code, said in {@code v} otherwise. */
    public void requireCode(String code, String why, Violations v) {
        String value = string(v);
        if (!code.equals(value)) {
            v.add(expression, "must be " + code + (value == null ? " (missing)" : ", not " + value) + ": " + why);
        }
    }
}
