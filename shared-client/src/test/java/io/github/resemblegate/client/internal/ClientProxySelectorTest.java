package io.github.resemblegate.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.client.ProxyConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which hosts bypass the proxy, and that the proxy's password is never printed. */
class ClientProxySelectorTest {

  @Test
  void matchesNonProxyHostsLikeJavaAndMaven() {
    ClientProxySelector selector = new ClientProxySelector(new ProxyConfig("proxy", 3128, null, null,
        List.of("localhost|*.corp.example.com", "10.*", "[::1]", "API.Internal")));

    assertThat(selector.bypasses("localhost")).isTrue();
    assertThat(selector.bypasses("files.corp.example.com")).isTrue();
    assertThat(selector.bypasses("corp.example.com")).isFalse();
    assertThat(selector.bypasses("10.1.2.3")).isTrue();
    assertThat(selector.bypasses("::1")).isTrue();
    assertThat(selector.bypasses("api.internal")).isTrue();
    assertThat(selector.bypasses("app.resemble.ai")).isFalse();
  }

  @Test
  void proxyCredentialsNeverPrintThePassword() {
    assertThat(new ProxyCredentials("ci", "s3cr3t-pass").toString()).doesNotContain("s3cr3t-pass");
  }
}
