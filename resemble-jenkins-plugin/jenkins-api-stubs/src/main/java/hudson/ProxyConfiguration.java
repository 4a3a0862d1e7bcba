package hudson;

import hudson.model.AbstractDescribableImpl;
import hudson.util.Secret;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Stub: the HTTP proxy set under Manage Jenkins (Plugins, Advanced settings); read from
 * jenkinsci/jenkins at jenkins-2.479.3, core/src/main/java/hudson/ProxyConfiguration.java.
 */
public final class ProxyConfiguration extends AbstractDescribableImpl<ProxyConfiguration>
    implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final int port;
  private final String userName;
  private final Secret secretPassword;
  private final String noProxyHost;

  public ProxyConfiguration(String name, int port, String userName, String password,
      String noProxyHost) {
    this.name = name;
    this.port = port;
    this.userName = userName;
    this.secretPassword = password == null ? null : Secret.fromString(password);
    this.noProxyHost = noProxyHost;
  }

  public String getName() {
    return name;
  }

  public int getPort() {
    return port;
  }

  public String getUserName() {
    return userName;
  }

  public Secret getSecretPassword() {
    return secretPassword;
  }

  public String getNoProxyHost() {
    return noProxyHost;
  }

  /**
   * The hosts to reach directly, as Jenkins 2.479.3 reads the field: entries separated by spaces,
   * tabs, new lines, commas or bars; each a whole-host regular expression in which {@code .} is
   * literal and {@code *} is any run of characters.
   */
  public static List<Pattern> getNoProxyHostPatterns(String noProxyHost) {
    if (noProxyHost == null) {
      return Collections.emptyList();
    }
    List<Pattern> r = new ArrayList<>();
    for (String s : noProxyHost.split("[ \t\n,|]+")) {
      if (s.isEmpty()) {
        continue;
      }
      r.add(Pattern.compile(s.replace(".", "\\.").replace("*", ".*")));
    }
    return r;
  }
}
