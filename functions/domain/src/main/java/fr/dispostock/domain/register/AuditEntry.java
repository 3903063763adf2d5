package fr.dispostock.domain.register;

import java.util.Map;

/** One change of a register item: who, when, what it was, what it became (null before a creation). */
public record AuditEntry(String at, String by, String action, Map<String, Object> before, Map<String, Object> after) {
}
