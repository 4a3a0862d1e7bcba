package io.github.resemblegate.maven;

import io.github.resemblegate.gate.settings.SettingNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.logging.Log;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.SessionData;

/**
 * The {@code -Dresemble.*} properties of a build that change nothing, each said once per build:
 * a name no goal of this plugin reads (a typo, with the closest setting), and a property that
 * the POM's {@code <configuration>} overrides, since a value written there wins over {@code -D}.
 * Maven itself ignores both without a word. Values are never repeated: they may be private.
 */
final class UserPropertyCheck {

  static final String PREFIX = "resemble.";

  /** Where a build keeps the warnings already given, so modules and threads say each once. */
  private static final String SAID = UserPropertyCheck.class.getName() + ".said";

  private final Set<String> known;
  private final Map<String, List<String>> parameterOf;
  private final Xpp3Dom configuration;
  private final UnaryOperator<String> evaluate;

  /**
   * @param known every user property a goal of this plugin reads
   * @param parameterOf this goal's parameters by their user property, as the path of elements
   *     that sets them in a configuration ({@code [thresholds, audio]})
   * @param configuration this execution's configuration, as Maven merged it with the defaults
   * @param evaluate a configured value with its {@code ${...}} expressions resolved
   */
  UserPropertyCheck(Set<String> known, Map<String, List<String>> parameterOf, Xpp3Dom configuration,
      UnaryOperator<String> evaluate) {
    this.known = known;
    this.parameterOf = parameterOf;
    this.configuration = configuration;
    this.evaluate = evaluate;
  }

  /** The check for one execution of a goal of this plugin. */
  static UserPropertyCheck of(MojoExecution execution, UnaryOperator<String> evaluate) {
    MojoDescriptor goal = execution.getMojoDescriptor();
    Set<String> known = new TreeSet<>(Thresholds.PROPERTIES);
    for (MojoDescriptor mojo : goal.getPluginDescriptor().getMojos()) {
      known.addAll(properties(mojo).keySet());
    }
    return new UserPropertyCheck(known, properties(goal), execution.getConfiguration(), evaluate);
  }

  /** One sentence per {@code resemble.*} user property that changes nothing, by name. */
  List<String> problems(Properties userProperties) {
    List<String> problems = new ArrayList<>();
    for (String name : new TreeSet<>(userProperties.stringPropertyNames())) {
      if (!name.startsWith(PREFIX)) {
        continue;
      }
      if (!known.contains(name)) {
        problems.add(unknown(name));
      } else if (overridden(name, userProperties.getProperty(name))) {
        String elements = "<" + String.join("><", parameterOf.get(name)) + ">";
        problems.add("-D" + name + " changes nothing here: the POM sets " + elements
            + " in the plugin's <configuration>, which wins over -D; set it in <properties> as "
            + name + " instead.");
      }
    }
    return problems;
  }

  private String unknown(String name) {
    if (name.equalsIgnoreCase(PREFIX + "apiKey")) {
      return "-D" + name + " is not read, on purpose: a token typed on a command line stays in"
          + " shell history; put it in the settings.xml server or RESEMBLE_API_KEY.";
    }
    List<String> settings = known.stream().filter(k -> k.startsWith(PREFIX))
        .map(k -> k.substring(PREFIX.length())).toList();
    return SettingNames.closest(name.substring(PREFIX.length()), settings)
        .map(s -> "-D" + name + " is not a setting of the Resemble plugin, so it changes nothing:"
            + " did you mean -D" + PREFIX + s + "?")
        .orElse("-D" + name + " is not a setting of the Resemble plugin, so it changes nothing;"
            + " mvn resemble:help -Ddetail lists the settings.");
  }

  /** This goal reads {@code name}, but its configuration holds a value that does not follow it. */
  private boolean overridden(String name, String given) {
    List<String> path = parameterOf.get(name);
    Xpp3Dom value = path == null ? null : configuration;
    for (int i = 0; value != null && i < path.size(); i++) {
      value = value.getChild(path.get(i));
    }
    if (value == null) {
      return false;
    }
    if (value.getChildCount() > 0) {
      return true;
    }
    String raw = value.getValue();
    if (raw == null || raw.contains("${" + name + "}")) {
      return false;
    }
    return !Objects.equals(evaluate.apply(raw), given);
  }

  /** Logs each problem once per build, however many modules and threads find it. */
  static void warnOncePerBuild(List<String> problems, MavenSession session, Log log) {
    Set<String> said = said(session);
    for (String problem : problems) {
      if (said.add(problem)) {
        log.warn(problem);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Set<String> said(MavenSession session) {
    RepositorySystemSession repositorySession = session.getRepositorySession();
    if (repositorySession == null) {
      return ConcurrentHashMap.newKeySet();
    }
    SessionData data = repositorySession.getData();
    data.set(SAID, null, Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>()));
    return (Set<String>) data.get(SAID);
  }

  /** A goal's parameters by the user property that sets them, the per-type thresholds too. */
  private static Map<String, List<String>> properties(MojoDescriptor mojo) {
    Map<String, List<String>> byProperty = new LinkedHashMap<>();
    if (mojo.getParameters() == null) {
      return byProperty;
    }
    for (Parameter parameter : mojo.getParameters()) {
      String expression = parameter.getExpression();
      if (expression != null && expression.startsWith("${") && expression.endsWith("}")) {
        byProperty.put(expression.substring(2, expression.length() - 1),
            List.of(parameter.getName()));
      }
      if (parameter.getName().equals("thresholds")) {
        for (String property : Thresholds.PROPERTIES) {
          byProperty.put(property,
              List.of("thresholds", property.substring(property.lastIndexOf('.') + 1)));
        }
      }
    }
    return byProperty;
  }
}
