package io.github.resemblegate.jenkins;

import hudson.ProxyConfiguration;
import io.github.resemblegate.gate.settings.SettingsReader;
import java.io.Serializable;
import java.util.List;

/**
 * Jenkins' HTTP proxy (Manage Jenkins, Plugins, Advanced settings), carried to the agent as plain
 * values. Its password, like the token, is masked in every printed line.
 */
final class ProxySettings implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final int port;
  private final String userName;
  private final String password;
  private final String noProxyHosts;

  ProxySettings(String host, int port, String userName, String password, String noProxyHosts) {
    this.host = host;
    this.port = port;
    this.userName = userName;
    this.password = password;
    this.noProxyHosts = noProxyHosts;
  }

  /** The controller's proxy, or null when none is configured. */
  static ProxySettings from(ProxyConfiguration p) {
    if (p == null || Text.isBlank(p.getName())) {
      return null;
    }
    return new ProxySettings(p.getName().strip(), p.getPort(), Text.trim(p.getUserName()),
        p.getSecretPassword() == null ? null : p.getSecretPassword().getPlainText(),
        p.getNoProxyHost());
  }

  String password() {
    return password;
  }

  /** Hands the proxy to the settings reader, which makes the client's proxy of it. */
  SettingsReader applyTo(SettingsReader reader) {
    return reader.proxy(host, port, userName, password, directHosts());
  }

  /** Jenkins lists hosts to reach directly separated by new lines, commas or bars. */
  List<String> directHosts() {
    return noProxyHosts == null ? List.of()
        : List.of(noProxyHosts.strip().split("[\\s,|]+")).stream().filter(h -> !h.isBlank())
            .toList();
  }

  @Override
  public String toString() {
    return "ProxySettings[" + host + ":" + port + ", user=" + userName + ", password="
        + (Text.isBlank(password) ? "none" : SecretMasker.MASK) + ", noProxy=" + noProxyHosts + "]";
  }
}
