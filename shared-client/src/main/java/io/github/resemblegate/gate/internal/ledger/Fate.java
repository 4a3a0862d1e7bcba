package io.github.resemblegate.gate.internal.ledger;

/**
 * What became of a content in a run. It starts {@link Open}; the cache, the API or another build
 * scores it, a submission or a refusal fails it, or the run skips it on purpose (budget, dry run).
 * {@link Ledger} holds one fate per content and decides which change of fate counts.
 */
public sealed interface Fate {

  Open OPEN = new Open();

  /** Matched and hashed; nothing known yet. */
  record Open() implements Fate {}

  /**
   * Sent to the API by this run, an earlier one, or another build: a journal holds submission
   * {@code submissionId}; {@code batchId} is null for single files and recovered batches.
   */
  record Submitted(String submissionId, String batchId) implements Fate {}

  /** Analysed: by the API in this run, or known from the cache. */
  record Scored(Analysis analysis, boolean fromCache) implements Fate {}

  /** Not submitted on purpose, and why (over budget, dry run). */
  record Skipped(String reason) implements Fate {}

  /** No result, and why. */
  record Failed(String reason, String detectId, String batchId, Kind kind) implements Fate {

    /** What a failure means for the journal, for other builds and for later results. */
    public enum Kind {
      /** The API may still finish it: the journal keeps its submission for the next run. */
      PENDING,
      /** Nothing is pending: refused, never created, or not sent. */
      FINAL,
      /** The API analysed it and its detection failed: its own answer about the content. */
      ANALYSED,
      /** Its file changed during the upload: no result counts for it, whatever comes. */
      TAINTED
    }

    public static Failed pending(String reason, String detectId, String batchId) {
      return new Failed(reason, detectId, batchId, Kind.PENDING);
    }

    public static Failed of(String reason, String detectId, String batchId) {
      return new Failed(reason, detectId, batchId, Kind.FINAL);
    }
  }

  /** Whether the run knows all it will know: scored, or failed with nothing pending. */
  default boolean settled() {
    return this instanceof Scored
        || this instanceof Failed f && f.kind() != Failed.Kind.PENDING;
  }
}
