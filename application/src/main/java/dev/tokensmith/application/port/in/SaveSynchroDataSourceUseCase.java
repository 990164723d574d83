package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.synchro.SynchroDataSource;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;
import java.util.Map;

/**
 * Creates and changes data sources and their attributes from iTop's fields (attribute code to text,
 * as a REST client sends them). Administrators only (Forbidden otherwise, with iTop's sentence);
 * InvalidInput naming the field for an unknown field, a bad value or a rule of iTop's {@code
 * DoCheckToWrite}; NotFound for a data source or attribute that does not exist. A new source gets
 * iTop's default attribute list unless {@code attributeList} gives one.
 */
public interface SaveSynchroDataSourceUseCase {
  Either<UseCaseFailure, SynchroDataSource> create(
      Principal actor, Map<String, String> fields, Option<List<Map<String, String>>> attributeList);

  Either<UseCaseFailure, SynchroDataSource> update(
      Principal actor,
      long id,
      Map<String, String> fields,
      Option<List<Map<String, String>>> attributeList);

  /** Changes attribute {@code attributeId}; answers its data source as changed. */
  Either<UseCaseFailure, SynchroDataSource> updateAttribute(
      Principal actor, long attributeId, Map<String, String> fields);
}
