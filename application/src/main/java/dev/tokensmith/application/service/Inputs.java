package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.in.UseCaseFailure.InvalidInput;
import dev.tokensmith.domain.account.Names;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.ScopeCatalog;
import io.vavr.control.Either;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Reads the names clients send (scopes, profiles, status) into domain values. */
final class Inputs {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

  private Inputs() {}

  /**
   * A sentence saying what is wrong with {@code email} as the email address {@code field}, or null
   * when it is a valid name (see {@link Names}) of the shape {@code local@domain}.
   */
  static @Nullable String emailProblem(String field, String email) {
    String problem = Names.problem(field, email);
    if (problem != null) {
      return problem;
    }
    return EMAIL.matcher(email.strip()).matches() ? null : field + " must be an email address";
  }

  static Either<UseCaseFailure, Set<Scope>> scopes(ScopeCatalog catalog, Set<String> names) {
    if (names == null || names.isEmpty()) {
      return Either.left(new InvalidInput("scopes", "scopes must name at least one scope"));
    }
    Set<Scope> scopes = new LinkedHashSet<>();
    for (String name : names) {
      Either<String, Scope> scope = catalog.parse(name);
      if (scope.isLeft()) {
        return Either.left(new InvalidInput("scopes", scope.getLeft()));
      }
      scopes.add(scope.get());
    }
    return Either.right(scopes);
  }

  static Either<UseCaseFailure, Set<Profile>> profiles(Set<String> names) {
    Set<Profile> profiles = new LinkedHashSet<>();
    for (String name : names == null ? Set.<String>of() : names) {
      Profile profile =
          Profile.BUILT_IN.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
      if (profile == null) {
        return Either.left(
            new InvalidInput(
                "profiles",
                "unknown profile '"
                    + name
                    + "'; known profiles are "
                    + Profile.BUILT_IN.stream()
                        .map(Profile::name)
                        .sorted()
                        .collect(Collectors.joining(", "))));
      }
      profiles.add(profile);
    }
    return Either.right(profiles);
  }

  static Either<UseCaseFailure, Status> status(String code) {
    return Status.parse(code)
        .toEither(
            () ->
                (UseCaseFailure) new InvalidInput("status", "status must be enabled or disabled"));
  }
}
