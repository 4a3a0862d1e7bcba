package io.github.resemblegate.gate.internal.plan;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.GateListener.Plan;
import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Fate;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.policy.Decision;
import io.github.resemblegate.gate.policy.DecisionRules;
import io.github.resemblegate.gate.policy.Spend;
import java.util.ArrayList;
import java.util.List;

/** The public view of planned requests, for listeners and reports, with the ledger's counts. */
public final class Plans {

  private Plans() {}

  /** Files the requests upload. */
  public static int files(List<Planned> planned) {
    int n = 0;
    for (Planned p : planned) {
      n += p.contents().size();
    }
    return n;
  }

  /** Bytes the requests upload. */
  public static long bytes(List<Planned> planned) {
    long n = 0;
    for (Planned p : planned) {
      n += p.bytes();
    }
    return n;
  }

  /** What the requests bill, from each content's billable facts (unknown when none were read). */
  public static Spend spend(List<Planned> planned) {
    double seconds = 0;
    int unknown = 0;
    for (Planned p : planned) {
      for (Content c : p.contents()) {
        Double s = c.playingSeconds();
        if (s != null) {
          seconds += s;
        } else if (c.mediaType() != MediaType.IMAGE) {
          unknown++;
        }
      }
    }
    return new Spend(files(planned), bytes(planned), seconds, unknown);
  }

  /** A dry run's decision over {@code draft}: what it would send, unless judging fails it. */
  public static Decision dryRun(Decision judged, List<Planned> draft) {
    return DecisionRules.dryRun(judged, spend(draft), batches(draft).size(),
        singles(draft).size());
  }

  /** The requests that are batches. */
  public static List<Planned.Batch> batches(List<Planned> planned) {
    List<Planned.Batch> out = new ArrayList<>();
    planned.forEach(p -> {
      if (p instanceof Planned.Batch b) {
        out.add(b);
      }
    });
    return out;
  }

  /** The requests that are single files. */
  public static List<Planned.Single> singles(List<Planned> planned) {
    List<Planned.Single> out = new ArrayList<>();
    planned.forEach(p -> {
      if (p instanceof Planned.Single s) {
        out.add(s);
      }
    });
    return out;
  }

  /** The public view of {@code planned}, with the ledger's counts. */
  public static Plan describe(List<Planned> planned, Ledger ledger) {
    List<Plan.PlannedBatch> batches = new ArrayList<>();
    for (Planned.Batch b : batches(planned)) {
      List<String> paths = new ArrayList<>(b.contents().size());
      for (Content u : b.contents()) {
        paths.add(u.path());
      }
      batches.add(new Plan.PlannedBatch(batches.size() + 1, paths, b.bytes()));
    }
    List<Plan.PlannedSingle> singles = new ArrayList<>();
    for (Planned.Single s : singles(planned)) {
      singles.add(new Plan.PlannedSingle(s.content().path(), s.content().size(), s.why()));
    }
    Spend spend = spend(planned);
    return new Plan(ledger.size(), ledger.contents().size(),
        ledger.contents(f -> f instanceof Fate.Scored s && s.fromCache()).size(),
        ledger.skippedFiles(), batches, singles, spend.bytes(), spend.playingSeconds(),
        spend.unknownPlayingTimes());
  }
}
