package dev.tokensmith.adapter.itop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code json_data} object read as iTop's {@code RestUtils} reads it. */
class JsonDataTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "true|true",
        "false|false",
        "1|true",
        "0|false",
        "0.0|false",
        "\"1\"|true",
        "\"0\"|false",
        "\"\"|false",
        "\"false\"|true",
        "[]|false",
        "[0]|true",
        "{}|false"
      })
  void flagsAreTruthyAsInPhp(String json, boolean truthy) {
    JsonData data = JsonData.parse("{\"simulate\":" + json + "}");
    assertThat(JsonData.truthy(data.optional("simulate"))).isEqualTo(truthy);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"key\":null}"})
  void anAbsentOrNullMemberIsMissing(String json) {
    JsonData data = JsonData.parse(json);
    assertThat(data.optional("key")).isEqualTo(Option.none());
    assertThatThrownBy(() -> data.mandatory("key"))
        .isInstanceOfSatisfying(
            RestFailed.class,
            failed ->
                assertThat(failed.result().body().get("message").asText())
                    .isEqualTo("Error: Missing parameter 'key'"));
  }
}
