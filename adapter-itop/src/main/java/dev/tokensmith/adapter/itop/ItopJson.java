package dev.tokensmith.adapter.itop;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vavr.control.Option;
import java.io.IOException;

/**
 * JSON as iTop's PHP reads and writes it: answers escape {@code /} as {@code \/} and every
 * non-ASCII character as {@code \}{@code uXXXX} (lower-case hex), as PHP's {@code json_encode}
 * does, which also keeps JSON-P answers safe inside a page; requests are strict JSON in which a
 * repeated member keeps its last value, as with {@code json_decode}.
 */
final class ItopJson {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final ObjectMapper WRITER = writer();
  private static final ObjectMapper READER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private ItopJson() {}

  /** {@code node} as PHP's {@code json_encode} writes it. */
  static String write(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /** The JSON value {@code text} holds, or none when it is not valid JSON. */
  static Option<JsonNode> read(String text) {
    try {
      JsonNode node = READER.readTree(text);
      return Option.of(node).filter(read -> !read.isMissingNode());
    } catch (IOException | RuntimeException malformed) {
      // Jackson reports limits (nesting, number length) as unchecked exceptions too
      return Option.none();
    }
  }

  private static ObjectMapper writer() {
    JsonFactory factory = new JsonFactory();
    factory.setCharacterEscapes(new PhpEscapes());
    return new ObjectMapper(factory);
  }

  /** PHP's escapes: JSON's own, plus {@code \/} and {@code \}{@code uXXXX} beyond ASCII. */
  private static final class PhpEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final SerializedString SLASH = new SerializedString("\\/");

    private final int[] ascii = standardAsciiEscapesForJSON();

    PhpEscapes() {
      ascii['/'] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch == '/') {
        return SLASH;
      }
      if (ch > 0x7f) {
        return new SerializedString(
            new String(
                new char[] {
                  '\\',
                  'u',
                  HEX[(ch >> 12) & 0xf],
                  HEX[(ch >> 8) & 0xf],
                  HEX[(ch >> 4) & 0xf],
                  HEX[ch & 0xf]
                }));
      }
      return null;
    }
  }
}
