package io.github.resemblegate.maven;

import java.util.List;

/**
 * The {@code settings.xml} proxy chosen to reach the API, decrypted, as the settings reader takes
 * it. Its {@code toString()} never shows the password.
 */
record ApiProxy(String host, int port, String username, String password,
    List<String> nonProxyHosts) {

  ApiProxy {
    nonProxyHosts = nonProxyHosts == null ? List.of() : List.copyOf(nonProxyHosts);
  }

  @Override
  public String toString() {
    return "ApiProxy[host=" + host + ", port=" + port + ", username=" + username
        + ", password=" + (password == null ? "null" : "****") + ", nonProxyHosts="
        + nonProxyHosts + "]";
  }
}
