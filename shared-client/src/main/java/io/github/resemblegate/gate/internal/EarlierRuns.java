package io.github.resemblegate.gate.internal;

import io.github.resemblegate.gate.internal.ledger.Fate;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.internal.store.Journal;
import io.github.resemblegate.gate.internal.store.ResultCache;
import io.github.resemblegate.gate.internal.store.ResultKey;
import io.github.resemblegate.gate.internal.store.Submission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What earlier runs left in the journal for this one: the submissions to resume before anything
 * is planned, and, once the run is over, the ones the journal must keep for the next.
 */
final class EarlierRuns {

  private EarlierRuns() {}

  /**
   * Earlier submissions of {@code key}, not abandoned, still waiting for a content that
   * {@code answers} (the cache, or null: nothing is answered) does not hold.
   */
  static List<Submission> resumable(List<Submission> earlier, ResultKey key,
      ResultCache answers) {
    List<Submission> resume = new ArrayList<>();
    for (Submission i : earlier) {
      if (i.key().equals(key.canonical()) && i.abandoned() == null && i.parts().stream()
          .anyMatch(p -> answers == null || answers.get(p.sha256()) == null)) {
        resume.add(i);
      }
    }
    return resume;
  }

  /** Keeps journal entries still waiting for a result; drops finished and abandoned ones. */
  static void compact(Journal journal, ResultKey key, ResultCache cache, Ledger ledger,
      Consumer<String> warn) {
    Set<String> keep = new HashSet<>();
    for (Submission i : journal.submissions()) {
      boolean waiting = !i.key().equals(key.canonical()) || i.parts().stream().anyMatch(p -> {
        Fate f = ledger.fate(p.sha256());
        return !(f != null && f.settled()) && (cache == null || cache.get(p.sha256()) == null);
      });
      if (i.abandoned() == null && waiting) {
        keep.add(i.id());
      }
    }
    try {
      journal.compact(keep);
    } catch (IOException | UncheckedIOException e) {
      warn.accept("Could not tidy the journal " + journal.file() + " (" + e + "); it is read"
          + " again next run.");
    }
  }
}
