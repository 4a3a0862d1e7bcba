package io.github.resemblegate.jenkins;

import hudson.ProxyConfiguration;
import io.github.resemblegate.gate.settings.Setting;
import io.github.resemblegate.gate.settings.SettingsReader;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Jenkins' HTTP proxy (Manage Jenkins, Plugins, Advanced settings) for the agent's calls to the
 * API, carried as plain values. Whether the API's host goes through it is decided on the
 * controller by Jenkins' own {@code ProxyConfiguration.getNoProxyHostPatterns}, so the No Proxy
 * Host list means exactly what it means to Jenkins. Its password, like the token, is never
 * printed: not here, and the core masks both in every line and message it makes.
 */
final class ProxySettings implements Serializable {
  private static final long serialVersionUID = 2L;

  private final String host;
  private final int port;
  private final String userName;
  private final String password;

  private ProxySettings(String host, int port, String userName, String password) {
    this.host = host;
    this.port = port;
    this.userName = userName;
    this.password = password;
  }

  /**
   * The proxy to reach {@code apiUrl} through, or null for a direct connection: when Jenkins has
   * no proxy, or when the URL's host matches one of its No Proxy Host patterns.
   */
  static ProxySettings forApi(ProxyConfiguration p, String apiUrl) {
    if (p == null || Text.isBlank(p.getName())) {
      return null;
    }
    String host = hostOf(apiUrl == null ? Setting.API_URL.defaultWord() : apiUrl);
    if (host != null) {
      for (Pattern direct : ProxyConfiguration.getNoProxyHostPatterns(p.getNoProxyHost())) {
        if (direct.matcher(host).matches()) {
          return null;
        }
      }
    }
    return new ProxySettings(p.getName().strip(), p.getPort(), Text.blankToNull(p.getUserName()),
        p.getSecretPassword() == null ? null : p.getSecretPassword().getPlainText());
  }

  /** The host as Java's URI reads it; null when the URL does not parse (the reader says why). */
  private static String hostOf(String url) {
    try {
      return new URI(url.strip()).getHost();
    } catch (URISyntaxException e) {
      return null;
    }
  }

  String host() {
    return host;
  }

  String password() {
    return password;
  }

  /** Hands the proxy to the settings reader; Jenkins' No Proxy Host list was applied already. */
  SettingsReader applyTo(SettingsReader reader) {
    return reader.proxy(host, port, userName, password, List.of());
  }

  @Override
  public String toString() {
    return "ProxySettings[" + host + ":" + port + ", user=" + userName + ", password="
        + (Text.isBlank(password) ? "none" : "****") + "]";
  }
}
