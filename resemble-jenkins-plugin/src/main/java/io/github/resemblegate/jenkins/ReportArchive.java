package io.github.resemblegate.jenkins;

import hudson.FilePath;
import io.github.resemblegate.gate.ReportFormat;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The controller's side of the trust boundary for reports (agents are less trusted than the
 * controller): it copies into the build only files named as the core's report formats name them,
 * from inside the workspace and never through a symbolic link, into a folder it chose itself.
 */
final class ReportArchive {

  /** The only names the controller accepts from an agent: those the report formats write. */
  static final Set<String> NAMES = ReportFormat.allFileNames();

  private ReportArchive() {}

  /**
   * Copies the reports an agent says it wrote into {@code reportsDir} (relative to the workspace)
   * to {@code target}; anything else is refused with one line in {@code log} and not written.
   *
   * @return the names copied, in the agent's order
   */
  static List<String> copy(FilePath workspace, String reportsDir, List<String> names, File target,
      PrintStream log) throws IOException, InterruptedException {
    List<String> copied = new ArrayList<>();
    if (names.isEmpty()) {
      return copied;
    }
    if (!isRelativeInside(reportsDir) || !workspace.isDescendant(reportsDir)) {
      log.println(DetectRun.PREFIX + "Reports not archived: '" + printable(reportsDir)
          + "' is not a folder inside the workspace.");
      return copied;
    }
    FilePath from = workspace.child(reportsDir);
    FilePath to = new FilePath(target);
    for (String name : new LinkedHashSet<>(names)) {
      String refusal = refusal(workspace, reportsDir, from, name);
      if (refusal != null) {
        log.println(DetectRun.PREFIX + "Not archived: '" + printable(name) + "' "
            + refusal);
        continue;
      }
      if (copied.isEmpty()) {
        to.mkdirs();
      }
      from.child(name).copyTo(to.child(name));
      copied.add(name);
    }
    return copied;
  }

  /** Why {@code name} is not copied, or null when it may be. */
  private static String refusal(FilePath workspace, String reportsDir, FilePath from, String name)
      throws IOException, InterruptedException {
    if (!NAMES.contains(name)) {
      return "is not a report this step writes.";
    }
    if (from.child(name).readLink() != null) {
      return "is a symbolic link, and only files the step wrote are kept.";
    }
    if (!workspace.isDescendant(reportsDir + "/" + name)) {
      return "is not inside the workspace.";
    }
    return null;
  }

  /** A relative path that does not climb: no root, no drive, no {@code ..} segment. */
  static boolean isRelativeInside(String path) {
    if (path == null || path.isBlank()) {
      return false;
    }
    String p = path.replace('\\', '/');
    if (p.startsWith("/") || p.matches("^[A-Za-z]:.*") || new File(path).isAbsolute()) {
      return false;
    }
    return Arrays.stream(p.split("/")).noneMatch(".."::equals);
  }

  /** The agent's words as a log line may show them: no line breaks or other control characters. */
  private static String printable(String s) {
    return String.valueOf(s).replaceAll("\\p{Cntrl}", "?");
  }
}
