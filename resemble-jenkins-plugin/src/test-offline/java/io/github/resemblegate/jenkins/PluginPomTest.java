package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The real plugin's POM (pom.xml beside pom-offline.xml) carries what the plugin manager shows
 * and a plugin release requires: a home page, the source repository, a license and developers.
 */
class PluginPomTest {

  private static Element pom() throws Exception {
    Path pom = Path.of(System.getProperty("plugin.sources", "src/main")).toAbsolutePath()
        .getParent().getParent().resolve("pom.xml");
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
        .getDocumentElement();
  }

  private static String text(Element parent, String tag) {
    return parent.getElementsByTagName(tag).getLength() == 0 ? ""
        : parent.getElementsByTagName(tag).item(0).getTextContent().strip();
  }

  @Test
  void theRealPomNamesItsHomeSourcesLicenseAndDevelopers() throws Exception {
    Element pom = pom();

    assertThat(text(pom, "packaging")).isEqualTo("hpi");
    assertThat(text(pom, "url")).startsWith("https://");
    Element scm = (Element) pom.getElementsByTagName("scm").item(0);
    assertThat(text(scm, "connection")).startsWith("scm:git:https://");
    assertThat(text(scm, "url")).isEqualTo(text(pom, "url"));
    Element license = (Element) pom.getElementsByTagName("license").item(0);
    assertThat(text(license, "name")).isNotBlank();
    assertThat(text(license, "url")).startsWith("https://");
    Element developer = (Element) pom.getElementsByTagName("developer").item(0);
    assertThat(text(developer, "id")).isNotBlank();
  }

  @Test
  void theMinimumJenkinsIsTheOneTheStubsWereReadFrom() throws Exception {
    Element pom = pom();

    assertThat(text(pom, "jenkins.baseline")).isEqualTo("2.479");
    assertThat(text(pom, "jenkins.version")).isEqualTo("${jenkins.baseline}.3");
  }
}
