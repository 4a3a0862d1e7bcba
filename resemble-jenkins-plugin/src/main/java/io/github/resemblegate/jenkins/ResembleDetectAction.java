package io.github.resemblegate.jenkins;

import hudson.FilePath;
import hudson.model.DirectoryBrowserSupport;
import hudson.model.Run;
import io.github.resemblegate.gate.ReportFormat;
import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.RunAction2;

/**
 * The result of one {@code resembleDetect} run, kept with the build: a summary on the build page,
 * its own page with every file, and the archived reports under {@code report/}.
 */
public final class ResembleDetectAction implements RunAction2 {

  private final int index;
  private final ScanOutcome outcome;
  /** The reports the controller archived; the agent's own list is not trusted. */
  private final ArrayList<String> reportFiles;
  private transient Run<?, ?> run;

  ResembleDetectAction(int index, ScanOutcome outcome, List<String> reportFiles) {
    this.index = index;
    this.outcome = outcome;
    this.reportFiles = new ArrayList<>(reportFiles);
  }

  @Override
  public void onAttached(Run<?, ?> r) {
    this.run = r;
  }

  @Override
  public void onLoad(Run<?, ?> r) {
    this.run = r;
  }

  public Run<?, ?> getRun() {
    return run;
  }

  public int getIndex() {
    return index;
  }

  public ScanOutcome getOutcome() {
    return outcome;
  }

  @Override
  public String getIconFileName() {
    return "symbol-fingerprint";
  }

  @Override
  public String getDisplayName() {
    return index == 1 ? "Resemble Detect" : "Resemble Detect #" + index;
  }

  @Override
  public String getUrlName() {
    return archiveDirName(index);
  }

  /** The folder under the build's directory that holds the reports of the run with {@code index}. */
  static String archiveDirName(int index) {
    return index == 1 ? "resemble" : "resemble-" + index;
  }

  String getArchiveDirName() {
    return archiveDirName(index);
  }

  /** File names of the reports kept with the build, served under {@code report/}. */
  public List<String> getReportFiles() {
    return reportFiles == null ? List.of() : Collections.unmodifiableList(reportFiles);
  }

  /** True when the HTML report was written and archived. */
  public boolean isHtmlReportArchived() {
    return getReportFiles().contains(ReportFormat.HTML.fileName());
  }

  public String getHtmlReportName() {
    return ReportFormat.HTML.fileName();
  }

  /**
   * Serves the archived reports at {@code .../resemble/report/<file>}. Jenkins applies its
   * Content-Security-Policy for user content to these files unless a resource root URL is set.
   */
  public DirectoryBrowserSupport doReport() {
    File dir = new File(run.getRootDir(), getArchiveDirName());
    return new DirectoryBrowserSupport(this, new FilePath(dir), getDisplayName() + " reports",
        "symbol-fingerprint", true);
  }

  /** The summary a Pipeline script reads through {@code resembleDetectSummary()}. */
  Map<String, Object> toSummaryMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", outcome.getStatus());
    m.put("failureKind", outcome.getFailureKind());
    m.put("message", outcome.getMessage());
    m.put("dryRun", outcome.isDryRun());
    m.put("files", outcome.getFiles());
    m.put("passed", outcome.getPassed());
    m.put("flagged", outcome.getFlagged());
    m.put("warned", outcome.getWarned());
    m.put("waived", outcome.getWaived());
    m.put("noSpeech", outcome.getNoSpeech());
    m.put("errors", outcome.getErrors());
    m.put("skipped", outcome.getSkipped());
    List<Map<String, Object>> attention = new ArrayList<>();
    for (FileRow r : outcome.getAttentionRows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("path", r.getPath());
      row.put("outcome", r.getOutcome());
      row.put("score", r.getScore());
      row.put("threshold", r.getThreshold());
      row.put("mediaType", r.getMediaType());
      attention.add(row);
    }
    m.put("attention", attention);
    m.put("reportsDir", outcome.getReportsDir());
    m.put("reportFiles", new ArrayList<>(getReportFiles()));
    m.put("url", run == null ? null : run.getUrl() + getUrlName() + "/");
    return m;
  }
}
