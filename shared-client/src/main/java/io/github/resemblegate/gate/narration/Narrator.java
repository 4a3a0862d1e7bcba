package io.github.resemblegate.gate.narration;

import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.SizeFormat;
import java.time.Duration;
import java.util.Locale;

/**
 * The console lines of a run, the same in every front end: what matched, what is uploaded, each
 * batch sent, how the wait goes, and at debug level each file and request. A front end gives it a
 * {@link LineSink}; {@link #throttled} thins progress to one line per interval for logs people
 * read.
 */
public final class Narrator implements GateListener {

  private final LineSink out;
  private final boolean dryRun;
  private int finishedLogged = -1;

  /** {@code dryRun}: the plan is worded as what would be uploaded, with every batch listed. */
  public Narrator(LineSink out, boolean dryRun) {
    this.out = out;
    this.dryRun = dryRun;
  }

  /** A narrator whose progress lines come at most once per {@code interval}. */
  public static GateListener throttled(LineSink out, boolean dryRun, Duration interval) {
    return ProgressThrottle.wrap(new Narrator(out, dryRun), interval);
  }

  @Override
  public void scanned(int matchedFiles, long totalBytes) {
    // A run that matched nothing ends with a sentence saying so; "Matched 0" would say it twice.
    if (matchedFiles == 0) {
      return;
    }
    out.info("Matched " + matchedFiles + " media file" + (matchedFiles == 1 ? "" : "s") + " ("
        + bytes(totalBytes) + ").");
  }

  @Override
  public void planned(Plan plan) {
    int toSubmit = plan.batches().stream().mapToInt(b -> b.paths().size()).sum()
        + plan.singles().size();
    if (toSubmit == 0) {
      if (plan.uniqueContents() == 0) {
        return;
      }
      int pending = plan.uniqueContents() - plan.cachedContents();
      out.info("Nothing new to upload: " + plan.cachedContents() + " of " + plan.uniqueContents()
          + " distinct contents are answered by the cache" + (pending == 0 ? "."
          : "; the other " + pending + " are already with the API (an earlier submission or"
          + " another build)."));
      return;
    }
    out.info((dryRun ? "Dry run: would upload " : "Uploading ") + toSubmit + " distinct content"
        + (toSubmit == 1 ? "" : "s") + " (" + bytes(plan.bytesToUpload()) + media(plan) + ") in "
        + plan.batches().size() + " batch" + (plan.batches().size() == 1 ? "" : "es")
        + (plan.singles().isEmpty() ? "" : " and " + plan.singles().size() + " single upload"
            + (plan.singles().size() == 1 ? "" : "s"))
        + "; " + plan.cachedContents() + " answered by the cache.");
    if (dryRun) {
      for (Plan.PlannedBatch batch : plan.batches()) {
        out.info("  batch " + batch.index() + " (" + bytes(batch.bytes()) + "): "
            + String.join(", ", batch.paths()));
      }
      for (Plan.PlannedSingle single : plan.singles()) {
        out.info("  single (" + single.why() + "): " + single.path());
      }
    }
  }

  /** {@code , about 4.5 min of media}: the playing time the plan's containers state, if any. */
  private static String media(Plan plan) {
    String words = SizeFormat.playingTime(plan.playingSeconds(), plan.unknownPlayingTimes());
    return words.isEmpty() ? "" : ", " + words;
  }

  @Override
  public void batchSubmitted(int batchIndex, int batchCount, String batchId, int files) {
    out.info("Submitted batch " + batchIndex + "/" + batchCount + " (" + files + " file"
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
    out.info(String.format(Locale.ROOT,
        "Waiting for Resemble: %d of %d detections finished (%dm %02ds).",
        progress.overallDone(), progress.overallTotal(), seconds / 60, seconds % 60));
  }

  @Override
  public void fileJudged(FileResult result) {
    if (out.debugEnabled()) {
      out.debug(result.path() + ": " + result.outcome()
          + (result.score() == null ? ""
              : String.format(Locale.ROOT, " (score %.2f)", result.score()))
          + (result.reason() == null ? "" : " - " + result.reason()));
    }
  }

  @Override
  public void request(String method, String path) {
    out.debug("Resemble API: " + method + " " + path);
  }

  @Override
  public void info(String message) {
    out.info(message);
  }

  @Override
  public void warn(String message) {
    out.warn(message);
  }

  @Override
  public void debug(String message) {
    out.debug(message);
  }

  /** Decimal units, as the summary and the reports write sizes. */
  public static String bytes(long n) {
    if (n < 1000) {
      return n + " B";
    }
    if (n < 1_000_000) {
      return String.format(Locale.ROOT, "%.1f kB", n / 1000.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", n / 1_000_000.0);
  }
}
