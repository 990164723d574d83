package dev.tokensmith.adapter.persistence;

import dev.tokensmith.application.port.out.RegisteredScope;
import dev.tokensmith.application.port.out.ScopeRegistry;
import dev.tokensmith.domain.token.Scope;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.statement.PreparedBatch;

/** {@link ScopeRegistry} on PostgreSQL: one row per registered scope, upserted by name. */
public final class JdbiScopeRegistry implements ScopeRegistry {
  static final String REGISTERED =
      """
      SELECT name, description, registered_at FROM registered_scopes ORDER BY name
      """;

  static final String REGISTER =
      """
      INSERT INTO registered_scopes (name, description, registered_at)
      VALUES (:name, :description, :at)
      ON CONFLICT (name) DO UPDATE
      SET description = EXCLUDED.description, registered_at = EXCLUDED.registered_at
      """;

  private final Storage storage;

  JdbiScopeRegistry(Storage storage) {
    this.storage = storage;
  }

  @Override
  public List<RegisteredScope> registered() {
    return storage.read(
        handle ->
            handle
                .createQuery(REGISTERED)
                .map(
                    (row, context) ->
                        new RegisteredScope(
                            new Scope(row.getString("name")),
                            row.getString("description"),
                            row.getObject("registered_at", OffsetDateTime.class).toInstant()))
                .list());
  }

  @Override
  public void register(List<RegisteredScope> scopes) {
    if (scopes.isEmpty()) {
      return;
    }
    storage.durably(
        handle -> {
          PreparedBatch batch = handle.prepareBatch(REGISTER);
          for (RegisteredScope scope : scopes) {
            Instant at = scope.registeredAt();
            batch
                .bind("name", scope.scope().name())
                .bind("description", scope.description())
                .bind("at", at)
                .add();
          }
          return batch.execute();
        });
  }
}
