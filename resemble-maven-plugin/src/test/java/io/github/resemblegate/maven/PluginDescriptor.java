package io.github.resemblegate.maven;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads the generated plugin descriptor (META-INF/maven/plugin.xml) as users see it. */
final class PluginDescriptor {

  /** One user-settable parameter of a goal. */
  record Parameter(String name, String type, String property, String defaultValue, String description) {}

  private final Document document;

  private PluginDescriptor(Document document) {
    this.document = document;
  }

  static PluginDescriptor load() throws Exception {
    try (InputStream in = PluginDescriptor.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/plugin.xml")) {
      if (in == null) {
        throw new IllegalStateException("META-INF/maven/plugin.xml is not on the test classpath");
      }
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return new PluginDescriptor(factory.newDocumentBuilder().parse(in));
    }
  }

  /** One of the plugin's own elements: groupId, artifactId, version, goalPrefix. */
  String plugin(String element) {
    return text(document.getDocumentElement(), element);
  }

  List<String> goals() {
    List<String> goals = new ArrayList<>();
    for (Element mojo : children(document.getDocumentElement(), "mojos", "mojo")) {
      goals.add(text(mojo, "goal"));
    }
    return goals;
  }

  Element mojo(String goal) {
    for (Element mojo : children(document.getDocumentElement(), "mojos", "mojo")) {
      if (goal.equals(text(mojo, "goal"))) {
        return mojo;
      }
    }
    throw new IllegalArgumentException("no goal " + goal + " in plugin.xml");
  }

  /** The parameters a user can set (read-only ones such as ${session} left out), in descriptor order. */
  List<Parameter> parameters(String goal) {
    Element mojo = mojo(goal);
    Element configuration = child(mojo, "configuration");
    List<Parameter> result = new ArrayList<>();
    for (Element p : children(mojo, "parameters", "parameter")) {
      if (!"true".equals(text(p, "editable"))) {
        continue;
      }
      String name = text(p, "name");
      Element conf = configuration == null ? null : child(configuration, name);
      String property = null;
      String defaultValue = null;
      if (conf != null) {
        String expression = conf.getTextContent().strip();
        if (expression.startsWith("${") && expression.endsWith("}")) {
          property = expression.substring(2, expression.length() - 1);
        }
        defaultValue = conf.hasAttribute("default-value") ? conf.getAttribute("default-value") : null;
      }
      result.add(new Parameter(name, text(p, "type"), property, defaultValue, text(p, "description")));
    }
    return result;
  }

  List<String> editableParameterNames(String goal) {
    return parameters(goal).stream().map(Parameter::name).toList();
  }

  String attribute(String goal, String element) {
    return text(mojo(goal), element);
  }

  private static List<Element> children(Element parent, String container, String name) {
    Element c = child(parent, container);
    List<Element> result = new ArrayList<>();
    if (c == null) {
      return result;
    }
    NodeList nodes = c.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
        result.add(e);
      }
    }
    return result;
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent().strip();
  }
}
