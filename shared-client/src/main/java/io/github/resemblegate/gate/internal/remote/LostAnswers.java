package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.client.ResembleException;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.internal.ledger.Fate.Failed;
import io.github.resemblegate.gate.internal.store.Journal;
import io.github.resemblegate.gate.internal.store.Submission;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * What becomes of a submission whose answer was lost (a reset connection, a 5xx after the upload):
 * {@link BatchRecovery} looks for it among recent detections. Found, it is adopted and waited for;
 * certainly not created (a second look a moment later agrees), it may be sent again; anything
 * else fails its files, and the journal keeps the submission for the next run to settle. Nothing
 * is ever sent twice on a guess.
 */
final class LostAnswers {

  private final BatchRecovery recovery;
  private final RequestBudget allowance;
  private final Duration settle;
  private final Journal journal;
  private final ResultMapper mapper;
  private final GateListener listener;

  /** {@code settle}: how long to wait before the second look that confirms a submission absent. */
  LostAnswers(BatchRecovery recovery, RequestBudget allowance, Duration settle, Journal journal,
      ResultMapper mapper, GateListener listener) {
    this.recovery = recovery;
    this.allowance = allowance;
    this.settle = settle;
    this.journal = journal;
    this.mapper = mapper;
    this.listener = listener;
  }

  /**
   * Settles {@code intent}, whose answer {@code e} lost: {@code adopt} gets it back as accepted
   * when found; {@code resend} (null when no resend is left) sends it again when it was certainly
   * not created.
   */
  void resolve(Submission intent, List<Submission.Part> parts, ResembleException e,
      Consumer<Submission> adopt, Runnable resend) {
    listener.info("The answer to a submission of " + parts.size()
        + (parts.size() == 1 ? " file" : " files") + " was lost (" + e.getMessage() + ");"
        + " looking for it among recent detections.");
    BatchRecovery.Finding finding = findConfirmed(intent);
    if (finding instanceof BatchRecovery.Found found) {
      List<String> ids = found.detectIds();
      listener.info("Found the lost submission: the API created " + ids.size()
          + (ids.size() == 1 ? " detection" : " detections") + "; waiting for them.");
      adopt.accept(journal.accepted(intent.id(), null, ids));
    } else if (finding instanceof BatchRecovery.Absent) {
      journal.abandoned(intent.id(), "not created: " + e.getMessage());
      if (resend != null) {
        listener.info("The lost submission was not created; sending it once more.");
        resend.run();
      } else {
        mapper.fail(parts, Failed.of("every answer to this file's submissions was lost, and each"
            + " time the detections list showed that nothing was created (the last: "
            + Poller.stripPeriod(e.getMessage()) + "); re-run to submit it again", null, null));
      }
    } else {
      String why = ((BatchRecovery.Undecidable) finding).why();
      // One thing to do, in one short sentence: the answer's own advice (look in the dashboard
      // before submitting again) is for a client without a journal, so it is not repeated here.
      mapper.fail(parts, Failed.pending("the API may have accepted this file's submission but"
          + " its answer was lost (" + why + "); re-run to resume: the journal keeps it, so"
          + " nothing is uploaded twice", null, null));
    }
  }

  /** Absent only counts when a second look, a moment later, agrees: the API may be slow. */
  private BatchRecovery.Finding findConfirmed(Submission intent) {
    BatchRecovery.Finding first = recovery.find(intent, allowance);
    if (!(first instanceof BatchRecovery.Absent)) {
      return first;
    }
    try {
      Thread.sleep(settle.toMillis());
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      return new BatchRecovery.Undecidable("the run was interrupted");
    }
    return recovery.find(intent, allowance);
  }
}
