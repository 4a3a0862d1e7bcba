package io.github.resemblegate.gate;

import io.github.resemblegate.gate.BatchPlanner.Upload;
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
 *       owner left ({@link ClaimNotes}):
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
final class SharedContents implements Settlement, AutoCloseable {

  /**
   * What a step found: contents answered by the cache, contents that end in a failure, contents
   * this run now holds and submits itself, and other runs' accepted submissions it collects (for
   * the contents in {@code collected}).
   */
  record Turn(Map<String, Analysis> answered, Map<String, ResultMapper.Failure> failed,
      List<Upload> mine, List<Journal.Intent> adopt, Set<String> collected) {

    boolean isEmpty() {
      return answered.isEmpty() && failed.isEmpty() && mine.isEmpty() && adopt.isEmpty();
    }
  }

  /** How often, at most, a waiting run checks on other processes' claims. */
  static final Duration MAX_CHECK_INTERVAL = Duration.ofSeconds(2);
  static final Duration REPORT_INTERVAL = Duration.ofSeconds(20);

  private final GateConfig config;
  private final ResultCache cache;
  private final Claims claims;
  private final ClaimNotes notes;
  private final Path ownJournal;
  private final String keyCanonical;
  private final GateListener listener;
  private final long notBeforeMillis;
  private final long startedMillis;
  /** Contents another run holds, by hash, in the order the run would upload them. */
  private final Map<String, Upload> waiting = new LinkedHashMap<>();
  /** Other runs' submissions this run collects, by intent id: the journal that holds each. */
  private final Map<String, Path> adopted = new ConcurrentHashMap<>();
  private int waitedFor;
  private long waitStartNanos;
  private long nextReportNanos;

  SharedContents(GateConfig config, ResultKey key, ResultCache cache, Path ownJournal,
      long startedMillis, GateListener listener) {
    this.config = config;
    this.cache = cache;
    this.claims = new Claims(config.cacheDirectory(), key, listener::warn);
    this.notes = new ClaimNotes(config.cacheDirectory(), key);
    this.ownJournal = ownJournal.toAbsolutePath().normalize();
    this.keyCanonical = key.canonical();
    this.listener = listener;
    this.startedMillis = startedMillis;
    this.notBeforeMillis = config.refresh() ? startedMillis : Long.MIN_VALUE;
  }

  /**
   * Claims what the run is resuming from its own journal, so other runs wait for it rather than
   * upload it; a content already claimed elsewhere is resumed all the same (it costs nothing).
   */
  void claimResumed(Collection<String> sha256s) {
    sha256s.forEach(claims::claim);
  }

  /** Claims the contents the run would upload; those held elsewhere are waited for. */
  Turn claim(List<Upload> uploads) {
    Turn turn = emptyTurn();
    List<Upload> held = new ArrayList<>();
    for (Upload u : uploads) {
      if (claims.claim(u.sha256())) {
        held.add(u);
      } else {
        waiting.put(u.sha256(), u);
      }
    }
    // Listed once the claims are held: no other run can leave a note on these contents now.
    Set<String> noted = held.isEmpty() ? Set.of() : notes.noted();
    for (Upload u : held) {
      settleHeld(u, turn, noted);
    }
    waitedFor = waiting.size();
    waitStartNanos = System.nanoTime();
    nextReportNanos = waitStartNanos + REPORT_INTERVAL.toNanos();
    tellAdopted(turn);
    return turn;
  }

  /** Says, once the plan is told, what the run waits for. */
  void announce() {
    if (!waiting.isEmpty()) {
      listener.info("Waiting for another build that is analysing " + files(waiting.size())
          + " shared with this one, so they are billed once.");
    }
  }

  int waitingCount() {
    return waiting.size();
  }

  /**
   * Waits until something changes for the contents other runs hold: a result in the cache, or a
   * claim let go. Returns what changed; at {@code deadlineNanos} every content still held
   * elsewhere fails.
   */
  Turn await(long deadlineNanos) throws InterruptedException {
    long delay = Math.max(1, Math.min(config.pollInitial().toMillis(),
        MAX_CHECK_INTERVAL.toMillis()));
    long cap = Math.max(delay, Math.min(config.pollMax().toMillis(),
        MAX_CHECK_INTERVAL.toMillis()));
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException();
      }
      long seen = claims.version();
      // Past the deadline nothing is taken over: there would be no time left to wait for it.
      boolean expired = System.nanoTime() - deadlineNanos >= 0;
      Turn turn = emptyTurn();
      for (Upload u : List.copyOf(waiting.values())) {
        Analysis a = cache.get(u.sha256(), notBeforeMillis);
        if (a != null) {
          waiting.remove(u.sha256());
          turn.answered().put(u.sha256(), a);
        } else if (!expired && claims.claim(u.sha256())) {
          waiting.remove(u.sha256());
          settleHeld(u, turn, null);
        }
      }
      if (!turn.isEmpty() || waiting.isEmpty()) {
        tellAdopted(turn);
        if (!turn.mine().isEmpty()) {
          listener.info("Another build stopped without a result for " + files(turn.mine().size())
              + " shared with this one; submitting them from this build.");
        }
        return turn;
      }
      long now = System.nanoTime();
      if (expired) {
        String reason = "timed out after " + Durations.format(config.timeout()) + " waiting for"
            + " another build running at the same time that is analysing the same content;"
            + " re-run to use its result";
        waiting.keySet().forEach(sha -> turn.failed().put(sha,
            new ResultMapper.Failure(reason, null, null, false)));
        listener.warn("Timed out waiting for another build that is analysing "
            + files(waiting.size()) + " shared with this one; re-run to use its results from the"
            + " cache.");
        waiting.clear();
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
  private void settleHeld(Upload u, Turn turn, Set<String> noted) {
    String sha = u.sha256();
    Analysis a = cache.get(sha, notBeforeMillis);
    if (a != null) {
      turn.answered().put(sha, a);
      claims.release(sha);
      return;
    }
    ClaimNotes.Note note = noted != null && !noted.contains(sha) ? null : notes.read(sha);
    if (note instanceof ClaimNotes.Failed f && f.at() >= startedMillis) {
      turn.failed().put(sha, new ResultMapper.Failure(f.reason() + "; another build running at"
          + " the same time got this answer for the same content, so it was not submitted again",
          f.detectId(), f.batchId(), false, true));
      claims.release(sha);
      return;
    }
    if (note instanceof ClaimNotes.Submitted s) {
      Path journal = s.journal().toAbsolutePath().normalize();
      Journal.Intent open = journal.equals(ownJournal) ? null : openIntent(journal, sha);
      if (open != null && open.accepted()) {
        if (adopted.putIfAbsent(open.id(), journal) == null) {
          turn.adopt().add(open);
        }
        turn.collected().add(sha);
        return;
      }
      if (open != null) {
        turn.failed().put(sha, new ResultMapper.Failure("another build submitted this content"
            + " but lost the API's answer, and its journal " + journal + " has not settled it;"
            + " run that build again to settle it (uploading it again here might bill it twice)",
            null, null, true));
        claims.release(sha);
        return;
      }
    }
    turn.mine().add(u);
  }

  /** The submission of {@code sha} under this key that {@code journal} still waits for, or null. */
  private Journal.Intent openIntent(Path journal, String sha) {
    for (Journal.Intent i : Journal.read(journal, m -> { }).values()) {
      if (i.abandoned() == null && i.key().equals(keyCanonical)
          && i.at().toEpochMilli() >= notBeforeMillis
          && i.parts().stream().anyMatch(p -> p.sha256().equals(sha))) {
        return i;
      }
    }
    return null;
  }

  private void tellAdopted(Turn turn) {
    if (!turn.collected().isEmpty()) {
      listener.info("Another build submitted " + files(turn.collected().size()) + " shared with"
          + " this one and stopped before the results came; collecting them without uploading"
          + " again.");
    }
  }

  private static Turn emptyTurn() {
    return new Turn(new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>(),
        new ArrayList<>(), new HashSet<>());
  }

  private static String files(int n) {
    return n + (n == 1 ? " file" : " files");
  }

  // --- Settlement: what the run learns goes to the cache and to the claims at once ----------

  @Override
  public void submitted(Journal.Intent intent) {
    Path journal = adopted.getOrDefault(intent.id(), ownJournal);
    long now = System.currentTimeMillis();
    Set<String> seen = new HashSet<>();
    for (Journal.Part p : intent.parts()) {
      if (seen.add(p.sha256()) && claims.holds(p.sha256())) {
        notes.write(p.sha256(), new ClaimNotes.Submitted(journal, now));
      }
    }
  }

  @Override
  public void settled(Map<String, Analysis> results, Map<String, ResultMapper.Failure> failures) {
    List<String> release = new ArrayList<>();
    results.forEach((sha, analysis) -> {
      cache.put(sha, analysis);
      if (claims.holds(sha)) {
        notes.clear(sha);
        release.add(sha);
      }
    });
    failures.forEach((sha, failure) -> {
      if (claims.holds(sha)) {
        noteFailure(sha, failure);
        release.add(sha);
      }
    });
    // Together, so a waiting run takes over a whole submission's contents at once.
    claims.release(release);
  }

  private void noteFailure(String sha, ResultMapper.Failure failure) {
    if (failure.analysed()) {
      notes.write(sha, new ClaimNotes.Failed(failure.reason(), failure.detectId(),
          failure.batchId(), System.currentTimeMillis()));
    } else if (!failure.retryable()) {
      notes.clear(sha);
    } else if (!(notes.read(sha) instanceof ClaimNotes.Submitted)) {
      // Still pending at the API, and the journal keeps it: whoever comes next collects it.
      notes.write(sha, new ClaimNotes.Submitted(ownJournal, System.currentTimeMillis()));
    }
  }

  /** Lets go of every claim the run still holds; notes of pending submissions stay. */
  @Override
  public void close() {
    claims.close();
  }
}
