package dev.tokensmith.adapter.http.view;

/**
 * Every error body: a stable code, the authentication reason code of DESIGN §2 (or null) and a
 * sentence a person understands.
 */
public record ErrorView(String error, String reason, String message) {}
