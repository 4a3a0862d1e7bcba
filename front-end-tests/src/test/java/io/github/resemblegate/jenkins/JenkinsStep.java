package io.github.resemblegate.jenkins;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.github.resemblegate.gate.settings.Setting;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Jenkins step as front-end-tests drive it: the public step run through
 * {@code SimpleBuildStep.perform} on a stub build, with its console kept. Lives in the plugin's
 * package only to read the words a fresh step hands to the core.
 */
public final class JenkinsStep {

  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  /** The words a step fresh from the form (nothing changed) hands to the core, by setting. */
  public static Map<String, String> freshWords(ResembleDetectBuilder step) {
    return StepWords.of(step).words();
  }

  /** The step's field for a setting (a Jenkins field holds no dot). */
  public static String fieldName(Setting setting) {
    return StepWords.fieldName(setting);
  }

  /** Runs {@code step} over {@code workspace}, the build directory being {@code buildDir}. */
  public void perform(ResembleDetectBuilder step, Path workspace, Path buildDir, String token)
      throws IOException, InterruptedException {
    PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
    TaskListener listener = () -> out;
    step.perform(new StubRun(buildDir.toFile()), new FilePath(workspace.toFile()),
        new EnvVars("RESEMBLE_API_KEY", token), new StubLauncher(listener), listener);
  }

  /** What the step printed to the build console. */
  public String console() {
    return console.toString(StandardCharsets.UTF_8);
  }

  private static final class StubJob extends Job<StubJob, StubRun> {
    StubJob() {
      super(null, "parity");
    }
  }

  private static final class StubRun extends Run<StubJob, StubRun> {
    private final File rootDir;

    StubRun(File rootDir) throws IOException {
      super(new StubJob());
      this.rootDir = rootDir;
    }

    @Override
    public File getRootDir() {
      return rootDir;
    }
  }

  private static final class StubLauncher extends Launcher {
    StubLauncher(TaskListener listener) {
      super(listener, (VirtualChannel) null);
    }
  }
}
