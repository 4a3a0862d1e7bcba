package io.github.resemblegate.client.internal;

import java.nio.charset.StandardCharsets;
import okhttp3.Authenticator;
import okhttp3.Challenge;
import okhttp3.Credentials;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/** Answers a proxy's 407 Basic challenge once with the configured credentials. */
final class ProxyCredentials implements Authenticator {
  private static final String HEADER = "Proxy-Authorization";
  private final String username;
  private final String password;

  ProxyCredentials(String username, String password) {
    this.username = username;
    this.password = password == null ? "" : password;
  }

  @Override
  public Request authenticate(Route route, Response response) {
    if (response.code() != 407 || response.request().header(HEADER) != null) {
      // Credentials already sent and refused: asking again would loop.
      return null;
    }
    for (Challenge challenge : response.challenges()) {
      String scheme = challenge.scheme();
      // OkHttp asks with the "OkHttp-Preemptive" scheme before opening an HTTPS tunnel.
      if (scheme.equalsIgnoreCase("Basic") || scheme.equalsIgnoreCase("OkHttp-Preemptive")) {
        return response.request().newBuilder()
            .header(HEADER, Credentials.basic(username, password, StandardCharsets.UTF_8))
            .build();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "ProxyCredentials[username=" + username + ", password=****]";
  }
}
