package io.github.resemblegate.gate.internal.share;

import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.internal.ledger.Analysis;
import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Fate.Failed;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.internal.store.Journal;
import io.github.resemblegate.gate.internal.store.ResultCache;
import io.github.resemblegate.gate.internal.store.Submission;
import io.github.resemblegate.gate.settings.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares a run's work with the other runs using the same cache directory at the same time, so a
 * content they have in common is submitted by one of them only. The rules:
 * <ul>
 *   <li>Before submitting a content the run {@linkplain Claims claims} it, then looks in the cache
 *       again (another run may have finished it since). Dry runs claim nothing.</li>
 *   <li>A content another run holds is not uploaded: this run waits for that run's result to appear
 *       in the cache, up to its own timeout, and says so in the log.</li>
 *   <li>Each result goes to the cache the moment it arrives, and its claim is let go, so a waiter
 *       never waits for the owner's slowest batch, and a killed run keeps what it learnt.</li>
 *   <li>A claim let go without a result (its run failed, timed out, or was killed — the operating
 *       system drops a dead process's claims) passes to a waiting run, which reads the note the
 *       owner left ({@link ClaimNotes}); {@link Publisher} leaves them:
 *       <ul>
 *         <li>the API analysed the content and its detection failed, during this run → the waiter
 *             reports the same ERROR without submitting it again. A second detection of the same
 *             bytes would be billed and fail the same way; a later build tries again, as it would
 *             after any failed detection, since failures are never cached;</li>
 *         <li>the owner submitted it and its journal still holds the accepted submission (it
 *             timed out, or was killed while waiting) → the waiter collects that submission's
 *             result without uploading again;</li>
 *         <li>the owner's submission lost its answer and is not settled → ERROR: only the owner's
 *             journal can settle it, and uploading again might bill it twice;</li>
 *         <li>anything else (the owner never got to submit it, the API refused the request, the
 *             network failed) → the waiter submits it itself, as it would have had it run after
 *             the owner; a refusal such as missing credit then repeats for it at no cost.</li>
 *       </ul></li>
 *   <li>A refreshing run counts only results (and submissions) from after its own start.</li>
 * </ul>
 */
public final class SharedContents implements AutoCloseable {

  /** How often, at most, a waiting run checks on other processes' claims. */
  static final Duration MAX_CHECK_INTERVAL = Duration.ofSeconds(2);
  static final Duration REPORT_INTERVAL = Duration.ofSeconds(20);

  /**
   * How a waiting run looks again: it started at {@code startedMillis} (a refreshing run counts
   * only results from after that); it looks again after {@code firstCheck}, pausing longer each
   * time up to {@code longestCheck}; {@code timeout} names the run's timeout when it gives up.
   */
  public record Pace(long startedMillis, boolean refresh, Duration firstCheck,
      Duration longestCheck, Duration timeout) {}

  private final Pace pace;
  private final ResultCache cache;
  private final Claims claims;
  private final ClaimNotes notes;
  private final Path ownJournal;
  private final String keyCanonical;
  private final GateListener listener;
  private final long notBeforeMillis;
  private final long startedMillis;
  /** Contents another run holds, by hash, in the order the run would upload them. */
  private final Map<String, Content> waiting = new LinkedHashMap<>();
  /** Other runs' submissions this run collects, by intent id: the journal that holds each. */
  private final Map<String, Path> adopted = new ConcurrentHashMap<>();
  private int waitedFor;
  private long waitStartNanos;
  private long nextReportNanos;

  private final Ledger ledger;
  private final Publisher publisher;

  /** Shares {@code cache}'s contents; {@code ownJournal} is where this run journals. */
  public SharedContents(ResultCache cache, Path ownJournal, Pace pace, Ledger ledger,
      GateListener listener) {
    this.pace = pace;
    this.cache = cache;
    this.ledger = ledger;
    this.claims = new Claims(cache.directory(), cache.key(), listener::warn);
    this.notes = new ClaimNotes(cache.directory(), cache.key());
    this.ownJournal = ownJournal.toAbsolutePath().normalize();
    this.keyCanonical = cache.key().canonical();
    this.listener = listener;
    this.startedMillis = pace.startedMillis();
    this.notBeforeMillis = pace.refresh() ? startedMillis : Long.MIN_VALUE;
    this.publisher = new Publisher(cache, claims, notes, this.ownJournal, adopted);
    ledger.observe(publisher);
  }

  /**
   * Claims what the run is resuming from its own journal, so other runs wait for it rather than
   * upload it; a content already claimed elsewhere is resumed all the same (it costs nothing).
   */
  public void claimResumed(Collection<String> sha256s) {
    sha256s.forEach(claims::claim);
  }

  /**
   * Claims the contents the run would upload; those held elsewhere are waited for. Called once
   * per group the plan is about to send.
   */
  public Handover claim(List<Content> uploads) {
    Handover turn = new Handover();
    int alreadyWaiting = waiting.size();
    List<Content> held = new ArrayList<>();
    for (Content u : uploads) {
      if (claims.claim(u.sha256())) {
        held.add(u);
      } else {
        waiting.put(u.sha256(), u);
      }
    }
    // Listed once the claims are held: no other run can leave a note on these contents now.
    Set<String> noted = held.isEmpty() ? Set.of() : notes.noted();
    for (Content u : held) {
      settleHeld(u, turn, noted);
    }
    waitedFor += waiting.size() - alreadyWaiting;
    if (alreadyWaiting == 0) {
      waitStartNanos = System.nanoTime();
      nextReportNanos = waitStartNanos + REPORT_INTERVAL.toNanos();
    }
    record(turn);
    return turn;
  }

  /** Says, once the plan is told, what the run waits for. */
  public void announce() {
    if (!waiting.isEmpty()) {
      listener.info("Waiting for another build that is analysing " + files(waiting.size())
          + " shared with this one, so they are billed once.");
    }
  }

  public int waitingCount() {
    return waiting.size();
  }

  /**
   * Waits until something changes for the contents other runs hold: a result in the cache, or a
   * claim let go. Returns what changed; at {@code deadlineNanos} every content still held
   * elsewhere fails.
   */
  public Handover await(long deadlineNanos) throws InterruptedException {
    long delay = Math.max(1, Math.min(pace.firstCheck().toMillis(),
        MAX_CHECK_INTERVAL.toMillis()));
    long cap = Math.max(delay, Math.min(pace.longestCheck().toMillis(),
        MAX_CHECK_INTERVAL.toMillis()));
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException();
      }
      long seen = claims.version();
      // Past the deadline nothing is taken over: there would be no time left to wait for it.
      boolean expired = System.nanoTime() - deadlineNanos >= 0;
      Handover turn = new Handover();
      long before;
      do {
        // A run of this JVM lets go of a submission's claims all at once, but that may fall in
        // the middle of this look; then look again, so its contents are taken over together
        // (one batch) rather than split between two turns.
        before = claims.version();
        for (Content u : List.copyOf(waiting.values())) {
          Analysis a = cache.get(u.sha256(), notBeforeMillis);
          if (a != null) {
            waiting.remove(u.sha256());
            turn.answered.put(u.sha256(), a);
          } else if (!expired && claims.claim(u.sha256())) {
            waiting.remove(u.sha256());
            settleHeld(u, turn, null);
          }
        }
      } while (!turn.isEmpty() && !waiting.isEmpty() && claims.version() != before);
      if (!turn.isEmpty() || waiting.isEmpty()) {
        record(turn);
        if (!turn.mine.isEmpty()) {
          listener.info("Another build stopped without a result for " + files(turn.mine.size())
              + " shared with this one; submitting them from this build.");
        }
        return turn;
      }
      long now = System.nanoTime();
      if (expired) {
        String reason = "timed out after " + Durations.format(pace.timeout()) + " waiting for"
            + " another build running at the same time that is analysing the same content;"
            + " re-run to use its result";
        waiting.keySet().forEach(sha -> turn.failed.put(sha, Failed.of(reason, null, null)));
        listener.warn("Timed out waiting for another build that is analysing "
            + files(waiting.size()) + " shared with this one; re-run to use its results from the"
            + " cache.");
        waiting.clear();
        record(turn);
        return turn;
      }
      if (now - nextReportNanos >= 0) {
        nextReportNanos = now + REPORT_INTERVAL.toNanos();
        long s = Duration.ofNanos(now - waitStartNanos).toSeconds();
        listener.info(String.format(Locale.ROOT, "Still waiting for another build: %d of %d"
            + " shared files settled (%dm %02ds).", waitedFor - waiting.size(), waitedFor,
            s / 60, s % 60));
      }
      claims.awaitChange(seen, Math.min(delay, Math.max(1, (deadlineNanos - now) / 1_000_000)));
      delay = Math.min(cap, delay + delay / 2 + 1);
    }
  }

  /**
   * The run holds {@code u}'s claim: use the cache, the owner's note, or submit it.
   * {@code noted} lists the contents with a note, or is null (then the note is looked for).
   */
  private void settleHeld(Content u, Handover turn, Set<String> noted) {
    String sha = u.sha256();
    Analysis a = cache.get(sha, notBeforeMillis);
    if (a != null) {
      turn.answered.put(sha, a);
      claims.release(sha);
      return;
    }
    ClaimNotes.Note note = noted != null && !noted.contains(sha) ? null : notes.read(sha);
    if (note instanceof ClaimNotes.Failed f && f.at() >= startedMillis) {
      turn.failed.put(sha, new Failed(f.reason() + "; another build running at the same time"
          + " got this answer for the same content, so it was not submitted again", f.detectId(),
          f.batchId(), Failed.Kind.ANALYSED));
      claims.release(sha);
      return;
    }
    if (note instanceof ClaimNotes.Submitted s) {
      Path journal = s.journal().toAbsolutePath().normalize();
      Submission open = journal.equals(ownJournal) ? null
          : Journal.waitingFor(journal, sha, keyCanonical, notBeforeMillis);
      if (open != null && open.accepted()) {
        if (adopted.putIfAbsent(open.id(), journal) == null) {
          turn.adopt.add(open);
        }
        turn.collected.add(sha);
        return;
      }
      if (open != null) {
        turn.failed.put(sha, Failed.pending("another build submitted this content but lost the"
            + " API's answer, and its journal " + journal + " has not settled it; run that build"
            + " again to settle it (uploading it again here might bill it twice)", null, null));
        claims.release(sha);
        return;
      }
    }
    turn.mine.add(u);
  }

  /** Writes what a step found into the ledger, and says what is collected from another build. */
  private void record(Handover turn) {
    ledger.update(u -> {
      turn.answered.forEach(u::fromCache);
      turn.failed.forEach(u::failed);
    });
    if (!turn.collected.isEmpty()) {
      listener.info("Another build submitted " + files(turn.collected.size()) + " shared with"
          + " this one and stopped before the results came; collecting them without uploading"
          + " again.");
    }
  }

  private static String files(int n) {
    return n + (n == 1 ? " file" : " files");
  }

  /** Lets go of every claim the run still holds; notes of pending submissions stay. */
  @Override
  public void close() {
    claims.close();
  }
}
