package io.github.resemblegate.client;

import java.util.List;

/**
 * An HTTP proxy for one client (never JVM-wide). {@code nonProxyHosts} uses the Maven/Java syntax:
 * {@code *.example.com|localhost}.
 */
public record ProxyConfig(String host, int port, String username, String password, List<String> nonProxyHosts) {

  public ProxyConfig {
    nonProxyHosts = nonProxyHosts == null ? List.of() : List.copyOf(nonProxyHosts);
  }

  @Override
  public String toString() {
    return "ProxyConfig[host=" + host + ", port=" + port + ", username=" + username
        + ", password=" + (password == null ? "null" : "****") + ", nonProxyHosts=" + nonProxyHosts + "]";
  }
}
