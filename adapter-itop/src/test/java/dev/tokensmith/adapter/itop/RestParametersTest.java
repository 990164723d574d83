package dev.tokensmith.adapter.itop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parameters decoded as PHP decodes them: leniently, the last occurrence winning. */
class RestParametersTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a+b|a b",
        "a%20b|a b",
        "%7B%22x%22%3A1%7D|{\"x\":1}",
        "100%|100%",
        "%zz|%zz",
        "%4|%4",
        "caf%C3%A9|café",
        "%FF|\uFFFD",
        "plain|plain"
      })
  void decodesLikePhpsUrldecode(String encoded, String decoded) {
    assertThat(RestParameters.decode(encoded)).isEqualTo(decoded);
  }

  @Test
  void laterPairsWinAndEmptyNamesAreIgnored() {
    Map<String, String> values = new HashMap<>();
    RestParameters.decodeInto("version=1.0&&=x&version=1.3&flag&json_data=%7B%7D", values);
    assertThat(values)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("version", "1.3", "flag", "", "json_data", "{}"));
  }
}
