package io.github.resemblegate.maven;

import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * The goal's log, each line led by the module's name when modules build at the same time
 * ({@code -T}): their lines interleave, and "Matched 2 media files" must say whose they are.
 * Every line the gate prints goes through it, whoever words the line.
 */
final class ModuleLog implements Log {

  private final Log log;
  private final String prefix;

  private ModuleLog(Log log, String prefix) {
    this.log = log;
    this.prefix = prefix;
  }

  /** {@code log} as it is, or naming {@code project} when other modules may print in between. */
  static Log of(Log log, MavenSession session, MavenProject project) {
    List<MavenProject> projects = session == null ? null : session.getProjects();
    boolean interleaved = session != null && session.isParallel() && project != null
        && projects != null && projects.size() > 1;
    return interleaved ? new ModuleLog(log, "[" + project.getArtifactId() + "] ") : log;
  }

  private CharSequence named(CharSequence content) {
    return content == null ? null : prefix + content;
  }

  @Override
  public boolean isDebugEnabled() {
    return log.isDebugEnabled();
  }

  @Override
  public void debug(CharSequence content) {
    log.debug(named(content));
  }

  @Override
  public void debug(CharSequence content, Throwable error) {
    log.debug(named(content), error);
  }

  @Override
  public void debug(Throwable error) {
    log.debug(error);
  }

  @Override
  public boolean isInfoEnabled() {
    return log.isInfoEnabled();
  }

  @Override
  public void info(CharSequence content) {
    log.info(named(content));
  }

  @Override
  public void info(CharSequence content, Throwable error) {
    log.info(named(content), error);
  }

  @Override
  public void info(Throwable error) {
    log.info(error);
  }

  @Override
  public boolean isWarnEnabled() {
    return log.isWarnEnabled();
  }

  @Override
  public void warn(CharSequence content) {
    log.warn(named(content));
  }

  @Override
  public void warn(CharSequence content, Throwable error) {
    log.warn(named(content), error);
  }

  @Override
  public void warn(Throwable error) {
    log.warn(error);
  }

  @Override
  public boolean isErrorEnabled() {
    return log.isErrorEnabled();
  }

  @Override
  public void error(CharSequence content) {
    log.error(named(content));
  }

  @Override
  public void error(CharSequence content, Throwable error) {
    log.error(named(content), error);
  }

  @Override
  public void error(Throwable error) {
    log.error(error);
  }
}
