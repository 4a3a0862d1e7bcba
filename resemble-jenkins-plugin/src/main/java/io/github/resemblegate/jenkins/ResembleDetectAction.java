package io.github.resemblegate.jenkins;

import hudson.FilePath;
import hudson.Functions;
import hudson.model.DirectoryBrowserSupport;
import hudson.model.Run;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.ScoreFormat;
import io.github.resemblegate.gate.policy.Verdict;
import io.github.resemblegate.report.JsonReportReader;
import java.io.File;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.RunAction2;

/**
 * The result of one {@code resembleDetect} run, kept with the build: a summary on the build page,
 * its own page with every file, and the archived reports under {@code report/}. Only its number
 * and the names of its reports are saved in the build; the result itself is the core's JSON
 * report in the build's folder, read back when a page needs it.
 */
public final class ResembleDetectAction implements RunAction2 {

  /** Rows the page shows, the files that need attention first; the reports list every file. */
  static final int MAX_ROWS = 2000;

  private final int index;
  private final ArrayList<String> reportFiles;
  private transient Run<?, ?> run;
  private transient volatile SoftReference<GateResult> result;

  ResembleDetectAction(int index, List<String> reportFiles, GateResult result) {
    this.index = index;
    this.reportFiles = new ArrayList<>(reportFiles);
    this.result = new SoftReference<>(result);
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

  /** The folder in the build's directory, and the URL, of the run numbered {@code index}. */
  static String archiveDirName(int index) {
    return index == 1 ? "resemble" : "resemble-" + index;
  }

  /**
   * The run's result, read again from the build's folder after a restart; null when that file is
   * gone (deleted by hand, or a build of an earlier version that kept no JSON report).
   */
  public GateResult getResult() {
    SoftReference<GateResult> ref = result;
    GateResult r = ref == null ? null : ref.get();
    if (r == null && run != null) {
      try {
        r = JsonReportReader.read(new File(folder(), ReportFormat.JSON.fileName()).toPath());
      } catch (IOException e) {
        return null;
      }
      result = new SoftReference<>(r);
    }
    return r;
  }

  /** True when the result can be shown; the pages say so when it cannot. */
  public boolean isResultKept() {
    return getResult() != null;
  }

  public Verdict getVerdict() {
    return isResultKept() ? getResult().decision().verdict() : null;
  }

  /** The decision's one sentence, as the console and the Maven goal say it. */
  public String getSentence() {
    return isResultKept() ? getResult().decision().sentence()
        : "The result of this run is no longer in the build's folder.";
  }

  /** {@code 4 files: 1 passed, 1 flagged, 1 error, 1 no speech}, counted by the core's words. */
  public String getCounts() {
    if (!isResultKept()) {
      return "";
    }
    int files = getResult().totals().files();
    List<String> parts = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      int n = getResult().totals().count(o);
      if (n > 0) {
        parts.add(o.count(n));
      }
    }
    return files + (files == 1 ? " file" : " files") + (parts.isEmpty() ? ""
        : ": " + String.join(", ", parts));
  }

  /** The files shown on the page, those that need attention first; at most {@link #MAX_ROWS}. */
  public List<FileResult> getRows() {
    List<FileResult> files = new ArrayList<>(isResultKept() ? getResult().files() : List.of());
    files.sort(Comparator.comparing(f -> !needsAttention(f)));
    return files.subList(0, Math.min(MAX_ROWS, files.size()));
  }

  /** Flagged, warned and errored files. */
  public List<FileResult> getAttentionRows() {
    return getRows().stream().filter(ResembleDetectAction::needsAttention).toList();
  }

  public int getOmittedRows() {
    return isResultKept() ? Math.max(0, getResult().files().size() - MAX_ROWS) : 0;
  }

  private static boolean needsAttention(FileResult f) {
    return switch (f.outcome()) {
      case FLAGGED, WARNED, ERROR -> true;
      default -> false;
    };
  }

  /** A file's score beside its threshold, as the core prints scores everywhere. */
  public String score(FileResult f) {
    return ScoreFormat.score(f.score(), f.threshold());
  }

  public String threshold(FileResult f) {
    return ScoreFormat.threshold(f.threshold());
  }

  /** Why a file has its outcome: the API's reason, for an ERROR the core's fallback too. */
  public String note(FileResult f) {
    String note = f.outcome() == Outcome.ERROR ? f.errorReason() : f.reason();
    return note == null ? "" : note + (f.cached() ? " (cached)" : "");
  }

  /** The dashboard link when it is an https URL; anything else is not made a link. */
  public String link(FileResult f) {
    String url = f.dashboardUrl();
    return url != null && url.startsWith("https://") ? url : null;
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
   * Serves the archived reports at {@code .../resemble/report/<file>}, to users who may see the
   * build's artifacts (as {@code Run.doArtifact} checks). Jenkins applies its
   * Content-Security-Policy for user content to these files unless a resource root URL is set.
   */
  public DirectoryBrowserSupport doReport() {
    if (Functions.isArtifactsPermissionEnabled()) {
      run.checkPermission(Run.ARTIFACTS);
    }
    return new DirectoryBrowserSupport(this, new FilePath(folder()),
        getDisplayName() + " reports", "symbol-fingerprint", true);
  }

  private File folder() {
    return new File(run.getRootDir(), archiveDirName(index));
  }

  /**
   * What {@code def r = resembleDetect(...)} and {@code resembleDetectSummary()} return: strings,
   * numbers, booleans, lists and maps only, which sandboxed Pipeline scripts may read.
   */
  Map<String, Object> toSummaryMap() {
    GateResult r = getResult();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", r.decision().verdict().name());
    m.put("failureKind", r.decision().failureKind().name());
    m.put("message", r.decision().sentence());
    m.put("dryRun", r.run() != null && r.run().dryRun());
    m.put("files", r.totals().files());
    m.put("passed", r.totals().count(Outcome.PASSED));
    m.put("flagged", r.totals().count(Outcome.FLAGGED));
    m.put("warned", r.totals().count(Outcome.WARNED));
    m.put("waived", r.totals().count(Outcome.WAIVED));
    m.put("noSpeech", r.totals().count(Outcome.NO_SPEECH));
    m.put("errors", r.totals().count(Outcome.ERROR));
    m.put("skipped", r.totals().count(Outcome.SKIPPED));
    List<Map<String, Object>> attention = new ArrayList<>();
    for (FileResult f : getAttentionRows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("path", f.path());
      row.put("outcome", f.outcome().name());
      row.put("score", f.score());
      row.put("threshold", f.threshold());
      row.put("mediaType", f.mediaType() == null ? "unknown" : f.mediaType().id());
      attention.add(row);
    }
    m.put("attention", attention);
    m.put("reportFiles", new ArrayList<>(getReportFiles()));
    m.put("url", run == null ? null : run.getUrl() + getUrlName() + "/");
    return m;
  }
}
