package dev.tokensmith.benchmarks;

import dev.tokensmith.domain.token.ParsedToken;
import dev.tokensmith.domain.token.TokenCodec;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenKind;
import dev.tokensmith.domain.token.TokenParseFailure;
import dev.tokensmith.domain.token.TokenSecret;
import io.vavr.control.Either;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** {@link TokenCodec#parse}: prefix, alphabet, CRC-32 checksum and two base62 fields. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenParseBenchmark {
  private final TokenCodec codec = new TokenCodec(TokenCodec.DEFAULT_PREFIX);
  private String valid;
  private String wrongChecksum;

  @Setup
  public void setUp() {
    SecureRandom random = new SecureRandom();
    byte[] id = new byte[TokenId.BYTES];
    byte[] secret = new byte[TokenSecret.BYTES];
    random.nextBytes(id);
    random.nextBytes(secret);
    valid = codec.format(TokenKind.PERSONAL, TokenId.of(id), new TokenSecret(secret)).reveal();
    char last = valid.charAt(valid.length() - 1);
    wrongChecksum = valid.substring(0, valid.length() - 1) + (last == 'a' ? 'b' : 'a');
  }

  @Benchmark
  public Either<TokenParseFailure, ParsedToken> parseValid() {
    return codec.parse(valid);
  }

  @Benchmark
  public Either<TokenParseFailure, ParsedToken> parseWrongChecksum() {
    return codec.parse(wrongChecksum);
  }
}
