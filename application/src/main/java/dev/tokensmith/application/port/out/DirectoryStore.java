package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.directory.Criteria;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryRecord;
import dev.tokensmith.domain.directory.DirectoryText;
import dev.tokensmith.domain.directory.Literal;
import dev.tokensmith.domain.directory.ObjectQuery;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The directory as iTop clients see it: persons, organizations and (read-only) users as {@link
 * DirectoryRecord}s, found by {@link ObjectQuery}; persons and organizations written here are the
 * same ones the {@link AccountDirectory} holds.
 *
 * <p>Every store matches criteria the same way (the contract test proves it):
 *
 * <ul>
 *   <li>Attributes are the record's fields: derived ones ({@code friendlyname}, {@code org_name},
 *       {@code profile_list}) match as rendered, an absent phone as {@code ""}.
 *   <li>Text compares with {@code = != IN} and {@code LIKE} ignoring the case of the ASCII letters
 *       A-Z only (no other folding, no accent folding), and with {@code < > <= >=} in code-point
 *       order of that folded text. A number compared with a text attribute is its decimal text.
 *   <li>Numeric attributes ({@code id}, {@code org_id}, {@code contactid}) compare numerically. A
 *       text literal counts as the integer it spells ({@code '3'}, {@code '-03'}); any other text
 *       equals no number: {@code =} and {@code IN} never match it, {@code !=} and {@code NOT IN}
 *       always do, {@code < > <= >=} never do. {@code LIKE} on a numeric attribute matches its
 *       decimal text.
 *   <li>{@code LIKE} patterns are read by {@link dev.tokensmith.domain.directory.LikePattern}.
 *   <li>A literal may contain any character, U+0000 included; no stored value contains U+0000, so
 *       such a literal compares exactly as its characters say (it equals nothing).
 * </ul>
 *
 * Queries must name only attributes of their class ({@link ObjectQuery#checkAttributes()}); other
 * queries are a programming error ({@link IllegalArgumentException}). Texts, in queries and in
 * writes, must be well-formed UTF-16 ({@link DirectoryText#isWellFormed}): a lone surrogate has no
 * UTF-8 form for PostgreSQL to store or compare.
 */
public interface DirectoryStore {

  /** The objects that match, by ascending id, skipping {@code offset}, at most {@code limit}. */
  List<DirectoryRecord> find(ObjectQuery query, int limit, int offset);

  /** How many objects match. */
  long count(ObjectQuery query);

  /**
   * Hands every object that matches to {@code sink}, in iTop's export order: friendly name as
   * {@link DirectoryText#compare} orders it (ASCII letters folded), then id. The store reads in
   * batches and never holds all the objects at once. Returns how many were handed.
   */
  long forEachInExportOrder(ObjectQuery query, Consumer<DirectoryRecord> sink);

  /**
   * Runs {@code work}, whose reads and writes through this store then form one transaction: all its
   * writes land together when it returns, none when it throws or when {@code rollback} is set (a
   * simulation). Not for a work that runs on other threads.
   */
  <T> T inOneTransaction(boolean rollback, Supplier<T> work);

  /** Creates a person (with {@code phone} none or not blank) in an existing organization. */
  DirectoryRecord createPerson(NewPerson person);

  /** Applies {@code changes} to person {@code id}; none when there is no such person. */
  Option<DirectoryRecord> updatePerson(long id, PersonChanges changes);

  /**
   * Creates the persons as {@link #createPerson} does, in their order, and returns them in the same
   * order. A store writes them in a few statements whatever their number (an import's batch).
   */
  default List<DirectoryRecord> createPersons(List<NewPerson> persons) {
    List<DirectoryRecord> created = new ArrayList<>(persons.size());
    for (NewPerson person : persons) {
      created.add(createPerson(person));
    }
    return created;
  }

  /**
   * Creates the persons as {@link #createPersons} does and returns only their ids, in the same
   * order (an import, which knows the rest, needs no record built per person).
   */
  default long[] createPersonIds(List<NewPerson> persons) {
    return createPersons(persons).stream().mapToLong(DirectoryRecord::id).toArray();
  }

  /**
   * Applies each person's changes as {@link #updatePerson} does (only the fields each one gives,
   * each person atomically); returns the ids of the persons that no longer exist. A store writes
   * them in a few statements whatever their number (an import's batch).
   */
  default Set<Long> updatePersons(Map<Long, PersonChanges> changes) {
    Set<Long> missing = new LinkedHashSet<>();
    changes.forEach(
        (id, change) -> {
          if (updatePerson(id, change).isEmpty()) {
            missing.add(id);
          }
        });
    return missing;
  }

  /**
   * Deletes person {@code id} unless it is a user's contact; with {@code simulate}, only says what
   * deleting would do.
   */
  DeleteOutcome deletePerson(long id, boolean simulate);

  /** Creates an organization; left when another one has exactly this name. */
  Either<DirectoryConflict, DirectoryRecord> createOrganization(String name);

  /**
   * Renames organization {@code id}; left when another one has exactly this name, right none when
   * there is no such organization.
   */
  Either<DirectoryConflict, Option<DirectoryRecord>> updateOrganization(long id, String name);

  /**
   * Which of {@code names} organizations have exactly (no folding), with their ids: what an import
   * checks before it writes organizations.
   */
  default Map<String, Long> organizationIdsNamed(Collection<String> names) {
    Map<String, Long> found = new HashMap<>();
    if (names.isEmpty()) {
      return found;
    }
    List<Literal> literals = new ArrayList<>(names.size());
    names.forEach(name -> literals.add(Literal.of(name)));
    ObjectQuery named =
        new ObjectQuery(DirectoryClass.ORGANIZATION, new Criteria.In("name", literals, false));
    for (DirectoryRecord organization : find(named, Integer.MAX_VALUE, 0)) {
      if (names.contains(organization.field("name"))) {
        found.put(organization.field("name"), organization.id());
      }
    }
    return found;
  }

  /**
   * Creates the organizations in their order; for each, its id, or none when another organization
   * has exactly its name (it is then not created). A store writes them in a few statements whatever
   * their number (an import's batch).
   */
  default List<Option<Long>> createOrganizations(List<NewOrganization> organizations) {
    List<Option<Long>> ids = new ArrayList<>(organizations.size());
    for (NewOrganization organization : organizations) {
      Either<DirectoryConflict, DirectoryRecord> created = createOrganization(organization.name());
      if (created.isRight() && !created.get().field("status").equals(organization.status())) {
        setOrganizationStatus(created.get().id(), organization.status());
      }
      ids.add(created.map(DirectoryRecord::id).toOption());
    }
    return ids;
  }

  /**
   * Applies each organization's changes (only the fields each one gives); returns the ids of the
   * organizations that no longer exist. The new names must be free: a name another organization
   * holds is a programming error here ({@link #organizationIdsNamed} tells). A store writes them in
   * a few statements whatever their number (an import's batch).
   */
  default Set<Long> updateOrganizations(Map<Long, OrganizationChanges> changes) {
    Set<Long> missing = new LinkedHashSet<>();
    changes.forEach(
        (id, change) -> {
          boolean found =
              change
                  .name()
                  .map(
                      name ->
                          updateOrganization(id, name)
                              .getOrElseThrow(
                                  conflict -> new IllegalStateException(conflict.message()))
                              .isDefined())
                  .getOrElse(true);
          if (found && change.status().isDefined()) {
            found = setOrganizationStatus(id, change.status().get()).isDefined();
          }
          if (!found) {
            missing.add(id);
          }
        });
    return missing;
  }

  /**
   * Sets the status ({@code active} or {@code inactive}) of organization {@code id}; none when
   * there is no such organization.
   */
  Option<DirectoryRecord> setOrganizationStatus(long id, String status);

  /**
   * Deletes organization {@code id} unless persons, users or application tokens belong to it; with
   * {@code simulate}, only says what deleting would do.
   */
  DeleteOutcome deleteOrganization(long id, boolean simulate);
}
