package io.github.resemblegate.jenkins;

import hudson.AbortException;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.report.JsonReportReader;
import io.github.resemblegate.report.Reports;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;

/**
 * What the scan on the agent sends back, as JDK types only so remoting's class filter passes
 * them: the run's one result, as the core's own JSON report (the versioned format every front end
 * reads back), and the names of the report files it wrote into the workspace. Nothing in it is
 * trusted by the controller beyond what {@link ReportArchive} checks.
 */
public final class ScanOutcome implements Serializable {
  private static final long serialVersionUID = 3L;

  private final byte[] resultJson;
  private final String reportsDir;
  private final ArrayList<String> reportFiles;
  /** Why the run stopped before its verdict, or null when it completed. */
  private final String stopped;
  /** The stop was an interruption: the build was aborted. */
  private final boolean interrupted;

  ScanOutcome(byte[] resultJson, String reportsDir, List<String> reportFiles) {
    this(resultJson, reportsDir, reportFiles, null, false);
  }

  private ScanOutcome(byte[] resultJson, String reportsDir, List<String> reportFiles,
      String stopped, boolean interrupted) {
    this.resultJson = resultJson;
    this.reportsDir = reportsDir;
    this.reportFiles = new ArrayList<>(reportFiles);
    this.stopped = stopped;
    this.interrupted = interrupted;
  }

  /**
   * The outcome of a run on the agent, its result written as the core's JSON report (in a
   * temporary folder, read back and deleted).
   */
  static ScanOutcome of(GateResult result, String reportsDir, List<String> reportFiles)
      throws IOException {
    return new ScanOutcome(json(dir -> Reports.write(result, EnumSet.of(ReportFormat.JSON), dir)),
        reportsDir, reportFiles);
  }

  /**
   * The outcome of a run that stopped before its verdict, its result the core's report of a run
   * that did not complete, listing {@code matchedFiles} (empty when it stopped before its scan);
   * {@link #throwIfStopped} then stops the step with {@code why}.
   */
  static ScanOutcome incomplete(String why, boolean byInterruption, List<String> matchedFiles,
      String reportsDir, List<String> reportFiles) throws IOException {
    return new ScanOutcome(json(dir -> Reports.writeIncomplete(dir,
        EnumSet.of(ReportFormat.JSON), why, matchedFiles)), reportsDir, reportFiles, why,
        byInterruption);
  }

  private interface JsonWriter {
    List<Path> writeInto(Path dir) throws IOException;
  }

  private static byte[] json(JsonWriter writer) throws IOException {
    Path dir = Files.createTempDirectory("resemble-result");
    try {
      Path file = writer.writeInto(dir).get(0);
      try {
        return Files.readAllBytes(file);
      } finally {
        Files.deleteIfExists(file);
      }
    } finally {
      Files.deleteIfExists(dir);
    }
  }

  /**
   * Stops the step, once the controller has kept what came back, as the run stopped: an
   * interruption as an {@link InterruptedException} (Jenkins marks the build ABORTED for that
   * alone), anything else with its one sentence.
   */
  void throwIfStopped() throws AbortException, InterruptedException {
    if (interrupted) {
      throw new InterruptedException(stopped);
    }
    if (stopped != null) {
      throw new AbortException(stopped);
    }
  }

  /** The core's JSON report of the run, byte for byte as the core wrote it. */
  byte[] resultJson() {
    return resultJson;
  }

  /** The run's result, read back with the core's report reader. */
  GateResult result() throws IOException {
    return JsonReportReader.read(new ByteArrayInputStream(resultJson), "the agent's result");
  }

  /** Where the reports were written, relative to the workspace. */
  String reportsDir() {
    return reportsDir;
  }

  /** The names of the report files written into {@link #reportsDir()}, as the agent says. */
  List<String> reportFiles() {
    return Collections.unmodifiableList(reportFiles);
  }
}
