package io.github.resemblegate.gate.internal.judge;

import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Fate;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Policy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The judge stage: each file's outcome, told the moment it is final. A content's result is final
 * when it is scored (nothing counts over a result), so its files are judged then, while the run
 * still waits for others; every other file is judged when the run ends. Each file is judged, and
 * told, once. Thread-safe: results arrive on the polling thread.
 */
public final class Verdicts implements Ledger.Observer {

  private final Judge judge;
  private final WaiverBook waivers;
  private final Ledger ledger;
  private final GateListener listener;
  private final Map<String, FileResult> early = new ConcurrentHashMap<>();

  /** Judges by {@code policy}, with waivers current on {@code today}. */
  public Verdicts(Policy policy, LocalDate today, Ledger ledger, GateListener listener) {
    this.waivers = new WaiverBook(policy.waivers(), today);
    this.judge = new Judge(policy, waivers);
    this.ledger = ledger;
    this.listener = listener;
  }

  @Override
  public void changed(List<Ledger.Change> changes) {
    for (Ledger.Change c : changes) {
      if (c.fate() instanceof Fate.Scored) {
        Content now = ledger.content(c.content().sha256());
        for (String path : now.paths()) {
          FileResult r = judge.outcome(new Ledger.Line(path, now.size(), now, null), c.fate());
          if (early.putIfAbsent(path, r) == null) {
            listener.fileJudged(r);
          }
        }
      }
    }
  }

  /** Every matched file's outcome, in path order; those not told yet are told now. */
  public List<FileResult> all() {
    List<Ledger.Line> lines = ledger.lines();
    List<FileResult> judged = new ArrayList<>(lines.size());
    for (Ledger.Line line : lines) {
      FileResult r = line.content() == null ? null : early.get(line.path());
      if (r == null) {
        r = judge.outcome(line, line.content() == null ? null
            : ledger.fate(line.content().sha256()));
        listener.fileJudged(r);
      }
      judged.add(r);
    }
    return judged;
  }

  /** Run-level notices about waivers; see {@link WaiverBook#notices}. */
  public List<String> notices(boolean reportUnused) {
    return waivers.notices(reportUnused);
  }
}
