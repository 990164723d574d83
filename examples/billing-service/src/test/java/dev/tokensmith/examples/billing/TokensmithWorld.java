package dev.tokensmith.examples.billing;

import dev.tokensmith.application.fake.MutableClock;
import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.service.TokensmithCore;
import dev.tokensmith.javalin.TokenVerifier;

/** A tokensmith the billing service is protected by, in one of the two modes. */
interface TokensmithWorld extends AutoCloseable {
  /** The verifier the billing service is given. */
  TokenVerifier verifier();

  /** tokensmith's core, where the tests make, refresh and delete tokens. */
  TokensmithCore core();

  /** tokensmith's accounts, where the tests add and disable users. */
  AccountDirectory accounts();

  /** tokensmith's clock (expiry). */
  MutableClock tokensmithClock();

  /** Whether a refresh or a delete may pass until {@link #passCacheWindow()}. */
  boolean hasCacheWindow();

  /** Lets the remote verifier's positive cache time pass (its own clock); nothing when embedded. */
  void passCacheWindow();

  /** Makes tokensmith unreachable: its database (embedded) or its HTTP endpoint (remote). */
  void takeDown();

  @Override
  void close();
}
