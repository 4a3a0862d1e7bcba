package io.github.resemblegate.maven;

import io.github.resemblegate.gate.Gate;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.Verdict;
import io.github.resemblegate.gate.settings.Defaults;
import io.github.resemblegate.gate.settings.SettingsReader;
import io.github.resemblegate.report.ConsoleSummary;
import io.github.resemblegate.report.Reports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

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

  AbstractDetectMojo(SettingsDecrypter decrypter) {
    this.decrypter = decrypter;
  }

  /** What this goal scans. */
  abstract ScanScope scanScope() throws MojoExecutionException;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Log log = getLog();
    if (skip) {
      log.info("Resemble Gate is skipped (resemble.skip).");
      return;
    }
    GateConfig config = gateConfig();
    GateResult result;
    try {
      result = Gate.run(config, MavenGateListener.throttled(log, config.dryRun()));
    } catch (GateException e) {
      throw MavenBuildResult.stopped(e, log);
    }
    printSummary(result, log);
    writeReports(result, config.reports());
    MavenBuildResult.enforce(result, log);
  }

  /** The core's configuration for this execution; a wrong parameter throws with one sentence each. */
  GateConfig gateConfig() throws MojoExecutionException {
    ScanScope scope = scanScope();
    SettingsReader reader = SettingsReader.forBase(scope.baseDirectory())
        .defaultIncludes(scope.defaultIncludes())
        .userAgent(USER_AGENT_SUFFIX);
    String token = null;
    // An apiUrl without an http(s) scheme and a host has no host to pick a proxy for or to judge
    // a POM key by; the reader names the problem instead.
    Optional<ApiUrl> url = ApiUrl.parse(apiUrl == null || apiUrl.isBlank() ? Defaults.API_URL
        : apiUrl);
    if (url.isPresent()) {
      token = new TokenResolver(decrypter, environment)
          .resolve(settings, serverId, apiKey, url.get(), getLog());
      ApiProxy proxy = new ProxyResolver(decrypter).resolve(settings, proxyId, url.get(), getLog());
      if (proxy != null) {
        reader.proxy(proxy.host(), proxy.port(), proxy.username(), proxy.password(),
            proxy.nonProxyHosts());
      }
    }
    reader.token(token, TokenResolver.advice(serverId));
    if (session.isOffline()) {
      reader.offline("Maven is offline (-o)");
    }
    try {
      return reader.read(rawSettings(scope), getLog()::warn);
    } catch (GateException e) {
      throw MavenBuildResult.stopped(e, getLog());
    }
  }

  /** The core's summary; notices and an UNSTABLE verdict are warnings. */
  static void printSummary(GateResult result, Log log) {
    boolean unstable = result.decision().verdict() == Verdict.UNSTABLE;
    for (String line : ConsoleSummary.lines(result)) {
      if (line.startsWith("Notice: ") || unstable && line.startsWith("Verdict: ")) {
        log.warn(line);
      } else {
        log.info(line);
      }
    }
  }

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
