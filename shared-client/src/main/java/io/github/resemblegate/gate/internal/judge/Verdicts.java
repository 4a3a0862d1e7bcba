package io.github.resemblegate.gate.internal.judge;

import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Fate;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Policy;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
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
  /** The paths told before the end; only their names, so a large run holds no results. */
  private final Set<String> told = ConcurrentHashMap.newKeySet();

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
          if (told.add(path)) {
            listener.fileJudged(r);
          }
        }
      }
    }
  }

  /**
   * Every matched file's outcome, in path order; those not told yet are told now. From here on
   * the ledger's fates no longer change, and the list judges a file each time it is read instead
   * of holding a million results: the judge is deterministic, so every reading agrees.
   */
  public List<FileResult> all() {
    ledger.seal();
    List<Ledger.Line> lines = ledger.lines();
    for (Ledger.Line line : lines) {
      if (line.content() == null || !told.contains(line.path())) {
        listener.fileJudged(outcome(line));
      }
    }
    return new GateResult.JudgedFiles() {
      @Override
      public FileResult get(int i) {
        return outcome(lines.get(i));
      }

      @Override
      public int size() {
        return lines.size();
      }
    };
  }

  private FileResult outcome(Ledger.Line line) {
    return judge.outcome(line, line.content() == null ? null : ledger.fate(line.content()));
  }

  /** Run-level notices about waivers; see {@link WaiverBook#notices}. */
  public List<String> notices(boolean reportUnused) {
    return waivers.notices(reportUnused);
  }
}
