package io.github.resemblegate.client.internal;

import io.github.resemblegate.client.ResembleClient;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What a base URL must be: http(s) with a host, no credentials, no query or fragment, plain
 * {@code http://} only for this machine. Checked with {@link URI} alone, so that a build which
 * sends nothing (no media, a dry run, a form check) never loads the HTTP stack to check it.
 */
public final class BaseUrlRule {

  private BaseUrlRule() {}

  /** @throws IllegalArgumentException with one sentence saying what is wrong */
  public static void check(String baseUrl) {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalArgumentException("The Resemble API base URL is empty; leave it unset to use "
          + ResembleClient.DEFAULT_BASE_URL + ".");
    }
    URI url;
    try {
      url = new URI(baseUrl.strip());
    } catch (URISyntaxException e) {
      throw notHttp(baseUrl);
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw notHttp(baseUrl);
    }
    if (url.getRawUserInfo() != null) {
      // Printing the URL here would print the credentials, so the message names only the host.
      throw new IllegalArgumentException("The Resemble API base URL for host " + url.getHost()
          + " contains credentials; remove them and configure the API token instead.");
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException("The Resemble API base URL '" + scheme + "://"
          + url.getRawAuthority() + (url.getRawPath() == null ? "" : url.getRawPath())
          + "' must not have a query or fragment; remove it.");
    }
    String host = url.getHost().startsWith("[")
        ? url.getHost().substring(1, url.getHost().length() - 1) : url.getHost();
    if (scheme.equals("http") && !BaseUrl.isLoopback(host)) {
      throw new IllegalArgumentException("The Resemble API base URL '" + baseUrl.strip()
          + "' uses plain http://, which would send the API token unencrypted across the network;"
          + " use https:// (http:// is allowed only for localhost, 127.0.0.0/8 and ::1).");
    }
  }

  static IllegalArgumentException notHttp(String baseUrl) {
    return new IllegalArgumentException("The Resemble API base URL '" + baseUrl.strip()
        + "' is not an http(s) URL; use one like " + ResembleClient.DEFAULT_BASE_URL + ".");
  }
}
