package dev.tokensmith.adapter.persistence;

/** The SQL of {@link JdbiAccountDirectory}. */
final class AccountSql {
  private AccountSql() {}

  /** The columns of {@link Rows.UserRow}. */
  static final String SELECT_USERS =
      """
      SELECT u.id, u.login, u.status, u.profiles,
             uo.id AS organization_id, uo.name AS organization_name,
             p.id AS contact_id, p.first_name AS contact_first_name, p.name AS contact_name,
             p.email AS contact_email, p.phone AS contact_phone,
             po.id AS contact_organization_id, po.name AS contact_organization_name
      FROM users u
      JOIN organizations uo ON uo.id = u.organization_id
      JOIN persons p ON p.id = u.contact_person_id
      JOIN organizations po ON po.id = p.organization_id
      """;

  static final String USER_BY_ID = SELECT_USERS + "WHERE u.id = :id";

  static final String USER_BY_LOGIN = SELECT_USERS + "WHERE u.login = :login";

  /** The first page of users by login, on the unique index of logins. */
  static final String USERS = SELECT_USERS + "ORDER BY u.login LIMIT :limit";

  /** A next page of users: the logins after the previous page's last one. */
  static final String USERS_AFTER =
      SELECT_USERS + "WHERE u.login > :after ORDER BY u.login LIMIT :limit";

  /** The rows a count of users reads. */
  static final String USERS_WHERE = "FROM users";

  static final String ADD_PERSON =
      """
      INSERT INTO persons (first_name, name, email, phone, organization_id)
      VALUES (:firstName, :name, :email, :phone, :organizationId)
      RETURNING id
      """;

  static final String ADD_USER =
      """
      INSERT INTO users (login, status, organization_id, contact_person_id, profiles, password_hash)
      VALUES (:login, :status, :organizationId, :contactId, :profiles, :passwordHash)
      RETURNING id
      """;

  static final String UPDATE_USER =
      """
      UPDATE users
      SET status = :status, organization_id = :organizationId, contact_person_id = :contactId,
          profiles = :profiles
      WHERE id = :id
      """;

  static final String UPDATE_PERSON =
      """
      UPDATE persons
      SET first_name = :firstName, name = :name, email = :email, phone = :phone,
          organization_id = :organizationId
      WHERE id = :id
      """;

  static final String REMOVE_USER = "DELETE FROM users WHERE id = :id";

  static final String PASSWORD_HASH = "SELECT password_hash FROM users WHERE id = :id";

  static final String SET_PASSWORD_HASH =
      "UPDATE users SET password_hash = :passwordHash WHERE id = :id";

  static final String ORGANIZATION_BY_NAME =
      "SELECT id, name FROM organizations WHERE name = :name";

  static final String ORGANIZATIONS = "SELECT id, name FROM organizations ORDER BY name";

  static final String ADD_ORGANIZATION =
      "INSERT INTO organizations (name) VALUES (:name) RETURNING id, name";
}
