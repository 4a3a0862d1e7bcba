package io.github.resemblegate.gate.internal.plan;

import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The run's one planning point: every content that needs a detection comes here, from the cache
 * stage, from a submission of an earlier run found never to have been created, or from another
 * build that let it go; every request the run sends is planned here. Until the run decides to
 * send ({@link #send}) the planner only holds what it is given, so budget, dry run and offline can
 * judge the whole plan; once sending, each content is claimed (other builds sharing the cache may
 * hold it), cut into batches and handed on the moment a batch is full. Contents an earlier run
 * already submitted are held aside until the journal says what became of them. Thread-safe: the
 * hashing thread offers contents while the remote half releases and sends.
 */
public final class Planner implements Consumer<Content> {

  /**
   * How many bytes the first batch of a scan of more than one batch holds when it goes while the
   * run still hashes: the upload starts after a few megabytes are hashed rather than after a
   * whole batch (50 files of 1 MB take a quarter of a second or more to read and hash while the
   * JIT compiler is still warming up). The API bills per file, not per request, so the smaller
   * batch costs one request more in the whole run; a batch of small files fills up quickly
   * anyway and goes whole.
   */
  public static final long FIRST_BATCH_BYTES = 4_000_000L;

  private final BatchCutter.Rules rules;
  private final int maxFiles;
  private final Ledger ledger;
  private final Consumer<String> warn;
  private final Set<String> resumed;
  private final Map<String, Content> heldAside = new LinkedHashMap<>();
  /** Before sending: everything offered; while sending: the group about to be claimed. */
  private final List<Content> open = new ArrayList<>();
  private final List<Planned> sent = new ArrayList<>();
  private BatchCutter cutter;
  private Outlet outlet;
  private long openBytes;
  private int sentFiles;
  /** Whether the plan may be one request, then told before it is sent. */
  private boolean oneRequest;
  /** The run's first request, held while the plan may be that one request. */
  private Planned first;
  /** Whether the scan takes more than one batch, so its first batch goes small and early. */
  private boolean quickStart;

  /** Where planned requests go once the run sends, and how it claims what it sends. */
  public record Outlet(UnaryOperator<List<Content>> claim, Consumer<List<Planned>> send) {}

  /**
   * {@code maxFiles}: the budget, never exceeded (0: none); {@code resumed}: the contents earlier
   * runs' journaled submissions still cover.
   */
  public Planner(BatchCutter.Rules rules, int maxFiles, Ledger ledger,
      Collection<String> resumed, Consumer<String> warn) {
    this.rules = rules;
    this.maxFiles = maxFiles;
    this.ledger = ledger;
    this.resumed = new HashSet<>(resumed);
    this.warn = warn;
  }

  public BatchCutter.Rules rules() {
    return rules;
  }

  /**
   * How many files the scan found to hash: when no more than one batch takes, the first request
   * is held until a second is ready or the plan is complete, so a plan of one request (a batch, or
   * one file on its own however large) is told before anything is uploaded; a larger scan sends
   * its first batch at once.
   */
  public synchronized void expect(int files) {
    oneRequest = files <= rules.maxFilesPerBatch();
    quickStart = !oneRequest;
  }

  /** A content the cache does not answer. */
  @Override
  public synchronized void accept(Content c) {
    if (resumed.contains(c.sha256())) {
      heldAside.put(c.sha256(), c);
      return;
    }
    open.add(c);
    openBytes += c.size();
    if (outlet == null) {
      return;
    }
    // Claimed and cut as soon as the held contents would fill the batch being cut; while the
    // small first batch of a large scan fills, each content at once, so the run knows from its
    // first content that it sends something.
    if (fillingFirst() || open.size() + cutter.files() >= rules.maxFilesPerBatch()
        || openBytes + cutter.bytes() >= rules.maxBytesPerBatch()) {
      sendOpen();
      sendFirstWhenFull();
    }
  }

  /** Whether the small first batch of a large scan is still being filled. */
  private boolean fillingFirst() {
    return quickStart && sent.isEmpty() && first == null;
  }

  /** The small first batch goes once it holds {@link #FIRST_BATCH_BYTES}. */
  private void sendFirstWhenFull() {
    if (fillingFirst() && cutter.bytes() >= FIRST_BATCH_BYTES) {
      hand(cutter.flush(), false);
    }
  }

  /** Offers several contents at once (another build let them go). */
  public synchronized void acceptAll(List<Content> contents) {
    contents.forEach(this::accept);
    if (outlet != null) {
      sendOpen();
    }
  }

  /**
   * Plans again the contents of earlier submissions that were certainly never created, from the
   * files this scan hashed (the journal's paths may since hold other bytes, or be gone).
   */
  public synchronized void release(Collection<String> sha256s) {
    List<Content> back = new ArrayList<>();
    for (String sha : sha256s) {
      resumed.remove(sha);
      Content c = heldAside.remove(sha);
      if (c != null) {
        back.add(c);
      }
    }
    acceptAll(back);
  }

  /** What would be sent if everything offered so far were sent now, without claims. */
  public synchronized List<Planned> draft() {
    return BatchCutter.cutAll(rules, open);
  }

  /**
   * From now on, claims and sends what it is given; what it held so far goes first. Sent once the
   * caller has decided the run sends at all.
   */
  public synchronized void send(Outlet to) {
    this.outlet = to;
    this.cutter = new BatchCutter(rules);
    sendOpen();
    sendFirstWhenFull();
  }

  /**
   * Claims and cuts what it holds, handing on full batches, but keeps the last, partly filled one:
   * {@link #describe} then shows the whole plan before {@link #flush} sends the rest.
   */
  public synchronized void claimHeld() {
    if (outlet != null) {
      sendOpen();
    }
  }

  /** Nothing more is coming for now: what it holds goes, the last, partly filled batch too. */
  public synchronized void flush() {
    if (outlet == null) {
      return;
    }
    sendOpen();
    hand(cutter.flush(), true);
  }

  /**
   * The public view of what the run sends (or, before sending, would send) for the listener: what
   * was handed on, and the batch still being filled.
   */
  public synchronized GateListener.Plan describe() {
    if (outlet == null) {
      return Plans.describe(draft(), ledger);
    }
    List<Planned> all = new ArrayList<>(sent);
    if (first != null) {
      all.add(first);
    }
    all.addAll(cutter.pending());
    return Plans.describe(all, ledger);
  }

  private void sendOpen() {
    if (open.isEmpty()) {
      return;
    }
    List<Content> group = new ArrayList<>(open);
    open.clear();
    openBytes = 0;
    List<Planned> ready = new ArrayList<>();
    for (Content c : outlet.claim().apply(group)) {
      ready.addAll(cutter.add(c));
    }
    hand(ready, false);
  }

  /**
   * Hands {@code ready} on together, within the budget; see {@link #expect} for the first
   * request of a small plan, held until a second is ready or the plan is {@code complete}.
   */
  private void hand(List<Planned> ready, boolean complete) {
    List<Planned> within = new ArrayList<>(ready.size() + 1);
    if (first != null) {
      within.add(first);
      first = null;
    }
    for (Planned p : ready) {
      if (maxFiles > 0 && sentFiles + p.contents().size() > maxFiles) {
        overBudget(p);
      } else {
        sentFiles += p.contents().size();
        within.add(p);
      }
    }
    if (oneRequest && sent.isEmpty() && within.size() == 1 && !complete) {
      first = within.get(0);
      return;
    }
    if (!within.isEmpty()) {
      sent.addAll(within);
      outlet.send().accept(within);
    }
  }

  /**
   * The budget was decided before sending from what was known cheaply; this only guards it: past
   * it nothing more is sent, and the run says so once.
   */
  private void overBudget(Planned p) {
    if (sentFiles <= maxFiles) {
      warn.accept("Stopped submitting at maxFiles " + maxFiles + "; the files not sent are"
          + " reported SKIPPED.");
      sentFiles = maxFiles + 1;
    }
    String reason = "not submitted: the run reached its budget maxFiles " + maxFiles
        + "; raise maxFiles (0 = no limit) or narrow the includes";
    ledger.update(u -> p.contents().forEach(c -> u.skipped(c.sha256(), reason)));
  }
}
