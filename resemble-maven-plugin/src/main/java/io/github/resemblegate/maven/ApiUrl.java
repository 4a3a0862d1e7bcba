package io.github.resemblegate.maven;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The parts of the API URL the proxy and token rules look at. */
record ApiUrl(String scheme, String host) {

  /**
   * Parses {@code apiUrl}.
   *
   * @throws IllegalArgumentException with one sentence when it is not an http(s) URL with a host
   */
  static ApiUrl parse(String apiUrl) {
    try {
      URI uri = new URI(apiUrl == null ? "" : apiUrl.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return new ApiUrl(scheme, uri.getHost().toLowerCase(Locale.ROOT));
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException("apiUrl must be an http(s) URL such as "
        + "https://app.resemble.ai/api/v2, not '" + apiUrl + "'.");
  }

  /** True for 127.0.0.0/8, ::1 and localhost: a server on this machine, such as the simulator. */
  boolean isLoopback() {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    return h.equals("localhost") || h.startsWith("127.") || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1");
  }
}
