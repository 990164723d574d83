package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryRecord;
import io.vavr.control.Either;
import java.util.Map;

/**
 * Creates a Person or an Organization from iTop {@code fields} (attribute code to a String or an
 * integer, as decoded from JSON; {@code org_id} an id, already resolved from any other key form).
 * Forbidden unless the actor holds Administrator or Directory Manager, and always for User
 * (read-only); InvalidInput naming the attribute (unknown, read-only, missing, wrong type, bad
 * text, {@code org_id} of no organization); Conflict for an organization name in use.
 */
public interface CreateDirectoryObjectUseCase {
  Either<UseCaseFailure, DirectoryRecord> create(
      Principal actor, DirectoryClass directoryClass, Map<String, ?> fields);
}
