package hudson;

import hudson.model.AbstractDescribableImpl;
import hudson.util.Secret;
import java.io.Serializable;

/** Stub: the HTTP proxy set under Manage Jenkins (Plugins, Advanced settings). */
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
}
