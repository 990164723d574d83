package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.account.Organization;
import io.vavr.control.Option;

/** A contact to be created; the id is assigned on creation. */
public record NewPerson(
    String firstName, String name, String email, Option<String> phone, Organization organization) {}
