package io.github.resemblegate.gate.internal.plan;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.policy.Decision;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.SizeFormat;
import io.github.resemblegate.gate.policy.Spend;
import io.github.resemblegate.gate.policy.Verdict;
import java.util.List;
import java.util.Locale;

/**
 * The byte and media-minute budgets, checked on the whole plan before anything is paid for: a
 * plan over either uploads nothing and says by how much. Minutes are the playing times read on
 * each content's way to the planner ({@code BillableProbe}; images play for no time); with a
 * minutes budget, a file whose playing time its header does not give stops the run too, since
 * the budget could not be proven.
 */
public final class SpendCheck {

  private final GateConfig.Budget budget;

  public SpendCheck(GateConfig.Budget budget) {
    this.budget = budget;
  }

  /** The decision of a plan over a budget, or null when every budget holds. */
  public Decision overBudget(List<Planned> draft) {
    long bytes = Plans.bytes(draft);
    int files = Plans.files(draft);
    if (budget.maxBytes() > 0 && bytes > budget.maxBytes()) {
      return over("This run would upload " + files + (files == 1 ? " file, " : " files, ")
          + SizeFormat.bytes(bytes) + ", " + SizeFormat.bytes(bytes - budget.maxBytes())
          + " more than maxBytes " + budget.maxBytes() + " allows, so nothing was sent; raise"
          + " maxBytes, 0 means no limit, or narrow the includes.");
    }
    if (budget.maxMediaMinutes() == 0) {
      return null;
    }
    Spend spend = Plans.spend(draft);
    int unknown = spend.unknownPlayingTimes();
    if (unknown > 0) {
      return over("The playing time of " + unknown + (unknown == 1 ? " file, " : " files, first ")
          + firstOfUnknownLength(draft) + ", is not in its header, so maxMediaMinutes cannot be"
          + " kept and nothing was sent; exclude it or set maxMediaMinutes 0.");
    }
    double minutes = spend.playingSeconds() / 60;
    if (minutes > budget.maxMediaMinutes()) {
      return over("This run would upload " + minutes(minutes) + " minutes of audio and video, "
          + minutes(minutes - budget.maxMediaMinutes()) + " more than maxMediaMinutes "
          + budget.maxMediaMinutes() + " allows, so nothing was sent; raise it, 0 means no"
          + " limit, or narrow the includes.");
    }
    return null;
  }

  /** The first planned file that is no image and whose playing time is unknown. */
  private static String firstOfUnknownLength(List<Planned> draft) {
    for (Planned p : draft) {
      for (Content c : p.contents()) {
        if (c.mediaType() != MediaType.IMAGE && c.playingSeconds() == null) {
          return c.path();
        }
      }
    }
    return null;
  }

  private static String minutes(double m) {
    return String.format(Locale.ROOT, "%.1f", Math.ceil(m * 10) / 10);
  }

  private static Decision over(String sentence) {
    return new Decision(Verdict.FAILED, FailureKind.BUDGET, sentence);
  }
}
