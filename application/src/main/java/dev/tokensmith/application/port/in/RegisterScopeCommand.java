package dev.tokensmith.application.port.in;

/**
 * A scope a service defines for its own routes: its name (e.g. {@code billing:read}) and what a
 * token holding it may do.
 */
public record RegisterScopeCommand(String name, String description) {}
