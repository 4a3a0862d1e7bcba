package io.github.resemblegate.client.internal;

import io.github.resemblegate.client.ProxyConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Sends this client's traffic through one HTTP proxy except to hosts matching
 * {@code nonProxyHosts}; it never reads or sets the JVM-wide proxy properties.
 */
final class ClientProxySelector extends ProxySelector {
  private final Proxy proxy;
  private final List<Pattern> bypass;

  ClientProxySelector(ProxyConfig config) {
    if (config.host() == null || config.host().isBlank()) {
      throw new IllegalArgumentException("The proxy host is empty; set it or remove the proxy.");
    }
    if (config.port() < 1 || config.port() > 65535) {
      throw new IllegalArgumentException(
          "The proxy port " + config.port() + " is not between 1 and 65535; fix the proxy port.");
    }
    this.proxy = new Proxy(Proxy.Type.HTTP,
        InetSocketAddress.createUnresolved(config.host().strip(), config.port()));
    this.bypass = compile(config.nonProxyHosts());
  }

  @Override
  public List<Proxy> select(URI uri) {
    String host = uri.getHost();
    return host != null && bypasses(host) ? List.of(Proxy.NO_PROXY) : List.of(proxy);
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException failure) {
    // Nothing to fall back to: the user chose this proxy, so the failure is reported as is.
  }

  boolean bypasses(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    for (Pattern pattern : bypass) {
      if (pattern.matcher(h).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Maven/Java syntax: entries separated by {@code |} (or {@code ,}), {@code *} matches any run of characters. */
  private static List<Pattern> compile(List<String> nonProxyHosts) {
    List<Pattern> patterns = new ArrayList<>();
    for (String entry : nonProxyHosts) {
      if (entry == null) {
        continue;
      }
      for (String glob : entry.split("[|,]")) {
        String g = glob.strip().toLowerCase(Locale.ROOT);
        if (g.startsWith("[") && g.endsWith("]")) {
          g = g.substring(1, g.length() - 1);
        }
        if (g.isEmpty()) {
          continue;
        }
        String regex = Arrays.stream(g.split("\\*", -1))
            .map(Pattern::quote)
            .collect(Collectors.joining(".*"));
        patterns.add(Pattern.compile(regex));
      }
    }
    return List.copyOf(patterns);
  }
}
