package io.github.resemblegate.gate.internal.plan;

import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Fate;
import io.github.resemblegate.gate.internal.ledger.Fate.Failed;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.internal.store.Submission;
import io.github.resemblegate.gate.scan.ScannedFile;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What becomes of the contents a run plans but does not send: over its budget, in a dry run, or
 * offline. Each gets its fate in the ledger with the sentence its files report.
 */
public final class Unsent {

  private final Ledger ledger;

  public Unsent(Ledger ledger) {
    this.ledger = ledger;
  }

  /** Over the budget: nothing is sent, every open content is skipped. */
  public void overBudget(int uploads, int maxFiles) {
    String reason = "not submitted: this run would upload " + uploads + " files (of "
        + ledger.size() + " matched), more than maxFiles " + maxFiles;
    ledger.update(u -> ledger.contents(Fate.OPEN::equals)
        .forEach(c -> u.skipped(c, reason)));
  }

  /** Over the byte or minutes budget: nothing is sent, every open content says why. */
  public void overBudget(String sentence) {
    String reason = "not submitted: " + sentence;
    ledger.update(u -> ledger.contents(Fate.OPEN::equals)
        .forEach(c -> u.skipped(c, reason)));
  }

  /**
   * A dry run: each content says where it would have gone. One batch's contents change together,
   * as a submission's would: a million-file plan in one change would hold a million changes.
   */
  public void dryRun(List<Planned> draft, List<Submission> resume) {
    List<Planned.Batch> batches = Plans.batches(draft);
    int n = batches.size();
    for (int i = 0; i < n; i++) {
      String reason = "dry run: would be submitted in batch " + (i + 1) + "/" + n;
      Planned.Batch batch = batches.get(i);
      ledger.update(u -> batch.contents().forEach(c -> u.skipped(c, reason)));
    }
    ledger.update(u -> {
      for (Planned.Single s : Plans.singles(draft)) {
        u.skipped(s.content().sha256(), "dry run: would be submitted on its own (" + s.why()
            + ")");
      }
      for (Submission i : resume) {
        String reason = "dry run: an earlier run submitted it" + (i.batchId() == null ? ""
            : " in batch " + i.batchId()) + "; a real run resumes it";
        i.parts().forEach(p -> u.skipped(p.sha256(), reason));
      }
    });
  }

  /** Offline: what the cache does not answer cannot be checked; a resumed one stays journaled. */
  public void offline(String why, Set<String> resumed, Consumer<String> info) {
    String reason = why + " and it is not in the cache, so it cannot be sent to Resemble; build"
        + " online, or set onError=WARN to let offline builds pass unchecked";
    List<Content> open = ledger.contents(Fate.OPEN::equals);
    if (open.isEmpty()) {
      info.accept(why + ", but the cache answers every matched file: judging from the cache.");
    }
    ledger.update(u -> open.forEach(c -> u.failed(c.sha256(), resumed.contains(c.sha256())
        ? Failed.pending(reason, null, null) : Failed.of(reason, null, null))));
  }

  /**
   * The API refused the run before anything was sent (wrong token, URL or network): every open
   * content fails with {@code sentence}; files of {@code scan} the run never got to read are
   * listed too, not judged, so every matched file is in the report ({@code scan}'s hashed
   * entries are null by then: they are in the ledger).
   */
  public void refused(String sentence, List<ScannedFile> scan) {
    List<Content> open = ledger.contents(Fate.OPEN::equals);
    ledger.update(u -> open.forEach(c -> u.failed(c.sha256(), Failed.of(sentence, null, null))));
    if (scan == null) {
      return;
    }
    Set<String> listed = new HashSet<>();
    ledger.lines().forEach(line -> listed.add(line.path()));
    for (ScannedFile f : scan) {
      if (f != null && !listed.contains(f.path())) { // null: hashed, so in the ledger
        ledger.skip(f.path(), f.size(), f.isCandidate() ? sentence : f.skipReason());
      }
    }
  }
}
