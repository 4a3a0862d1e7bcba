package io.github.resemblegate.maven;

import io.github.resemblegate.gate.Gate;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.gate.policy.Verdict;
import io.github.resemblegate.gate.settings.Defaults;
import io.github.resemblegate.gate.settings.SettingsReader;
import io.github.resemblegate.report.ConsoleSummary;
import io.github.resemblegate.report.InterruptedRunReport;
import io.github.resemblegate.report.Reports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;

/**
 * The run both goals share: hand the parameters' words to the core's {@link SettingsReader} with
 * the token and proxy from settings.xml, run the gate, print the summary, write the reports, and
 * let {@link MavenBuildResult} decide the build's fate. Subclasses only say what to scan and where
 * the reports go.
 */
abstract class AbstractDetectMojo extends DetectParameters {

  /** Appended to the client's User-Agent. */
  static final String USER_AGENT_SUFFIX = "maven-plugin";

  private final SettingsDecrypter decrypter;

  /** Looks up environment variables; tests replace it. */
  UnaryOperator<String> environment = System::getenv;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Parameter(defaultValue = "${settings}", readonly = true, required = true)
  Settings settings;

  @Parameter(defaultValue = "${project}", readonly = true)
  MavenProject project;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true)
  MojoExecution mojoExecution;

  AbstractDetectMojo(SettingsDecrypter decrypter) {
    this.decrypter = decrypter;
  }

  /** What this goal scans. */
  abstract ScanScope scanScope() throws MojoExecutionException;

  /** The log, naming this module when modules build at the same time (-T). */
  @Override
  public Log getLog() {
    return namesModule() ? ModuleLog.of(super.getLog(), session, project) : super.getLog();
  }

  /** Whether this goal's lines need the module's name under -T: a goal over one module does. */
  boolean namesModule() {
    return true;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Log log = getLog();
    warnAboutIneffectiveProperties(log);
    if (skip) {
      log.info("Resemble Gate is skipped (resemble.skip).");
      return;
    }
    ScanScope scope;
    GateConfig config;
    try {
      scope = scanScope();
      config = gateConfig(scope);
    } catch (MojoExecutionException e) {
      // The settings could not be read: the reports go where this goal's parameter says, in
      // the formats it names when those can be read, else all of them.
      if (reportsDirectory() != null) {
        Reports.writeIncomplete(new GateConfig.Reports(reportsDirectory().toPath(),
            formatsOrAll()), e.getMessage(), null, log::warn);
      }
      throw e;
    }
    GateResult result;
    InterruptedRunReport stopped = InterruptedRunReport.arm(config.reports(), log::warn);
    try {
      result = Gate.run(config, MavenGateListener.throttled(log, config.dryRun()));
    } catch (GateException e) {
      stopped.close();
      // Every file the run matched before it stopped is listed, not judged.
      Reports.writeIncomplete(config.reports(), e.getMessage(), e.matchedFiles(), log::warn);
      throw MavenBuildResult.stopped(e, log);
    } finally {
      stopped.close();
    }
    if (nothingToCheck(scope, result)) {
      log.info(result.decision().sentence());
      // No reports of nothing (JaCoCo writes none without execution data): the run also skips
      // loading every report writer. An earlier build's reports go, so CI cannot archive them.
      writeReports(result, new GateConfig.Reports(config.reports().directory(),
          EnumSet.noneOf(ReportFormat.class)));
    } else {
      printSummary(result, log);
      writeReports(result, config.reports());
    }
    MavenBuildResult.enforce(result, log);
  }

  /**
   * A module that ships no media where Maven projects keep it, and passes for it: a parent POM,
   * a code module. The decision's sentence says so in one line, instead of a summary and reports
   * of nothing.
   */
  private static boolean nothingToCheck(ScanScope scope, GateResult result) {
    return scope.includes().isEmpty() && result.files().isEmpty()
        && result.decision().verdict() == Verdict.PASSED;
  }

  /** The formats the {@code formats} parameter names, or all of them when it cannot be read. */
  private Set<ReportFormat> formatsOrAll() {
    try {
      return ReportFormat.parse(formats);
    } catch (IllegalArgumentException e) {
      return EnumSet.allOf(ReportFormat.class);
    }
  }

  /** The core's configuration for this execution; a wrong parameter throws with one sentence each. */
  GateConfig gateConfig() throws MojoExecutionException {
    return gateConfig(scanScope());
  }

  private GateConfig gateConfig(ScanScope scope) throws MojoExecutionException {
    SettingsReader reader = SettingsReader.forBase(scope.baseDirectory())
        .defaultIncludes(scope.defaultIncludes())
        .userAgent(USER_AGENT_SUFFIX);
    String token = null;
    String tokenSource = null;
    // An apiUrl without an http(s) scheme and a host has no host to pick a proxy for or to judge
    // a POM key by; the reader names the problem instead.
    Optional<ApiUrl> url = ApiUrl.parse(apiUrl == null || apiUrl.isBlank() ? Defaults.API_URL
        : apiUrl);
    if (url.isPresent()) {
      TokenResolver tokens = new TokenResolver(decrypter, environment);
      token = tokens.resolve(settings, serverId, apiKey, url.get(), getLog());
      tokenSource = tokens.source();
      ApiProxy proxy = new ProxyResolver(decrypter).resolve(settings, proxyId, url.get(), getLog());
      if (proxy != null) {
        reader.proxy(proxy.host(), proxy.port(), proxy.username(), proxy.password(),
            proxy.nonProxyHosts());
      }
    }
    reader.token(token, tokenSource, TokenResolver.advice(serverId));
    if (session.isOffline()) {
      reader.offline("Maven is offline (-o)");
    }
    try {
      return reader.read(rawSettings(scope, this::property), getLog()::warn);
    } catch (GateException e) {
      throw MavenBuildResult.stopped(e, getLog());
    }
  }

  /** A property as a parameter's expression finds it: -D, the JVM's, else the POM's. */
  private String property(String name) {
    String value = null;
    if (session != null) {
      value = session.getUserProperties().getProperty(name,
          session.getSystemProperties().getProperty(name));
    }
    if (value == null && project != null) {
      value = project.getProperties().getProperty(name);
    }
    return value;
  }

  /** -Dresemble.* properties that change nothing (a typo, or overridden by the POM), once a build. */
  private void warnAboutIneffectiveProperties(Log log) {
    if (mojoExecution == null || session == null) {
      return;
    }
    PluginParameterExpressionEvaluator evaluator =
        new PluginParameterExpressionEvaluator(session, mojoExecution);
    UserPropertyCheck check = UserPropertyCheck.of(mojoExecution, raw -> {
      try {
        Object value = evaluator.evaluate(raw);
        return value == null ? null : value.toString();
      } catch (ExpressionEvaluationException e) {
        return raw;
      }
    });
    UserPropertyCheck.warnOncePerBuild(check.problems(session.getUserProperties()), session, log);
  }

  /**
   * The core's summary (also the merge goal's); notices and a verdict with warnings warn, a
   * failing verdict is an error.
   */
  static void printSummary(GateResult result, Log log) {
    Verdict verdict = result.decision().verdict();
    for (String line : ConsoleSummary.lines(result)) {
      boolean verdictLine = line.startsWith(ConsoleSummary.VERDICT);
      if (verdictLine && verdict == Verdict.FAILED) {
        log.error(line);
      } else if (line.startsWith("Notice: ") || verdictLine && verdict == Verdict.UNSTABLE) {
        log.warn(line);
      } else {
        log.info(line);
      }
    }
  }

  /** Writes the reports, fresh ones for every run, deleting those of formats not chosen. */
  private void writeReports(GateResult result, GateConfig.Reports reports)
      throws MojoExecutionException {
    try {
      for (Path file : Reports.write(result, reports)) {
        getLog().info("Report: " + file);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Could not write the reports to " + reports.directory()
          + ": " + e.getMessage(), e);
    }
  }
}
