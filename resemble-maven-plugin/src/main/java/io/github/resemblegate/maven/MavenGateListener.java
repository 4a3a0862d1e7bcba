package io.github.resemblegate.maven;

import io.github.resemblegate.gate.FileResult;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.Plan;
import io.github.resemblegate.gate.Progress;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.apache.maven.plugin.logging.Log;

/** Writes a run's events to the Maven log, with at most one progress line per interval. */
final class MavenGateListener implements GateListener {

  static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

  private final Log log;
  private final boolean dryRun;
  private final LongSupplier nanoTime;
  private final long intervalNanos;
  private long lastProgressAt;
  private boolean progressLogged;

  MavenGateListener(Log log, boolean dryRun) {
    this(log, dryRun, System::nanoTime, PROGRESS_INTERVAL);
  }

  MavenGateListener(Log log, boolean dryRun, LongSupplier nanoTime, Duration interval) {
    this.log = log;
    this.dryRun = dryRun;
    this.nanoTime = nanoTime;
    this.intervalNanos = interval.toNanos();
  }

  @Override
  public void scanned(int matchedFiles, long totalBytes) {
    log.info("Matched " + matchedFiles + " media file" + (matchedFiles == 1 ? "" : "s") + " ("
        + bytes(totalBytes) + ").");
  }

  @Override
  public void planned(Plan plan) {
    int toSubmit = plan.batches().stream().mapToInt(b -> b.paths().size()).sum() + plan.singles().size();
    if (toSubmit == 0) {
      log.info("Nothing to upload: " + plan.cachedContents() + " of " + plan.uniqueContents()
          + " distinct contents are answered by the cache.");
      return;
    }
    log.info((dryRun ? "Dry run: would upload " : "Uploading ") + toSubmit + " distinct content"
        + (toSubmit == 1 ? "" : "s") + " (" + bytes(plan.bytesToUpload()) + ") in "
        + plan.batches().size() + " batch" + (plan.batches().size() == 1 ? "" : "es")
        + (plan.singles().isEmpty() ? "" : " and " + plan.singles().size() + " single upload"
            + (plan.singles().size() == 1 ? "" : "s"))
        + "; " + plan.cachedContents() + " answered by the cache.");
    if (dryRun) {
      for (Plan.PlannedBatch batch : plan.batches()) {
        log.info("  batch " + batch.index() + " (" + bytes(batch.bytes()) + "): "
            + String.join(", ", batch.paths()));
      }
      for (Plan.PlannedSingle single : plan.singles()) {
        log.info("  single (" + single.why() + "): " + single.path());
      }
    }
  }

  @Override
  public void batchSubmitted(int batchIndex, int batchCount, String batchId, int files) {
    log.info("Submitted batch " + batchIndex + "/" + batchCount + " (" + files + " file"
        + (files == 1 ? "" : "s") + "): " + batchId);
  }

  @Override
  public void progress(Progress progress) {
    long now = nanoTime.getAsLong();
    boolean done = progress.overallDone() >= progress.overallTotal();
    if (progressLogged && !done && now - lastProgressAt < intervalNanos) {
      return;
    }
    progressLogged = true;
    lastProgressAt = now;
    long seconds = progress.elapsed().toSeconds();
    log.info(String.format(Locale.ROOT, "Waiting for Resemble: %d of %d detections finished (%dm %02ds).",
        progress.overallDone(), progress.overallTotal(), seconds / 60, seconds % 60));
  }

  @Override
  public void fileJudged(FileResult result) {
    if (log.isDebugEnabled()) {
      log.debug(result.path() + ": " + result.outcome()
          + (result.score() == null ? "" : String.format(Locale.ROOT, " (score %.2f)", result.score()))
          + (result.reason() == null ? "" : " - " + result.reason()));
    }
  }

  @Override
  public void info(String message) {
    log.info(message);
  }

  @Override
  public void warn(String message) {
    log.warn(message);
  }

  @Override
  public void debug(String message) {
    log.debug(message);
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    if (n < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
  }
}
