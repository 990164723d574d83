package dev.tokensmith.adapter.http;

import dev.tokensmith.adapter.http.view.UserView;
import dev.tokensmith.application.port.in.CreateUserUseCase;
import dev.tokensmith.application.port.in.DeleteUserUseCase;
import dev.tokensmith.application.port.in.EditUserUseCase;
import dev.tokensmith.application.port.in.ListUsersUseCase;
import dev.tokensmith.application.port.in.UserFields;
import dev.tokensmith.application.port.in.ViewUserUseCase;
import dev.tokensmith.domain.account.Principal;
import io.javalin.http.Context;
import io.vavr.control.Option;
import java.util.List;
import java.util.Set;

/** Administrators' users: {@code /api/v1/admin/users[/{login}]}. */
final class AdminUsersController {
  private static final Set<String> CREATE_FIELDS =
      Set.of("login", "password", "status", "organization", "profiles", "contact");
  private static final Set<String> EDIT_FIELDS =
      Set.of("password", "status", "organization", "profiles", "contact");
  private static final Set<String> CONTACT_FIELDS = Set.of("firstName", "name", "email");

  private final ListUsersUseCase listUsers;
  private final ViewUserUseCase viewUser;
  private final CreateUserUseCase createUser;
  private final EditUserUseCase editUser;
  private final DeleteUserUseCase deleteUser;
  private final RequestReader reader;

  AdminUsersController(
      ListUsersUseCase listUsers,
      ViewUserUseCase viewUser,
      CreateUserUseCase createUser,
      EditUserUseCase editUser,
      DeleteUserUseCase deleteUser,
      RequestReader reader) {
    this.listUsers = listUsers;
    this.viewUser = viewUser;
    this.createUser = createUser;
    this.editUser = editUser;
    this.deleteUser = deleteUser;
    this.reader = reader;
  }

  void list(Context ctx) {
    Principal admin = Caller.of(ctx).administrator();
    Paging.respond(
        ctx,
        UseCaseFailed.orThrow(listUsers.listUsers(admin, Paging.request(ctx))),
        UserView::from,
        List.of());
  }

  void show(Context ctx) {
    Principal admin = Caller.of(ctx).administrator();
    ctx.json(UserView.from(UseCaseFailed.orThrow(viewUser.viewUser(admin, login(ctx)))));
  }

  void create(Context ctx) {
    Principal admin = Caller.of(ctx).administrator();
    JsonFields body = reader.json(ctx, CREATE_FIELDS);
    String login = body.requiredText("login");
    UserFields fields = fields(body);
    ctx.status(201)
        .json(UserView.from(UseCaseFailed.orThrow(createUser.createUser(admin, login, fields))));
  }

  void edit(Context ctx) {
    Principal admin = Caller.of(ctx).administrator();
    String login = login(ctx);
    UserFields fields = fields(reader.json(ctx, EDIT_FIELDS));
    ctx.json(UserView.from(UseCaseFailed.orThrow(editUser.editUser(admin, login, fields))));
  }

  void delete(Context ctx) {
    Principal admin = Caller.of(ctx).administrator();
    UseCaseFailed.orThrow(deleteUser.deleteUser(admin, login(ctx)));
    ctx.status(204);
  }

  private static String login(Context ctx) {
    return ctx.pathParam("login");
  }

  private static UserFields fields(JsonFields body) {
    Option<JsonFields> contact = body.object("contact", CONTACT_FIELDS);
    return new UserFields(
        body.text("password"),
        body.text("status"),
        body.text("organization"),
        body.texts("profiles"),
        contact.flatMap(c -> c.text("firstName")),
        contact.flatMap(c -> c.text("name")),
        contact.flatMap(c -> c.text("email")));
  }
}
