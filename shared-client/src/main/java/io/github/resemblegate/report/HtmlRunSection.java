package io.github.resemblegate.report;

import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.GateResult.Totals;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.gate.policy.ScoreFormat;
import io.github.resemblegate.gate.policy.SizeFormat;
import io.github.resemblegate.gate.policy.Spend;
import java.util.Map;

/** The HTML report's Run section: when and how the gate ran, its policy, batches and options. */
final class HtmlRunSection {

  private HtmlRunSection() {}

  static void write(StringBuilder h, GateResult result) {
    RunInfo run = result.run();
    Totals t = result.totals();
    Policy p = result.policy();
    h.append("<section class=\"run\" aria-label=\"Run\"><h2>Run</h2><dl>\n");
    dt(h, "Started", run.startedAt() == null ? "–" : HtmlFormat.TIME.format(run.startedAt()));
    dt(h, "Finished", run.finishedAt() == null ? "–" : HtmlFormat.TIME.format(run.finishedAt()));
    dt(h, "Tool version", HtmlFormat.orDash(run.toolVersion()));
    dt(h, "API", HtmlFormat.orDash(Redaction.url(run.apiUrl())));
    dt(h, "Base directory", HtmlFormat.orDash(run.baseDirectory()));
    if (RunState.of(result) == RunState.INCOMPLETE) {
      // The run stopped before its policy and its files were known for sure.
      h.append("</dl>\n</section>\n");
      return;
    }
    dt(h, "Thresholds", "flagged at or above " + HtmlFormat.thresholds(p)
        + (p.warnThreshold() == null ? ""
            : "; warned from " + ScoreFormat.threshold(p.warnThreshold())));
    dt(h, "Policy", "flagged → " + p.onFlagged() + ", errors → " + p.onError()
        + ", no speech → " + p.onNoSpeech() + ", nothing matched → " + p.onEmpty()
        + ", video scored by " + p.videoScoring());
    dt(h, "Files", t.files() + " matched, " + t.uniqueContents() + " distinct contents, "
        + t.fromCache() + " from cache, " + t.uploaded() + " uploaded ("
        + SizeFormat.bytes(t.bytesUploaded()) + ") in " + t.batches()
        + (t.batches() == 1 ? " batch" : " batches"));
    Spend billable = Spend.billed(result.files());
    if (billable.files() > 0) {
      dt(h, "Billable", billable.words());
    }
    if (!p.waivers().isEmpty()) {
      dt(h, "Waivers", p.waivers().size() + " configured");
    }
    h.append("</dl>\n");
    if (!run.batchIds().isEmpty()) {
      h.append("<details><summary>Batch ids (").append(run.batchIds().size())
          .append(")</summary><ul class=\"plain\">");
      for (String id : run.batchIds()) {
        h.append("<li><code>").append(Html.escape(id)).append("</code></li>");
      }
      h.append("</ul></details>\n");
    }
    if (!run.options().isEmpty()) {
      h.append("<details><summary>Options (").append(run.options().size())
          .append(")</summary><table class=\"options\"><tbody>");
      for (Map.Entry<String, String> option : Redaction.options(run.options()).entrySet()) {
        h.append("<tr><th scope=\"row\">").append(Html.escape(option.getKey()))
            .append("</th><td><code>").append(Html.escape(HtmlFormat.orDash(option.getValue())))
            .append("</code></td></tr>");
      }
      h.append("</tbody></table></details>\n");
    }
    h.append("</section>\n");
  }

  private static void dt(StringBuilder h, String name, String value) {
    h.append("<div><dt>").append(name).append("</dt><dd>")
        .append(Html.escape(value)).append("</dd></div>\n");
  }
}
