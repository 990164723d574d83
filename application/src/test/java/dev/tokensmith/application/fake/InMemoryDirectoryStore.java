package dev.tokensmith.application.fake;

import dev.tokensmith.application.port.out.DeleteOutcome;
import dev.tokensmith.application.port.out.DirectoryConflict;
import dev.tokensmith.application.port.out.DirectoryStore;
import dev.tokensmith.application.port.out.NewPerson;
import dev.tokensmith.application.port.out.PersonChanges;
import dev.tokensmith.application.port.out.TokenPosition;
import dev.tokensmith.application.port.out.TokenStore;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.Person;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryRecord;
import dev.tokensmith.domain.directory.DirectoryText;
import dev.tokensmith.domain.directory.ObjectQuery;
import dev.tokensmith.domain.token.ApplicationToken;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@link DirectoryStore} in memory on the state of an {@link InMemoryAccountDirectory} (so persons
 * and organizations are the same in both), with criteria evaluated by {@link InMemoryCriteria}.
 */
public final class InMemoryDirectoryStore implements DirectoryStore {
  private final InMemoryAccountDirectory accounts;
  private final TokenStore tokens;

  /** The store on {@code accounts}; {@code tokens} tells which organizations tokens belong to. */
  public InMemoryDirectoryStore(InMemoryAccountDirectory accounts, TokenStore tokens) {
    this.accounts = accounts;
    this.tokens = tokens;
  }

  @Override
  public List<DirectoryRecord> find(ObjectQuery query, int limit, int offset) {
    if (limit < 1 || offset < 0) {
      throw new IllegalArgumentException("limit must be at least 1 and offset not negative");
    }
    return matching(query).skip(offset).limit(limit).toList();
  }

  @Override
  public long count(ObjectQuery query) {
    return matching(query).count();
  }

  @Override
  public long forEachInExportOrder(ObjectQuery query, Consumer<DirectoryRecord> sink) {
    List<DirectoryRecord> sorted =
        matching(query)
            .sorted(
                Comparator.comparing(
                        (DirectoryRecord record) -> DirectoryText.fold(record.friendlyName()),
                        DirectoryText::compare)
                    .thenComparingLong(DirectoryRecord::id))
            .toList();
    sorted.forEach(sink);
    return sorted.size();
  }

  /** Holds the directory's lock for the whole work, so no other write interleaves. */
  @Override
  public <T> T inOneTransaction(boolean rollback, Supplier<T> work) {
    synchronized (accounts) {
      Object before = accounts.snapshot();
      T result;
      try {
        result = work.get();
      } catch (RuntimeException | Error e) {
        accounts.restore(before);
        throw e;
      }
      if (rollback) {
        accounts.restore(before);
      }
      return result;
    }
  }

  @Override
  public DirectoryRecord createPerson(NewPerson person) {
    synchronized (accounts) {
      return record(accounts.addPerson(person));
    }
  }

  @Override
  public Option<DirectoryRecord> updatePerson(long id, PersonChanges changes) {
    synchronized (accounts) {
      return accounts
          .person(id)
          .map(
              current -> {
                Organization organization =
                    changes
                        .organization()
                        .map(
                            organizationId ->
                                accounts
                                    .organization(organizationId.value())
                                    .getOrElseThrow(
                                        () ->
                                            new IllegalStateException(
                                                "no organization " + organizationId.value())))
                        .getOrElse(current.organization());
                Person changed =
                    new Person(
                        current.id(),
                        changes.firstName().getOrElse(current.firstName()),
                        changes.name().getOrElse(current.name()),
                        changes.email().getOrElse(current.email()),
                        changes.phoneAfter(current.phone()),
                        organization);
                accounts.writePerson(changed);
                changes.status().forEach(status -> accounts.writePersonStatus(id, status));
                return record(accounts.person(id).get());
              });
    }
  }

  @Override
  public DeleteOutcome deletePerson(long id, boolean simulate) {
    synchronized (accounts) {
      Option<Person> person = accounts.person(id);
      if (person.isEmpty()) {
        return new DeleteOutcome.NotFound();
      }
      DirectoryRecord record = record(person.get());
      long users = accounts.usersWithContact(id);
      if (users > 0) {
        return new DeleteOutcome.InUse(record, 0, users, 0);
      }
      if (!simulate) {
        accounts.removePerson(id);
      }
      return new DeleteOutcome.Deleted(record);
    }
  }

  @Override
  public Either<DirectoryConflict, DirectoryRecord> createOrganization(String name) {
    synchronized (accounts) {
      if (accounts.organizationByName(name).isDefined()) {
        return Either.left(new DirectoryConflict(DirectoryClass.ORGANIZATION, "name", name));
      }
      return Either.right(DirectoryRecord.of(accounts.addOrganization(name)));
    }
  }

  @Override
  public Either<DirectoryConflict, Option<DirectoryRecord>> updateOrganization(
      long id, String name) {
    synchronized (accounts) {
      if (accounts.organization(id).isEmpty()) {
        return Either.right(Option.none());
      }
      if (accounts.organizationByName(name).exists(other -> other.id().value() != id)) {
        return Either.left(new DirectoryConflict(DirectoryClass.ORGANIZATION, "name", name));
      }
      accounts.renameOrganization(id, name);
      return Either.right(accounts.organization(id).map(this::record));
    }
  }

  @Override
  public DeleteOutcome deleteOrganization(long id, boolean simulate) {
    // counted before taking the directory's lock: the token store takes its own lock, then the
    // directory's, so taking them in the other order could deadlock
    long applicationTokens = applicationTokensOf(id);
    synchronized (accounts) {
      Option<Organization> organization = accounts.organization(id);
      if (organization.isEmpty()) {
        return new DeleteOutcome.NotFound();
      }
      DirectoryRecord record = record(organization.get());
      long persons = accounts.personsOf(id);
      long users = accounts.usersOf(id);
      if (persons + users + applicationTokens > 0) {
        return new DeleteOutcome.InUse(record, persons, users, applicationTokens);
      }
      if (!simulate) {
        accounts.removeOrganization(id);
      }
      return new DeleteOutcome.Deleted(record);
    }
  }

  private Stream<DirectoryRecord> matching(ObjectQuery query) {
    query.checkAttributes().getOrElseThrow(message -> new IllegalArgumentException(message));
    return records(query.directoryClass()).stream()
        .filter(record -> InMemoryCriteria.matches(query.criteria(), record));
  }

  @Override
  public Option<DirectoryRecord> setOrganizationStatus(long id, String status) {
    if (!DirectoryRecord.isContactStatus(status)) {
      throw new IllegalArgumentException("a status is active or inactive");
    }
    synchronized (accounts) {
      accounts.writeOrganizationStatus(id, status);
      return accounts.organization(id).map(this::record);
    }
  }

  /** An organization as the directory shows it, with its status. */
  private DirectoryRecord record(Organization organization) {
    return DirectoryRecord.organization(
        organization.id().value(),
        organization.name(),
        accounts.organizationStatus(organization.id().value()));
  }

  /** A person as the directory shows it, with the status the accounts do not hold. */
  private DirectoryRecord record(Person person) {
    return DirectoryRecord.person(
        person.id().value(),
        person.firstName(),
        person.name(),
        person.email(),
        person.phone(),
        accounts.personStatus(person.id().value()),
        person.organization().id().value(),
        person.organization().name());
  }

  private List<DirectoryRecord> records(DirectoryClass directoryClass) {
    synchronized (accounts) {
      if (directoryClass == DirectoryClass.PERSON) {
        return accounts.personsById().stream().map(this::record).toList();
      }
      if (directoryClass == DirectoryClass.ORGANIZATION) {
        return accounts.organizationsById().stream().map(this::record).toList();
      }
      return accounts.usersById().stream().map(DirectoryRecord::of).toList();
    }
  }

  /** Walks every page of application tokens (the fake's port may be wrapped by a test). */
  private long applicationTokensOf(long organizationId) {
    long count = 0;
    Option<TokenPosition> after = Option.none();
    while (true) {
      List<ApplicationToken> page = tokens.applicationTokens(after, 100);
      count +=
          page.stream()
              .filter(token -> token.organization().id().value() == organizationId)
              .count();
      if (page.size() < 100) {
        return count;
      }
      ApplicationToken last = page.get(page.size() - 1);
      after = Option.some(new TokenPosition(last.credential().createdAt(), last.id()));
    }
  }
}
