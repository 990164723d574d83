package dev.tokensmith.adapter.http;

import io.javalin.http.Context;
import io.vavr.control.Option;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * The client address of a request, as rate limits, the access log, last-use addresses and the
 * failure log see it: the connection's peer, unless the peer is one of the trusted proxies; then
 * the nearest address of {@code X-Forwarded-For} that is not a trusted proxy, read from the right
 * (each proxy appends the address it received from, so only the left part can be forged by a
 * client). Without trusted proxies (the default) {@code X-Forwarded-For} is ignored.
 */
final class ClientAddresses {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final InetAddressSet trusted = new InetAddressSet();

  /**
   * @param trustedProxies addresses ({@code 10.0.0.7}), CIDR blocks ({@code 10.0.0.0/8}, {@code
   *     fd00::/8}) or ranges ({@code 10.0.0.1-10.0.0.9})
   * @throws IllegalArgumentException naming an entry that is none of these
   */
  ClientAddresses(List<String> trustedProxies) {
    for (String proxy : trustedProxies) {
      String entry = proxy.strip();
      // addresses are written out (InetAddressSet would look a host name up)
      boolean written =
          entry.contains("/")
              ? literal(entry.substring(0, entry.indexOf('/'))).isDefined()
              : Arrays.stream(entry.split("-", 2)).allMatch(part -> literal(part).isDefined());
      if (!written || !added(entry)) {
        throw new IllegalArgumentException(
            "'" + entry + "' is not an address, a CIDR block or a range of addresses");
      }
    }
  }

  private boolean added(String entry) {
    try {
      trusted.add(entry);
      return true;
    } catch (RuntimeException e) {
      return false; // a bad prefix length or range
    }
  }

  String of(Context ctx) {
    String peer = ctx.req().getRemoteAddr();
    if (trusted.isEmpty() || !literal(peer).exists(trusted)) {
      return peer;
    }
    List<String> hops = forwardedFor(ctx);
    String client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      Option<InetAddress> hop = literal(hops.get(i));
      if (hop.isEmpty()) {
        break; // not an address: what is left of it cannot be trusted either
      }
      client = hop.get().getHostAddress();
      if (!trusted.test(hop.get())) {
        break;
      }
    }
    return client;
  }

  private static List<String> forwardedFor(Context ctx) {
    List<String> hops = new ArrayList<>();
    for (String header : Collections.list(ctx.req().getHeaders("X-Forwarded-For"))) {
      for (String hop : header.split(",")) {
        hops.add(hop.strip());
      }
    }
    return hops;
  }

  /** The address written as {@code text}, if it is one; never a name lookup. */
  private static Option<InetAddress> literal(String text) {
    try {
      if (IPV4.matcher(text).matches()) {
        String[] parts = text.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
          int part = Integer.parseInt(parts[i]);
          if (part > 255) {
            return Option.none();
          }
          bytes[i] = (byte) part;
        }
        return Option.some(InetAddress.getByAddress(bytes));
      }
      if (text.indexOf(':') >= 0) {
        // in brackets, an IPv6 literal is parsed, never looked up
        return Option.some(InetAddress.getByName(text.startsWith("[") ? text : "[" + text + "]"));
      }
    } catch (UnknownHostException e) {
      return Option.none();
    }
    return Option.none();
  }
}
