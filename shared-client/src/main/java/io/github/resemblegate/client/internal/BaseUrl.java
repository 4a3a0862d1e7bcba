package io.github.resemblegate.client.internal;

import java.util.List;
import okhttp3.HttpUrl;

/** Checks and normalises the configured API base URL. */
final class BaseUrl {

  private BaseUrl() {}

  /** The base URL without a trailing slash, once {@link BaseUrlRule} accepts it. */
  static HttpUrl parse(String baseUrl) {
    BaseUrlRule.check(baseUrl);
    HttpUrl url = HttpUrl.parse(baseUrl.strip());
    if (url == null) {
      throw BaseUrlRule.notHttp(baseUrl);
    }
    List<String> segments = url.pathSegments();
    HttpUrl.Builder normalised = url.newBuilder();
    if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
      normalised.removePathSegment(segments.size() - 1);
    }
    return normalised.build();
  }

  /** Loopback by name or literal address only; resolving the name would let DNS decide. */
  static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost") || host.equals("::1")) {
      return true;
    }
    String[] octets = host.split("\\.", -1);
    if (octets.length != 4 || !octets[0].equals("127")) {
      return false;
    }
    for (String octet : octets) {
      if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)
          || Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }
}
