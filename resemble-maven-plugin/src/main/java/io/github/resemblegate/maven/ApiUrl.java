package io.github.resemblegate.maven;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** The parts of the API URL the proxy and token rules look at. */
record ApiUrl(String scheme, String host) {

  /**
   * The scheme and host of {@code apiUrl}; empty when it is not an http(s) URL with a host, which
   * the settings reader then explains.
   */
  static Optional<ApiUrl> parse(String apiUrl) {
    try {
      URI uri = new URI(apiUrl == null ? "" : apiUrl.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return Optional.of(new ApiUrl(scheme, uri.getHost().toLowerCase(Locale.ROOT)));
      }
    } catch (URISyntaxException e) {
      // not a URL: empty, as for any other shape the reader refuses
    }
    return Optional.empty();
  }

  /** True for 127.0.0.0/8, ::1 and localhost: a server on this machine, such as the simulator. */
  boolean isLoopback() {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    return h.equals("localhost") || h.startsWith("127.") || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1");
  }
}
