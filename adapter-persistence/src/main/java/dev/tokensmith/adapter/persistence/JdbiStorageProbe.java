package dev.tokensmith.adapter.persistence;

import dev.tokensmith.application.port.out.StorageFailure;
import dev.tokensmith.application.port.out.StorageProbe;

/** {@link StorageProbe} on PostgreSQL: one {@code select 1}, or a {@link StorageFailure}. */
public final class JdbiStorageProbe implements StorageProbe {
  private final Storage storage;

  JdbiStorageProbe(Storage storage) {
    this.storage = storage;
  }

  @Override
  public void ping() {
    storage.read(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
  }
}
