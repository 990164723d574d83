package dev.tokensmith.domain.account;

/** A rule that input broke: the field at fault and a sentence saying what is wrong. */
public record Violation(String field, String message) {}
