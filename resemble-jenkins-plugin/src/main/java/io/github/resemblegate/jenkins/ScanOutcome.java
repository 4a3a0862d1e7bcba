package io.github.resemblegate.jenkins;

import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.GateResult.Totals;
import io.github.resemblegate.gate.policy.Decision;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a scan on the agent sends back to the controller, and what the build keeps: the run's
 * result flattened into plain fields (plugin-defined and JDK types only; see {@link FileRow}).
 * {@code status} is the decision's verdict, {@code message} its one sentence.
 */
public final class ScanOutcome implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Rows kept with the build; the archived reports always list every file. */
  static final int MAX_ROWS = 2000;

  private final String status;
  private final String failureKind;
  private final String message;
  private final boolean dryRun;
  private final int files;
  private final int passed;
  private final int flagged;
  private final int warned;
  private final int waived;
  private final int noSpeech;
  private final int errors;
  private final int skipped;
  private final int fromCache;
  private final int uploaded;
  private final int batches;
  private final ArrayList<FileRow> rows;
  private final int omittedRows;
  private final ArrayList<String> notices;
  private final String reportsDir;
  private final ArrayList<String> reportFiles;

  ScanOutcome(GateResult result, String reportsDir, List<String> reportFiles) {
    Totals t = result.totals();
    Decision decision = result.decision();
    this.status = decision.verdict().name();
    this.failureKind = decision.failureKind().name();
    this.message = decision.sentence();
    this.dryRun = result.run() != null && result.run().dryRun();
    this.files = t.files();
    this.passed = t.count(Outcome.PASSED);
    this.flagged = t.count(Outcome.FLAGGED);
    this.warned = t.count(Outcome.WARNED);
    this.waived = t.count(Outcome.WAIVED);
    this.noSpeech = t.count(Outcome.NO_SPEECH);
    this.errors = t.count(Outcome.ERROR);
    this.skipped = t.count(Outcome.SKIPPED);
    this.fromCache = t.fromCache();
    this.uploaded = t.uploaded();
    this.batches = t.batches();
    List<FileRow> all = new ArrayList<>();
    for (FileResult r : result.files()) {
      all.add(FileRow.of(r));
    }
    // Attention first, so a truncated list still holds every flagged file.
    List<FileRow> ordered = new ArrayList<>(all.stream().filter(FileRow::needsAttention).toList());
    ordered.addAll(all.stream().filter(r -> !r.needsAttention()).toList());
    this.rows = new ArrayList<>(ordered.subList(0, Math.min(MAX_ROWS, ordered.size())));
    this.omittedRows = ordered.size() - rows.size();
    this.notices = new ArrayList<>(result.notices());
    this.reportsDir = reportsDir;
    this.reportFiles = new ArrayList<>(reportFiles);
  }

  public String getStatus() { return status; }
  public String getFailureKind() { return failureKind; }
  public String getMessage() { return message; }
  public boolean isDryRun() { return dryRun; }
  public int getFiles() { return files; }
  public int getPassed() { return passed; }
  public int getFlagged() { return flagged; }
  public int getWarned() { return warned; }
  public int getWaived() { return waived; }
  public int getNoSpeech() { return noSpeech; }
  public int getErrors() { return errors; }
  public int getSkipped() { return skipped; }
  public int getFromCache() { return fromCache; }
  public int getUploaded() { return uploaded; }
  public int getBatches() { return batches; }
  public int getOmittedRows() { return omittedRows; }
  public String getReportsDir() { return reportsDir; }

  public List<FileRow> getRows() {
    return Collections.unmodifiableList(rows);
  }

  /** Flagged, warned and errored files. */
  public List<FileRow> getAttentionRows() {
    return rows.stream().filter(FileRow::needsAttention).toList();
  }

  public List<String> getNotices() {
    return Collections.unmodifiableList(notices);
  }

  /** File names (not paths) of the reports written into {@link #getReportsDir()}. */
  public List<String> getReportFiles() {
    return Collections.unmodifiableList(reportFiles);
  }
}
