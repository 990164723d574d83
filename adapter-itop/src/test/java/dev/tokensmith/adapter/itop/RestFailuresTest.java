package dev.tokensmith.adapter.itop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tokensmith.adapter.itop.oql.OqlSyntaxError;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.authentication.AuthenticationFailure;
import dev.tokensmith.domain.directory.DirectoryClass;
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
 * Every member of the sealed failure families has an iTop answer, so that a new failure cannot go
 * unmapped (it would fail here rather than answer "something went wrong").
 */
class RestFailuresTest {
  @Test
  void everyAuthenticationFailureIsCode1NamingItsReason() {
    for (Class<?> type : AuthenticationFailure.class.getPermittedSubclasses()) {
      AuthenticationFailure failure = (AuthenticationFailure) sample(type);
      assertThatCode(() -> RestFailures.ofAuthentication(failure))
          .as(type.getSimpleName())
          .doesNotThrowAnyException();
      RestResult result = RestFailures.ofAuthentication(failure);
      assertThat(result.code()).as(type.getSimpleName()).isEqualTo(RestCode.UNAUTHORIZED);
      assertThat(result.headers())
          .containsEntry(RestFailures.AUTH_FAILURE_HEADER, failure.reason().code());
      String message = result.body().get("message").asText();
      if (failure instanceof AuthenticationFailure.RestProfileRequired) {
        assertThat(message).isEqualTo(RestFailures.REST_PROFILE_REQUIRED);
      } else if (failure instanceof AuthenticationFailure.RateLimited) {
        assertThat(message).isEqualTo("Error: Too many failed attempts, retry in 42 s");
        assertThat(result.headers()).containsEntry("Retry-After", "42");
      } else {
        assertThat(message).as(type.getSimpleName()).isEqualTo("Error: Invalid login");
      }
    }
  }

  @Test
  void everyUseCaseFailureOfAnOperationHasAnAnswer() {
    for (Class<?> type : UseCaseFailure.class.getPermittedSubclasses()) {
      UseCaseFailure failure = (UseCaseFailure) sample(type);
      assertThatCode(() -> RestFailures.ofOperation(failure))
          .as(type.getSimpleName())
          .doesNotThrowAnyException();
      RestResult result = RestFailures.ofOperation(failure);
      assertThat(result.code()).isIn(RestCode.UNAUTHORIZED, RestCode.INTERNAL_ERROR);
      assertThat(result.body().get("message").asText()).isNotBlank();
    }
  }

  @Test
  void everyUseCaseFailureOfAPasswordLoginIsCode1() {
    for (Class<?> type : UseCaseFailure.class.getPermittedSubclasses()) {
      UseCaseFailure failure = (UseCaseFailure) sample(type);
      assertThatCode(() -> RestFailures.ofPasswordLogin(failure))
          .as(type.getSimpleName())
          .doesNotThrowAnyException();
      assertThat(RestFailures.ofPasswordLogin(failure).code()).isEqualTo(RestCode.UNAUTHORIZED);
    }
  }

  @Test
  void everyOqlErrorIsAQueryThatFailedToExecute() {
    for (Class<?> type : OqlSyntaxError.class.getPermittedSubclasses()) {
      OqlSyntaxError error = (OqlSyntaxError) sample(type);
      assertThatCode(() -> RestFailures.ofQuery("SELECT X", error))
          .as(type.getSimpleName())
          .doesNotThrowAnyException();
      RestResult result = RestFailures.ofQuery("SELECT X", error);
      assertThat(result.code()).isEqualTo(RestCode.INTERNAL_ERROR);
      assertThat(result.body().get("message").asText())
          .startsWith("Error: Query failed to execute: query = SELECT X, ")
          .contains(error.message());
    }
  }

  @Test
  void permissionErrorsKeepItopsSentenceWithoutErrorPrefixAndWithNullObjects() {
    RestResult result =
        RestFailures.ofOperation(
            new UseCaseFailure.Forbidden(
                "The current user does not have enough permissions for creating data of class"
                    + " Person"));
    assertThat(ItopJson.write(result.body()))
        .isEqualTo(
            "{\"objects\":null,\"code\":1,\"message\":\"The current user does not have enough"
                + " permissions for creating data of class Person\"}");
  }

  @Test
  void invalidInputNamesTheAttribute() {
    RestResult result =
        RestFailures.ofOperation(new UseCaseFailure.InvalidInput("email", "not an address"));
    assertThat(result.body().get("message").asText()).isEqualTo("Error: email: not an address");
  }

  /** An instance of a record with plausible values for its components. */
  static Object sample(Class<?> type) {
    assertThat(type.isRecord()).as(type + " is a record").isTrue();
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types =
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new);
    Object[] values = Arrays.stream(types).map(RestFailuresTest::value).toArray();
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
    if (type == int.class) {
      return 3;
    }
    if (type == DirectoryClass.class) {
      return DirectoryClass.PERSON;
    }
    if (type == TokenId.class) {
      return new TokenId(1, 2);
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
