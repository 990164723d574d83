package dev.tokensmith.adapter.http.view;

/** The body of the health endpoints: {@code up} or {@code down}. */
public record StatusView(String status) {
  public static final StatusView UP = new StatusView("up");
  public static final StatusView DOWN = new StatusView("down");
}
