package dev.tokensmith.adapter.itop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.application.port.in.CountDirectoryObjectsUseCase;
import dev.tokensmith.application.port.in.CreateDirectoryObjectUseCase;
import dev.tokensmith.application.port.in.DeleteDirectoryObjectUseCase;
import dev.tokensmith.application.port.in.DirectoryDeletion;
import dev.tokensmith.application.port.in.FindDirectoryObjectsUseCase;
import dev.tokensmith.application.port.in.LogInCommand;
import dev.tokensmith.application.port.in.LogInUseCase;
import dev.tokensmith.application.port.in.UpdateDirectoryObjectUseCase;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.domain.account.Password;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryRecord;
import dev.tokensmith.domain.directory.DirectoryText;
import dev.tokensmith.domain.directory.ObjectQuery;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations of iTop's {@code CoreServices} that tokensmith serves, on Person, Organization and
 * read-only User, each through the directory use cases (so a token never bypasses the rights):
 * {@code core/get}, {@code core/create}, {@code core/update}, {@code core/delete} and {@code
 * core/check_credentials}.
 */
final class CoreServices {
  /** The verbs and descriptions {@code list_operations} lists, in iTop's order. */
  static final Map<String, String> OPERATIONS =
      orderedMap(
          "core/create", "Create an object",
          "core/update", "Update an object",
          "core/get", "Search for objects",
          "core/delete", "Delete objects",
          "core/check_credentials", "Check user credentials");

  /** iTop's name for the provider of these operations, shown as {@code extension}. */
  static final String EXTENSION = "CoreServices";

  static final String PAGING_VERSION = "1.4";

  /** iTop's message when some objects stay because others still point at them. */
  static final String UNSAFE_DELETION =
      "The deletion requires that other objects be deleted/updated, and those operations must be"
          + " requested explicitely";

  private final FindDirectoryObjectsUseCase find;
  private final CountDirectoryObjectsUseCase count;
  private final CreateDirectoryObjectUseCase create;
  private final UpdateDirectoryObjectUseCase update;
  private final DeleteDirectoryObjectUseCase delete;
  private final LogInUseCase logIn;
  private final ObjectKeys keys;
  private final UserLocalObjects userLocals;

  CoreServices(
      FindDirectoryObjectsUseCase find,
      CountDirectoryObjectsUseCase count,
      CreateDirectoryObjectUseCase create,
      UpdateDirectoryObjectUseCase update,
      DeleteDirectoryObjectUseCase delete,
      LogInUseCase logIn) {
    this.find = find;
    this.count = count;
    this.create = create;
    this.update = update;
    this.delete = delete;
    this.logIn = logIn;
    this.keys = new ObjectKeys(find, count);
    this.userLocals = new UserLocalObjects(find);
  }

  /**
   * Runs {@code verb}, one of {@link #OPERATIONS}, for {@code actor} calling from {@code address}.
   */
  RestResult execute(
      Principal actor, String version, String verb, JsonData data, String clientAddress) {
    switch (verb) {
      case "core/get":
        return get(actor, version, data);
      case "core/create":
        return create(actor, data);
      case "core/update":
        return update(actor, data);
      case "core/delete":
        return delete(actor, data);
      case "core/check_credentials":
        return checkCredentials(data, clientAddress);
      default:
        throw new IllegalArgumentException("not an operation: " + verb);
    }
  }

  private RestResult get(Principal actor, String version, JsonData data) {
    DirectoryClass directoryClass = data.readableClass("class");
    JsonNode keyNode = data.mandatory("key");
    boolean users = directoryClass == DirectoryClass.USER;
    OutputFields fields =
        users
            ? OutputFields.identifying(directoryClass)
            : OutputFields.parse(directoryClass, data.optional("output_fields"));
    List<String> userFields =
        users ? UserLocalObjects.fields(data.optional("output_fields")) : List.of();
    Paging paging = version.equals(PAGING_VERSION) ? Paging.of(data) : Paging.ALL;
    ObjectQuery query = keys.read(actor, directoryClass, keyNode).query();
    List<DirectoryRecord> found;
    long total;
    if (paging.isAll()) {
      found = RestFailures.orFail(find.find(actor, query, Integer.MAX_VALUE, 0));
      total = found.size();
    } else {
      total = RestFailures.orFail(count.count(actor, query));
      found =
          paging.offset() > Integer.MAX_VALUE
              ? List.of()
              : RestFailures.orFail(find.find(actor, query, paging.limit(), (int) paging.offset()));
    }
    Map<String, ObjectNode> objects = new LinkedHashMap<>();
    if (users) {
      List<DirectoryRecord> foundUsers =
          found.stream().filter(record -> record.directoryClass() == DirectoryClass.USER).toList();
      objects.putAll(userLocals.objects(actor, foundUsers, userFields));
    }
    for (DirectoryRecord record : found) {
      if (!users || record.directoryClass() != DirectoryClass.USER) {
        objects.put(record.objectKey(), fields.object(RestCode.OK, "", record));
      }
    }
    return RestResult.objects(RestCode.OK, "Found: " + total, objects);
  }

  private RestResult create(Principal actor, JsonData data) {
    data.mandatory("comment");
    DirectoryClass directoryClass = data.directoryClass("class");
    JsonNode fieldsNode = data.mandatory("fields");
    OutputFields fields = OutputFields.parse(directoryClass, data.optional("output_fields"));
    Map<String, Object> values = keys.fields(actor, directoryClass, fieldsNode);
    DirectoryRecord created = RestFailures.orFail(create.create(actor, directoryClass, values));
    return RestResult.objects(
        RestCode.OK,
        null,
        Map.of(created.objectKey(), fields.object(RestCode.OK, "created", created)));
  }

  private RestResult update(Principal actor, JsonData data) {
    data.mandatory("comment");
    DirectoryClass directoryClass = data.directoryClass("class");
    JsonNode keyNode = data.mandatory("key");
    JsonNode fieldsNode = data.mandatory("fields");
    OutputFields fields = OutputFields.parse(directoryClass, data.optional("output_fields"));
    ObjectKeys.Key key = keys.read(actor, directoryClass, keyNode);
    DirectoryClass target = key.directoryClass();
    long id = key.id().isDefined() ? key.id().get() : keys.one(actor, key).id();
    Map<String, Object> values = keys.fields(actor, target, fieldsNode);
    DirectoryRecord updated = RestFailures.orFail(update.update(actor, target, id, values));
    return RestResult.objects(
        RestCode.OK,
        null,
        Map.of(updated.objectKey(), fields.object(RestCode.OK, "updated", updated)));
  }

  private RestResult delete(Principal actor, JsonData data) {
    DirectoryClass directoryClass = data.directoryClass("class");
    JsonNode keyNode = data.mandatory("key");
    boolean simulate = JsonData.truthy(data.optional("simulate"));
    ObjectQuery query = keys.read(actor, directoryClass, keyNode).query();
    List<DirectoryDeletion> deletions = RestFailures.orFail(delete.delete(actor, query, simulate));
    OutputFields shown = OutputFields.identifying(query.directoryClass());
    Map<String, ObjectNode> objects = new LinkedHashMap<>();
    boolean kept = false;
    for (DirectoryDeletion deletion : deletions) {
      DirectoryRecord record = deletion.record();
      if (deletion.deleted()) {
        objects.put(record.objectKey(), shown.object(RestCode.OK, "", record));
      } else {
        kept = true;
        objects.put(
            record.objectKey(),
            shown.object(RestCode.UNSAFE, "Cannot be deleted: " + deletion.issue().get(), record));
      }
    }
    String prefix = simulate ? "SIMULATING: " : "";
    return kept
        ? RestResult.objects(RestCode.UNSAFE, prefix + UNSAFE_DELETION, objects)
        : RestResult.objects(RestCode.OK, prefix + "Deleted: " + deletions.size(), objects);
  }

  /**
   * A password check of {@code user}: a wrong one spends that login's and the caller's address's
   * budgets of wrong passwords, never anything of the token making the call. Once a budget is spent
   * the answer stays {@code authorized: false} (iTop's shape, which clients expect) and its message
   * and {@code Retry-After} say how long to wait.
   */
  private RestResult checkCredentials(JsonData data, String clientAddress) {
    JsonNode user = data.mandatory("user");
    JsonNode password = data.mandatory("password");
    if (!user.isValueNode() || !password.isValueNode()) {
      return RestResult.credentials(false);
    }
    Either<UseCaseFailure, ?> checked =
        logIn.logIn(
            new LogInCommand(
                JsonData.text(user), Password.of(JsonData.text(password)), clientAddress));
    if (checked.isLeft() && checked.getLeft() instanceof UseCaseFailure.TooManyAttempts tooMany) {
      return RestResult.credentials(false, tooMany.message())
          .withHeader("Retry-After", Long.toString(tooMany.retryAfterSeconds()));
    }
    return RestResult.credentials(checked.isRight());
  }

  /** {@code limit} and {@code page} of a 1.4 {@code core/get}: at most limit objects of a page. */
  record Paging(int limit, long offset) {
    static final Paging ALL = new Paging(0, 0);

    boolean isAll() {
      return limit == 0;
    }

    /** The paging {@code data} asks for; code 13 for a limit or page that is not valid. */
    static Paging of(JsonData data) {
      long limit =
          whole(data.optional("limit"), 0)
              .filter(value -> value >= 0 && value <= Integer.MAX_VALUE)
              .getOrElseThrow(
                  () ->
                      RestFailed.error(
                          RestCode.INVALID_PAGE,
                          "The request limit is not valid. It must be an integer greater than or"
                              + " equal to 0"));
      long page =
          whole(data.optional("page"), 1)
              .filter(value -> value >= 1 && value <= Integer.MAX_VALUE)
              .getOrElseThrow(
                  () ->
                      RestFailed.error(
                          RestCode.INVALID_PAGE,
                          "The request page number is not valid. It must be an integer greater"
                              + " than 0"));
      return new Paging((int) limit, limit * (page - 1));
    }

    private static Option<Long> whole(Option<JsonNode> value, long absent) {
      if (value.isEmpty()) {
        return Option.some(absent);
      }
      JsonNode node = value.get();
      if (node.isIntegralNumber()) {
        return node.canConvertToLong() ? Option.some(node.longValue()) : Option.none();
      }
      if (node.isTextual()) {
        return DirectoryText.integer(node.textValue().strip());
      }
      return Option.none();
    }
  }

  private static Map<String, String> orderedMap(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
