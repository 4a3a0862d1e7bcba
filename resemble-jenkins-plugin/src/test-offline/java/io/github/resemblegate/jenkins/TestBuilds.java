package io.github.resemblegate.jenkins;

import hudson.EnvVars;
import hudson.ExtensionList;
import hudson.FilePath;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import jenkins.model.Jenkins;

/** A stub job and build with a real build directory, and a listener whose output tests read. */
final class TestBuilds {

  private TestBuilds() {}

  /**
   * Runs the freestyle step as {@code perform} does, with {@code engine} in place of the gate.
   *
   * @return the action the run attached
   */
  static ResembleDetectAction perform(ResembleDetectBuilder step, GateEngine engine, Run<?, ?> run,
      File workspace, EnvVars env, TaskListener listener) throws Exception {
    ResembleDetectAction action = new DetectRun(engine).scan(StepWords.of(step), run,
        new FilePath(workspace), env, listener);
    DetectRun.judge(action, run);
    return action;
  }

  /** Fresh controller-wide settings, no proxy: what every test starts from. */
  static void freshController() {
    ExtensionList.resetForTest();
    Jenkins.setProxyForTest(null);
  }

  static final class TestJob extends Job<TestJob, TestRun> {
    TestJob() {
      super(null, "test");
    }
  }

  static class TestRun extends Run<TestJob, TestRun> {
    private final File rootDir;

    TestRun(File rootDir) throws IOException {
      super(new TestJob());
      this.rootDir = rootDir;
    }

    @Override
    public File getRootDir() {
      return rootDir;
    }
  }

  /** Captures what a step prints. */
  static final class Console implements TaskListener {
    private static final long serialVersionUID = 1L;
    private final transient ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final transient PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Override
    public PrintStream getLogger() {
      return out;
    }

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
