package io.github.resemblegate.jenkins;

import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateListener.Plan;
import io.github.resemblegate.gate.GateListener.Progress;
import io.github.resemblegate.gate.policy.FileResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Writes a run's events to the build console, prefixed and masked. Progress is thinned to one
 * line per {@code interval} (and the last one), so long waits do not flood the log.
 */
final class ConsoleProgress implements GateListener {

  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
  static final String PREFIX = "[Resemble] ";

  private final PrintStream out;
  private final SecretMasker masker;
  private final LongSupplier nanoTime;
  private final long intervalNanos;
  private long lastProgressAt;
  private boolean anyProgress;

  ConsoleProgress(PrintStream out, SecretMasker masker, LongSupplier nanoTime, Duration interval) {
    this.out = out;
    this.masker = masker;
    this.nanoTime = nanoTime;
    this.intervalNanos = interval.toNanos();
  }

  void line(String text) {
    out.println(PREFIX + masker.mask(text));
  }

  @Override
  public void scanned(int matchedFiles, long totalBytes) {
    line(matchedFiles + (matchedFiles == 1 ? " file" : " files") + " matched ("
        + megabytes(totalBytes) + ").");
  }

  @Override
  public void planned(Plan plan) {
    line(plan.batches().size() + (plan.batches().size() == 1 ? " batch" : " batches") + " and "
        + plan.singles().size() + " single uploads planned (" + megabytes(plan.bytesToUpload())
        + "); " + plan.cachedContents() + " answered from the cache.");
  }

  @Override
  public void batchSubmitted(int batchIndex, int batchCount, String batchId, int files) {
    line("Batch " + batchIndex + "/" + batchCount + " submitted: " + batchId + " (" + files
        + (files == 1 ? " file)." : " files)."));
  }

  @Override
  public void progress(Progress p) {
    long now = nanoTime.getAsLong();
    boolean done = p.overallDone() >= p.overallTotal();
    if (anyProgress && !done && now - lastProgressAt < intervalNanos) {
      return;
    }
    anyProgress = true;
    lastProgressAt = now;
    line(p.overallDone() + "/" + p.overallTotal() + " detections finished ("
        + p.elapsed().toSeconds() + " s).");
  }

  @Override
  public void fileJudged(FileResult r) {
    switch (r.outcome()) {
      case FLAGGED -> line("FLAGGED " + r.path() + " score " + score(r.score()) + " >= "
          + score(r.threshold()));
      case ERROR -> line("ERROR " + r.path() + ": " + r.reason());
      default -> { }
    }
  }

  @Override
  public void info(String message) {
    line(message);
  }

  @Override
  public void warn(String message) {
    line("WARNING: " + message);
  }

  private static String score(Double s) {
    return s == null ? "-" : String.format(Locale.ROOT, "%.2f", s);
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
  }
}
