package dev.tokensmith.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.authentication.AuthenticationFailure;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenParseFailure;
import io.vavr.control.Option;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every member of the sealed failure families has a response, so that adding a failure without
 * mapping it fails here rather than as a 500 in production.
 */
class ProblemsTest {
  @Test
  void everyUseCaseFailureHasAResponse() {
    for (Class<?> type : UseCaseFailure.class.getPermittedSubclasses()) {
      UseCaseFailure failure = (UseCaseFailure) sample(type);
      assertThatCode(() -> Problems.of(failure))
          .as(type.getSimpleName())
          .doesNotThrowAnyException();
      Problem problem = Problems.of(failure);
      assertThat(problem.status()).as(type.getSimpleName()).isBetween(400, 499);
      assertThat(problem.body().message()).isNotBlank();
    }
  }

  @Test
  void everyAuthenticationFailureHasTheResponseOfDesignTable() {
    for (Class<?> type : AuthenticationFailure.class.getPermittedSubclasses()) {
      AuthenticationFailure failure = (AuthenticationFailure) sample(type);
      assertThatCode(() -> Problems.of(failure))
          .as(type.getSimpleName())
          .doesNotThrowAnyException();
      Problem problem = Problems.of(failure);
      assertThat(problem.status())
          .as(type.getSimpleName())
          .isEqualTo(failure.reason().httpStatus());
      assertThat(problem.body().reason()).isEqualTo(failure.reason().code());
      if (failure instanceof AuthenticationFailure.RateLimited) {
        assertThat(problem.headers()).containsEntry("Retry-After", "42");
        assertThat(problem.body().error()).isEqualTo("too_many_requests");
        continue;
      }
      String challenge = problem.headers().get("WWW-Authenticate");
      assertThat(challenge).startsWith("Bearer realm=\"tokensmith\"");
      failure
          .reason()
          .bearerError()
          .forEach(error -> assertThat(challenge).contains("error=\"" + error + "\""));
    }
  }

  @Test
  void tooManyWrongPasswordsAre429RateLimitedWithRetryAfter() {
    Problem problem = Problems.of(new UseCaseFailure.TooManyAttempts(Duration.ofMillis(59_001)));
    assertThat(problem.status()).isEqualTo(429);
    assertThat(problem.body().reason()).isEqualTo("rate_limited");
    assertThat(problem.headers()).containsEntry("Retry-After", "60");
    assertThat(problem.body().message()).contains("60 seconds");
  }

  @Test
  void invalidInputMessagesAlwaysNameTheField() {
    Problem problem =
        Problems.of(new UseCaseFailure.InvalidInput("scopes", "unknown scope 'x'; known are rest"));
    assertThat(problem.body().message()).startsWith("scopes: unknown scope");
  }

  @Test
  void challengeAttributesHoldOnlyQuotableCharacters() {
    assertThat(dev.tokensmith.javalin.BearerRefusal.quotable("a \"quoted\" \\ café"))
        .isEqualTo("a 'quoted' ' caf'");
  }

  /** An instance of a record with plausible values for its components. */
  static Object sample(Class<?> type) {
    assertThat(type.isRecord()).as(type + " is a record").isTrue();
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types =
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new);
    Object[] values = Arrays.stream(types).map(ProblemsTest::value).toArray();
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(types);
      return constructor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot build a sample " + type, e);
    }
  }

  private static Object value(Class<?> type) {
    if (type == String.class) {
      return "field";
    }
    if (type == TokenId.class) {
      return new TokenId(1, 2);
    }
    if (type == int.class) {
      return 90;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == Instant.class) {
      return Instant.parse("2026-01-15T09:00:00Z");
    }
    if (type == Scope.class) {
      return Scope.REST;
    }
    if (type == TokenParseFailure.class) {
      return new TokenParseFailure.WrongChecksum();
    }
    if (type == Set.class) {
      return Set.of(Profile.ADMINISTRATOR);
    }
    if (type == List.class) {
      return List.of();
    }
    if (type == Duration.class) {
      return Duration.ofSeconds(42);
    }
    if (type == Option.class) {
      return Option.some(new TokenId(1, 2));
    }
    throw new AssertionError("no sample value for " + type + "; add one here");
  }
}
