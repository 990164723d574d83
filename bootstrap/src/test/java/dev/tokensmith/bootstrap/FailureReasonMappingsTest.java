package dev.tokensmith.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.domain.authentication.FailureReason;
import dev.tokensmith.javalin.BearerRefusal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every reason code of {@link FailureReason} is mapped everywhere a reason is shown: the plugin's
 * and the API's RFC 6750 answer, the web UI's words, the OpenAPI description (its enum of reasons
 * and its table) and the reason table of docs. A new reason missing in one of them fails here. (The
 * iTop answer and the API's {@code Problems} walk the sealed failure family in their own tests.)
 */
class FailureReasonMappingsTest {
  private static final Path DOCS = Path.of("..", "docs");

  @ParameterizedTest
  @EnumSource(FailureReason.class)
  void theBearerAnswerCarriesTheReasonAndItsStatus(FailureReason reason) {
    BearerRefusal refusal = BearerRefusal.of(reason, "a sentence", null);
    assertThat(refusal.status()).isEqualTo(reason.httpStatus());
    assertThat(refusal.reason()).isEqualTo(reason.code());
    assertThat(FailureReason.ofCode(reason.code()).get()).isEqualTo(reason);
  }

  @ParameterizedTest
  @EnumSource(FailureReason.class)
  void theWebUiHasWordsForTheReason(FailureReason reason) throws IOException {
    String ui;
    try (InputStream in = getClass().getResourceAsStream("/web/js/ui.js")) {
      assertThat(in).as("web/js/ui.js on the class path").isNotNull();
      ui = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String words =
        ui.substring(ui.indexOf("REASON_WORDS"), ui.indexOf("};", ui.indexOf("REASON_WORDS")));
    assertThat(words).contains("\n  " + reason.code() + ": \"");
  }

  @ParameterizedTest
  @EnumSource(FailureReason.class)
  void theOpenApiDescriptionListsTheReason(FailureReason reason) throws IOException {
    String openApi = Files.readString(DOCS.resolve("openapi.yaml"));
    assertThat(openApi).contains("            - " + reason.code() + "\n");
    assertThat(openApi).contains("`" + reason.code() + "`");
  }

  @ParameterizedTest
  @EnumSource(FailureReason.class)
  void theDocsNameTheReason(FailureReason reason) throws IOException {
    String docs =
        Files.readString(DOCS.resolve("security.md"))
            + Files.readString(DOCS.resolve("policy.md"))
            + Files.readString(Path.of("..", "README.md"));
    assertThat(docs).contains(reason.code());
  }
}
