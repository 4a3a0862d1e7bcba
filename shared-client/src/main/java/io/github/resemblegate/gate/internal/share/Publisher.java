package io.github.resemblegate.gate.internal.share;

import io.github.resemblegate.gate.internal.ledger.Fate;
import io.github.resemblegate.gate.internal.ledger.Fate.Failed;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.internal.store.ResultCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tells other builds what this run learns, the moment it learns it: a fresh result goes to the
 * cache and its claim is let go, so a waiting build never waits for this run's slowest batch and a
 * killed run keeps what it learnt; a claim let go without a result leaves a note saying why
 * ({@link ClaimNotes}). Claims settled together are let go together, so a waiting build takes over
 * a whole submission's contents at once.
 */
final class Publisher implements Ledger.Observer {

  private final ResultCache cache;
  private final Claims claims;
  private final ClaimNotes notes;
  private final Path ownJournal;
  /** Other builds' submissions this run collects, by intent id: the journal that holds each. */
  private final Map<String, Path> adopted;

  Publisher(ResultCache cache, Claims claims, ClaimNotes notes, Path ownJournal,
      Map<String, Path> adopted) {
    this.cache = cache;
    this.claims = claims;
    this.notes = notes;
    this.ownJournal = ownJournal;
    this.adopted = adopted;
  }

  @Override
  public void changed(List<Ledger.Change> changes) {
    List<String> release = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (Ledger.Change c : changes) {
      String sha = c.content().sha256();
      Fate fate = c.fate();
      if (fate instanceof Fate.Submitted s && claims.holds(sha)) {
        notes.write(sha, new ClaimNotes.Submitted(
            adopted.getOrDefault(s.submissionId(), ownJournal), now));
      } else if (fate instanceof Fate.Scored s) {
        if (!s.fromCache()) {
          cache.put(sha, s.analysis());
        }
        if (claims.holds(sha)) {
          notes.clear(sha);
          release.add(sha);
        }
      } else if (fate instanceof Failed f && claims.holds(sha)) {
        note(sha, f, now);
        release.add(sha);
      }
    }
    claims.release(release);
  }

  private void note(String sha, Failed failure, long now) {
    switch (failure.kind()) {
      case ANALYSED -> notes.write(sha, new ClaimNotes.Failed(failure.reason(),
          failure.detectId(), failure.batchId(), now));
      case PENDING -> {
        // Still pending at the API, and the journal keeps it: whoever comes next collects it.
        if (!(notes.read(sha) instanceof ClaimNotes.Submitted)) {
          notes.write(sha, new ClaimNotes.Submitted(ownJournal, now));
        }
      }
      case FINAL, TAINTED -> notes.clear(sha);
    }
  }
}
