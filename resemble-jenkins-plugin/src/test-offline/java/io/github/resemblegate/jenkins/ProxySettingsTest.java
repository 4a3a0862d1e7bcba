package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.ProxyConfiguration;
import io.github.resemblegate.gate.GateConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Jenkins' proxy reaches the agent, and its No Proxy Host list means there exactly what it means
 * to Jenkins: the examples are those of ProxyConfiguration's own test and help text (2.479.3).
 */
class ProxySettingsTest {

  @TempDir Path workspace;

  private static ProxyConfiguration jenkinsProxy(String noProxyHost) {
    return new ProxyConfiguration("proxy.example.com", 8080, "ci", "proxy-pw", noProxyHost);
  }

  /** Jenkins' ProxyConfigurationTest.noProxyHost, with the API at each of its hosts. */
  @ParameterizedTest(name = "{0} goes {1}")
  @CsvSource({
      "test.example.co.jp, through the proxy",
      "test.example.com, direct",
      "test.example.com.test.example.co.jp, through the proxy",
      "test.test.example.com, direct",
      "192.168.10.10, direct",
      "192.169.10.10, through the proxy"})
  void noProxyHostsAreMatchedAsJenkinsMatchesThem(String host, String way) {
    ProxySettings p = ProxySettings.forApi(jenkinsProxy("*.example.com|192.168.*"),
        "https://" + host + "/api/v2");

    assertThat(p == null ? "direct" : "through the proxy").isEqualTo(way);
  }

  /** The help text: one pattern per line, {@code *} anywhere in a host name. */
  @ParameterizedTest(name = "{0} goes {1}")
  @CsvSource({
      "ci.jenkins.io, direct",
      "jenkins.io, through the proxy",
      "www2.jenkins-ci.org, direct",
      "wwwjenkins-ci.org, through the proxy",
      "app.resemble.ai, through the proxy"})
  void theHelpTextsExamplesOnePerLine(String host, String way) {
    ProxySettings p = ProxySettings.forApi(jenkinsProxy("*.jenkins.io\nwww*.jenkins-ci.org"),
        "https://" + host + "/api/v2");

    assertThat(p == null ? "direct" : "through the proxy").isEqualTo(way);
  }

  /**
   * Where Jenkins' reading differs from the HTTP client's own list syntax: Jenkins compares host
   * names case-sensitively and reads the rest of a pattern as a regular expression.
   */
  @ParameterizedTest(name = "{0} for {1} goes {2}")
  @CsvSource({
      "*.Example.com, test.example.com, through the proxy",
      "api[0-9].internal, api7.internal, direct",
      "api?.internal, ap.internal, direct"})
  void patternsKeepJenkinsMeaningWhereTheClientsSyntaxWouldDiffer(String pattern, String host,
      String way) {
    ProxySettings p = ProxySettings.forApi(jenkinsProxy(pattern), "https://" + host + "/v2");

    assertThat(p == null ? "direct" : "through the proxy").isEqualTo(way);
  }

  @Test
  void spacesTabsCommasAndBarsSeparateHostsAsInJenkins() {
    for (String list : new String[] {"a.test b.test", "a.test\tb.test", "a.test,b.test",
        "a.test|b.test", "a.test , | b.test"}) {
      assertThat(ProxySettings.forApi(jenkinsProxy(list), "https://b.test/v2")).as(list).isNull();
    }
  }

  @Test
  void theApiDefaultUrlIsJudgedWhenTheStepSetsNone() {
    assertThat(ProxySettings.forApi(jenkinsProxy("app.resemble.ai"), null)).isNull();
    assertThat(ProxySettings.forApi(jenkinsProxy("localhost"), null)).isNotNull();
  }

  @Test
  void aProxyInUseReachesTheClientWithItsUserAndPasswordAndNoSecondList() {
    ProxySettings proxy = ProxySettings.forApi(jenkinsProxy("*.internal"),
        "https://app.resemble.ai/api/v2");

    GateConfig c = StepWords.of(new ResembleDetectBuilder("media/**"))
        .read(workspace, "tok", proxy, w -> { });

    assertThat(c.api().proxy().host()).isEqualTo("proxy.example.com");
    assertThat(c.api().proxy().port()).isEqualTo(8080);
    assertThat(c.api().proxy().username()).isEqualTo("ci");
    assertThat(c.api().proxy().password()).isEqualTo("proxy-pw");
    assertThat(c.api().proxy().nonProxyHosts()).isEmpty();
  }

  @Test
  void theProxyPasswordIsNeverPrinted() {
    ProxySettings proxy = ProxySettings.forApi(jenkinsProxy(null), null);

    assertThat(proxy.toString()).doesNotContain("proxy-pw").contains("password=****");
  }

  @Test
  void noJenkinsProxyMeansADirectConnection() {
    assertThat(ProxySettings.forApi(null, null)).isNull();
    assertThat(ProxySettings.forApi(new ProxyConfiguration(" ", 0, null, null, null), null))
        .isNull();
  }
}
