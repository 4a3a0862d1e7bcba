package io.github.resemblegate.maven;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Picks the {@code settings.xml} proxy for the API URL the way Maven picks one for a repository:
 * the proxy named by {@code proxyId}, else the first active proxy for the URL's scheme (an
 * {@code http} proxy also serves {@code https} when there is no {@code https} one). Its password
 * is decrypted and {@code nonProxyHosts} is honoured. The result configures one client only,
 * never JVM-wide system properties, which would race between modules under {@code -T}.
 */
final class ProxyResolver {

  private final SettingsDecrypter decrypter;

  ProxyResolver(SettingsDecrypter decrypter) {
    this.decrypter = decrypter;
  }

  /** The proxy to use, or null for a direct connection. */
  ApiProxy resolve(Settings settings, String proxyId, ApiUrl apiUrl, Log log)
      throws MojoExecutionException {
    List<Proxy> proxies = settings == null ? List.of() : settings.getProxies();
    Optional<Proxy> chosen;
    if (proxyId != null && !proxyId.isBlank()) {
      chosen = proxies.stream().filter(p -> proxyId.strip().equals(p.getId())).findFirst();
      if (chosen.isEmpty()) {
        throw new MojoExecutionException("settings.xml has no <proxy> with id '" + proxyId.strip()
            + "'; add it, or fix resemble.proxyId.");
      }
    } else {
      chosen = activeFor(proxies, apiUrl.scheme());
      if (chosen.isEmpty() && apiUrl.scheme().equals("https")) {
        chosen = activeFor(proxies, "http");
      }
    }
    if (chosen.isEmpty()) {
      return null;
    }
    List<String> nonProxyHosts = splitNonProxyHosts(chosen.get().getNonProxyHosts());
    if (matchesAny(apiUrl.host(), nonProxyHosts)) {
      log.debug("Not using proxy '" + chosen.get().getId() + "': " + apiUrl.host()
          + " is in its nonProxyHosts.");
      return null;
    }
    Proxy proxy = decrypt(chosen.get());
    log.info("Using proxy '" + proxy.getId() + "' (" + proxy.getHost() + ":" + proxy.getPort()
        + ") from settings.xml to reach " + apiUrl.host() + ".");
    return new ApiProxy(proxy.getHost(), proxy.getPort(), blankToNull(proxy.getUsername()),
        blankToNull(proxy.getPassword()), nonProxyHosts);
  }

  private static Optional<Proxy> activeFor(List<Proxy> proxies, String scheme) {
    return proxies.stream()
        .filter(Proxy::isActive)
        .filter(p -> scheme.equalsIgnoreCase(p.getProtocol() == null ? "http" : p.getProtocol()))
        .findFirst();
  }

  private Proxy decrypt(Proxy proxy) throws MojoExecutionException {
    SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
    for (SettingsProblem problem : result.getProblems()) {
      if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
        throw new MojoExecutionException("The password of the proxy '" + proxy.getId()
            + "' in settings.xml could not be decrypted (" + problem.getMessage()
            + "); check ~/.m2/settings-security.xml or encrypt it again with mvn --encrypt-password.");
      }
    }
    return result.getProxy();
  }

  /** Maven writes {@code a.example.com|*.corp}; commas are accepted too, as many users write them. */
  static List<String> splitNonProxyHosts(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split("[|,]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** Case-insensitive match where {@code *} stands for any run of characters, as in Maven and the JDK. */
  static boolean matchesAny(String host, List<String> patterns) {
    String h = host.toLowerCase(Locale.ROOT);
    for (String pattern : patterns) {
      String regex = Arrays.stream(pattern.toLowerCase(Locale.ROOT).split("\\*", -1))
          .map(Pattern::quote)
          .collect(Collectors.joining(".*"));
      if (Pattern.matches(regex, h)) {
        return true;
      }
    }
    return false;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
