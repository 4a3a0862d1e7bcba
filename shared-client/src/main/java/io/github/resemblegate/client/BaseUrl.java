package io.github.resemblegate.client;

import java.util.List;
import okhttp3.HttpUrl;

/** Checks and normalises the configured API base URL. */
final class BaseUrl {

  private BaseUrl() {}

  /** The base URL without a trailing slash; plain {@code http://} only for a loopback host. */
  static HttpUrl parse(String baseUrl) {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalArgumentException("The Resemble API base URL is empty; leave it unset to use "
          + ResembleClient.DEFAULT_BASE_URL + ".");
    }
    HttpUrl url = HttpUrl.parse(baseUrl.strip());
    if (url == null) {
      throw new IllegalArgumentException("The Resemble API base URL '" + baseUrl.strip()
          + "' is not an http(s) URL; use one like " + ResembleClient.DEFAULT_BASE_URL + ".");
    }
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      // Printing the URL here would print the credentials, so the message names only the host.
      throw new IllegalArgumentException("The Resemble API base URL for host " + url.host()
          + " contains credentials; remove them and configure the API token instead.");
    }
    if (url.query() != null || url.fragment() != null) {
      throw new IllegalArgumentException("The Resemble API base URL '" + url.newBuilder().query(null)
          .fragment(null).build() + "' must not have a query or fragment; remove it.");
    }
    if (url.scheme().equals("http") && !isLoopback(url.host())) {
      throw new IllegalArgumentException("The Resemble API base URL '" + url + "' uses plain http://,"
          + " which would send the API token unencrypted across the network; use https://"
          + " (http:// is allowed only for localhost, 127.0.0.0/8 and ::1).");
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
