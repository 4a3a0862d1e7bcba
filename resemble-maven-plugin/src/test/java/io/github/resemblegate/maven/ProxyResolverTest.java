package io.github.resemblegate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyResolverTest {

  private static final ApiUrl HTTPS_API = ApiUrl.parse("https://app.resemble.ai/api/v2").orElseThrow();
  private static final ApiUrl HTTP_API = ApiUrl.parse("http://127.0.0.1:8089/api/v2").orElseThrow();

  @TempDir Path dir;
  private SettingsCrypto crypto;
  private final RecordingLog log = new RecordingLog();
  private final Settings settings = new Settings();

  @BeforeEach
  void setUp() throws Exception {
    crypto = new SettingsCrypto(dir);
  }

  private ApiProxy resolve(String proxyId, ApiUrl url) throws MojoExecutionException {
    return new ProxyResolver(crypto.decrypter()).resolve(settings, proxyId, url, log);
  }

  private Proxy addProxy(String id, String protocol, String host, int port, boolean active) {
    Proxy proxy = new Proxy();
    proxy.setId(id);
    proxy.setProtocol(protocol);
    proxy.setHost(host);
    proxy.setPort(port);
    proxy.setActive(active);
    settings.addProxy(proxy);
    return proxy;
  }

  @Test
  void usesNoProxyWhenSettingsHaveNone() throws Exception {
    assertThat(resolve(null, HTTPS_API)).isNull();
  }

  @Test
  void picksTheActiveProxyForTheApiUrlsScheme() throws Exception {
    addProxy("plain", "http", "http-proxy.corp", 3128, true);
    addProxy("secure", "https", "https-proxy.corp", 3129, true);

    assertThat(resolve(null, HTTPS_API).host()).isEqualTo("https-proxy.corp");
    assertThat(resolve(null, HTTP_API).host()).isEqualTo("http-proxy.corp");
  }

  @Test
  void anHttpProxyAlsoServesHttpsWhenThereIsNoHttpsProxyAsInMaven() throws Exception {
    addProxy("plain", "http", "http-proxy.corp", 3128, true);

    ApiProxy proxy = resolve(null, HTTPS_API);

    assertThat(proxy.host()).isEqualTo("http-proxy.corp");
    assertThat(proxy.port()).isEqualTo(3128);
    assertThat(log.at("info")).containsExactly(
        "Using proxy 'plain' (http-proxy.corp:3128) from settings.xml to reach app.resemble.ai.");
  }

  @Test
  void ignoresInactiveProxies() throws Exception {
    addProxy("off", "https", "off.corp", 1, false);

    assertThat(resolve(null, HTTPS_API)).isNull();
  }

  @Test
  void bypassesTheProxyForAHostInNonProxyHosts() throws Exception {
    addProxy("corp", "http", "proxy.corp", 3128, true).setNonProxyHosts("localhost|127.*|*.internal");

    assertThat(resolve(null, HTTP_API)).isNull();
    assertThat(resolve(null, ApiUrl.parse("https://detect.internal/api/v2").orElseThrow())).isNull();
    ApiProxy proxied = resolve(null, HTTPS_API);
    assertThat(proxied.host()).isEqualTo("proxy.corp");
    assertThat(proxied.nonProxyHosts()).containsExactly("localhost", "127.*", "*.internal");
  }

  @Test
  void decryptsTheProxyPassword() throws Exception {
    Proxy proxy = addProxy("corp", "https", "proxy.corp", 3128, true);
    proxy.setUsername("builder");
    proxy.setPassword(crypto.encrypt("proxy-secret"));

    ApiProxy config = resolve(null, HTTPS_API);

    assertThat(config.username()).isEqualTo("builder");
    assertThat(config.password()).isEqualTo("proxy-secret");
    assertThat(config.toString()).doesNotContain("proxy-secret");
    assertThat(log.all()).doesNotContain("proxy-secret");
  }

  @Test
  void failsWhenTheProxyPasswordCannotBeDecrypted() throws Exception {
    Proxy proxy = addProxy("corp", "https", "proxy.corp", 3128, true);
    proxy.setPassword(crypto.encrypt("proxy-secret"));

    assertThatThrownBy(() -> new ProxyResolver(SettingsCrypto.withoutSecurityFile(dir))
            .resolve(settings, null, HTTPS_API, log))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("The password of the proxy 'corp' in settings.xml could not be decrypted");
  }

  @Test
  void proxyIdPicksThatProxyEvenWhenInactive() throws Exception {
    addProxy("first", "https", "first.corp", 1111, true);
    addProxy("chosen", "http", "chosen.corp", 2222, false);

    ApiProxy config = resolve("chosen", HTTPS_API);

    assertThat(config.host()).isEqualTo("chosen.corp");
    assertThat(config.port()).isEqualTo(2222);
  }

  @Test
  void unknownProxyIdFailsWithOneSentence() {
    addProxy("corp", "https", "proxy.corp", 3128, true);

    assertThatThrownBy(() -> resolve("nope", HTTPS_API))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("settings.xml has no <proxy> with id 'nope'; add it, or fix resemble.proxyId.");
  }

  @Test
  void nonProxyHostsAcceptPipesCommasAndWildcards() {
    List<String> patterns = ProxyResolver.splitNonProxyHosts(" *.example.com | localhost, 10.0.* ");

    assertThat(patterns).containsExactly("*.example.com", "localhost", "10.0.*");
    assertThat(ProxyResolver.matchesAny("api.EXAMPLE.com", patterns)).isTrue();
    assertThat(ProxyResolver.matchesAny("example.com", patterns)).isFalse();
    assertThat(ProxyResolver.matchesAny("10.0.3.4", patterns)).isTrue();
    assertThat(ProxyResolver.matchesAny("localhost.evil", patterns)).isFalse();
  }
}
