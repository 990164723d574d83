package dev.tokensmith.adapter.itop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JSON written as PHP's {@code json_encode} writes it, and read as {@code json_decode} reads it.
 */
class ItopJsonTest {
  @Test
  void slashesAndEveryNonAsciiCharacterAreEscapedLikePhp() {
    ObjectNode node = ItopJson.NODES.objectNode();
    node.put("a/b", "</script> é 😀 \u2028 \"q\" \\ \n\t");
    assertThat(ItopJson.write(node))
        .isEqualTo(
            "{\"a\\/b\":\"<\\/script> \\u00e9 \\ud83d\\ude00 \\u2028 \\\"q\\\" \\\\ \\n\\t\"}");
  }

  @Test
  void whatIsWrittenReadsBackTheSame() {
    ObjectNode node = ItopJson.NODES.objectNode();
    node.put("text", "AC/DC Zoë 😀 \u0000");
    assertThat(ItopJson.read(ItopJson.write(node))).contains(node);
  }

  @Test
  void aRepeatedMemberKeepsItsLastValue() {
    assertThat(ItopJson.read("{\"a\":1,\"a\":2}").get().get("a").asInt()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "{} {}", "{'a':1}", "{\"a\":1,}", "[1] x", "nul"})
  void invalidJsonIsNone(String text) {
    assertThat(ItopJson.read(text)).isEmpty();
  }

  @Test
  void nestingBeyondJacksonsLimitIsNoneNotAnException() {
    assertThat(ItopJson.read("[".repeat(100_000))).isEmpty();
    assertThat(ItopJson.read("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000))).isEmpty();
  }
}
