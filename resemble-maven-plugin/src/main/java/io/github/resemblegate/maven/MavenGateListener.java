package io.github.resemblegate.maven;

import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.Plan;
import io.github.resemblegate.gate.Progress;
import io.github.resemblegate.gate.ProgressThrottle;
import io.github.resemblegate.gate.policy.FileResult;
import java.time.Duration;
import java.util.Locale;
import org.apache.maven.plugin.logging.Log;

/**
 * Writes a run's events to the Maven log. Put it behind {@link #throttled} so that long waits print
 * at most one progress line every few seconds.
 */
final class MavenGateListener implements GateListener {

  static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

  private final Log log;
  private final boolean dryRun;
  private int finishedLogged = -1;

  MavenGateListener(Log log, boolean dryRun) {
    this.log = log;
    this.dryRun = dryRun;
  }

  /** A listener for a run: this one, with progress thinned to one line per interval. */
  static GateListener throttled(Log log, boolean dryRun) {
    return ProgressThrottle.wrap(new MavenGateListener(log, dryRun), PROGRESS_INTERVAL);
  }

  @Override
  public void scanned(int matchedFiles, long totalBytes) {
    // A run that matched nothing ends with a sentence saying so; "Matched 0" would say it twice.
    if (matchedFiles == 0) {
      return;
    }
    log.info("Matched " + matchedFiles + " media file" + (matchedFiles == 1 ? "" : "s") + " ("
        + bytes(totalBytes) + ").");
  }

  @Override
  public void planned(Plan plan) {
    int toSubmit = plan.batches().stream().mapToInt(b -> b.paths().size()).sum() + plan.singles().size();
    if (toSubmit == 0) {
      if (plan.uniqueContents() == 0) {
        return;
      }
      int pending = plan.uniqueContents() - plan.cachedContents();
      log.info("Nothing new to upload: " + plan.cachedContents() + " of " + plan.uniqueContents()
          + " distinct contents are answered by the cache" + (pending == 0 ? "."
          : "; the other " + pending + " are already with the API (an earlier submission or"
          + " another build)."));
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
    boolean finished = progress.overallDone() >= progress.overallTotal();
    // The last batch and the whole run finish together: one "all finished" line is enough.
    if (finished && progress.overallDone() == finishedLogged) {
      return;
    }
    if (finished) {
      finishedLogged = progress.overallDone();
    }
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
  public void request(String method, String path) {
    log.debug("Resemble API: " + method + " " + path);
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

  /** Decimal units, as the summary and the reports write sizes. */
  static String bytes(long n) {
    if (n < 1000) {
      return n + " B";
    }
    if (n < 1_000_000) {
      return String.format(Locale.ROOT, "%.1f kB", n / 1000.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", n / 1_000_000.0);
  }
}
