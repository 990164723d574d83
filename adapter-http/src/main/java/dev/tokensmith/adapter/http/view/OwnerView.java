package dev.tokensmith.adapter.http.view;

/** The user a personal token belongs to. */
public record OwnerView(String login) {}
