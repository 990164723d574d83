package dev.tokensmith.adapter.http;

import dev.tokensmith.adapter.http.HttpSettings.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per client address, in memory (the limit of revocations by value, per instance):
 * each address may spend {@code attempts} per {@code period}, refilled evenly. At most {@code
 * maxAddresses} buckets are kept; the least recently used address is forgotten first, so memory
 * stays bounded whatever the traffic.
 */
final class AddressRateLimiter {
  private final double capacity;
  private final double refillPerSecond;
  private final Clock clock;
  private final Map<String, Bucket> buckets;

  private static final class Bucket {
    double available;
    Instant updated;

    Bucket(double available, Instant updated) {
      this.available = available;
      this.updated = updated;
    }
  }

  AddressRateLimiter(RateLimit limit, int maxAddresses, Clock clock) {
    this.capacity = limit.attempts();
    this.refillPerSecond = limit.attempts() / (limit.period().toNanos() / 1e9);
    this.clock = clock;
    this.buckets =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > maxAddresses;
          }
        };
  }

  /** Seconds until {@code address} may try again, or 0 when it may now. Spends nothing. */
  synchronized long retryAfterSeconds(String address) {
    Bucket bucket = buckets.get(address);
    if (bucket == null) {
      return 0;
    }
    refill(bucket);
    return bucket.available >= 1 ? 0 : secondsUntilOne(bucket);
  }

  /** Spends one attempt if there is one: 0, or the seconds to wait when there is none. */
  synchronized long tryAcquire(String address) {
    Bucket bucket = buckets.computeIfAbsent(address, a -> new Bucket(capacity, clock.instant()));
    refill(bucket);
    if (bucket.available < 1) {
      return secondsUntilOne(bucket);
    }
    bucket.available -= 1;
    return 0;
  }

  synchronized int trackedAddresses() {
    return buckets.size();
  }

  private void refill(Bucket bucket) {
    Instant now = clock.instant();
    if (now.isAfter(bucket.updated)) {
      double seconds = Duration.between(bucket.updated, now).toNanos() / 1e9;
      bucket.available = Math.min(capacity, bucket.available + seconds * refillPerSecond);
      bucket.updated = now;
    }
  }

  private long secondsUntilOne(Bucket bucket) {
    return Math.max(1, (long) Math.ceil((1 - bucket.available) / refillPerSecond));
  }
}
