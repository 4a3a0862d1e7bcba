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

  /** A content the cache does not answer. */
  @Override
  public synchronized void accept(Content c) {
    if (resumed.contains(c.sha256())) {
      heldAside.put(c.sha256(), c);
      return;
    }
    open.add(c);
    openBytes += c.size();
    if (outlet != null && (open.size() >= rules.maxFilesPerBatch()
        || openBytes >= rules.maxBytesPerBatch())) {
      sendOpen();
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
  }

  /** Nothing more is coming for now: the last, partly filled batch goes too. */
  public synchronized void flush() {
    if (outlet == null) {
      return;
    }
    sendOpen();
    hand(cutter.flush());
  }

  /** The public view of what the run sends (or, before sending, would send) for the listener. */
  public synchronized GateListener.Plan describe() {
    return Plans.describe(outlet == null ? draft() : List.copyOf(sent), ledger);
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
    hand(ready);
  }

  /** Hands {@code ready} on together, within the budget. */
  private void hand(List<Planned> ready) {
    List<Planned> within = new ArrayList<>(ready.size());
    for (Planned p : ready) {
      if (maxFiles > 0 && sentFiles + p.contents().size() > maxFiles) {
        overBudget(p);
      } else {
        sentFiles += p.contents().size();
        within.add(p);
      }
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
