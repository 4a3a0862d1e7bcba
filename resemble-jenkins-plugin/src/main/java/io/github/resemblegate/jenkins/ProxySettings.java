package io.github.resemblegate.jenkins;

import hudson.ProxyConfiguration;
import io.github.resemblegate.client.ProxyConfig;
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

  /** Jenkins lists hosts to reach directly separated by new lines, commas or bars. */
  ProxyConfig toProxyConfig() {
    List<String> direct = noProxyHosts == null ? List.of()
        : List.of(noProxyHosts.strip().split("[\\s,|]+")).stream().filter(h -> !h.isBlank())
            .toList();
    return new ProxyConfig(host, port, userName.isEmpty() ? null : userName,
        Text.isBlank(password) ? null : password, direct);
  }

  @Override
  public String toString() {
    return "ProxySettings[" + host + ":" + port + ", user=" + userName + ", password="
        + (Text.isBlank(password) ? "none" : SecretMasker.MASK) + ", noProxy=" + noProxyHosts + "]";
  }
}
