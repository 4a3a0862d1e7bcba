package io.github.resemblegate.report;

import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.GateResult.Totals;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.ScoreFormat;
import io.github.resemblegate.gate.policy.SizeFormat;
import io.github.resemblegate.gate.policy.Spend;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code resemble-summary.md}: the verdict, the counts and the files that need a look, short
 * enough for a pull-request comment or a CI job summary ({@code $GITHUB_STEP_SUMMARY}).
 */
final class MarkdownSummaryWriter implements ReportWriter {

  /** More rows than this make a comment nobody reads; the HTML report has them all. */
  static final int MAX_ROWS = 25;

  /** An intelligence text longer than this is cut in a table cell; the HTML report has it whole. */
  static final int MAX_INTELLIGENCE = 200;

  @Override
  public void write(GateResult result, OutputStream out) throws IOException {
    out.write(summary(result).getBytes(StandardCharsets.UTF_8));
  }

  static String summary(GateResult result) {
    StringBuilder md = new StringBuilder();
    RunState state = RunState.of(result);
    String icon = state == RunState.DRY_RUN ? "ℹ️" : state == RunState.INCOMPLETE ? "❌"
        : switch (result.decision().verdict()) {
      case PASSED -> "✅";
      case UNSTABLE -> "⚠️";
      case FAILED -> "❌";
    };
    md.append("### ").append(icon).append(" Resemble Gate: ").append(state.word(result))
        .append("\n\n");
    String message = result.decision().sentence();
    if (message != null && !message.isBlank()) {
      md.append(text(message)).append("\n\n");
    }

    Totals totals = result.totals();
    List<Outcome> shown = Outcomes.byRank().stream()
        .filter(o -> totals.count(o) > 0 || o == Outcome.FLAGGED || o == Outcome.PASSED).toList();
    md.append("| Files |");
    shown.forEach(o -> md.append(' ').append(o.label()).append(" |"));
    md.append("\n|---:|");
    shown.forEach(o -> md.append("---:|"));
    md.append("\n| ").append(totals.files()).append(" |");
    shown.forEach(o -> md.append(' ').append(totals.count(o)).append(" |"));
    md.append("\n\n");

    List<FileResult> attention = Outcomes.needingAttention(result);
    if (!attention.isEmpty()) {
      md.append("| File | Verdict | Score | Threshold | Why |\n")
          .append("|---|---|---:|---:|---|\n");
      for (FileResult f : attention.subList(0, Math.min(MAX_ROWS, attention.size()))) {
        md.append("| ").append(code(f.path()))
            .append(" | ").append(f.outcome().label())
            .append(" | ").append(ScoreFormat.score(f.score(), f.threshold()))
            .append(" | ").append(ScoreFormat.threshold(f.threshold()))
            .append(" | ").append(text(details(f)))
            .append(" |\n");
      }
      if (attention.size() > MAX_ROWS) {
        md.append("\n…and ").append(attention.size() - MAX_ROWS)
            .append(" more; `resemble-report.html` lists every file.\n");
      }
      md.append('\n');
    }
    if (!result.notices().isEmpty()) {
      for (String notice : result.notices()) {
        md.append("- ").append(text(notice)).append('\n');
      }
      md.append('\n');
    }
    List<NextSteps.Step> steps = NextSteps.of(result);
    if (!steps.isEmpty()) {
      md.append("**What to do next**\n\n");
      for (NextSteps.Step step : steps) {
        md.append("- ").append(text(step.text())).append('\n');
        if (!step.copy().isEmpty()) {
          String body = String.join("\n", step.copy().stream().map(MarkdownSummaryWriter::oneLine)
              .toList());
          String fence = "`".repeat(Math.max(3, longestRun(body, '`') + 1));
          md.append("\n  ").append(fence).append("yaml\n");
          body.lines().forEach(l -> md.append("  ").append(l).append('\n'));
          md.append("  ").append(fence).append("\n\n");
        }
      }
      md.append('\n');
    }
    md.append("<sub>Resemble Gate ").append(text(orDash(result.run().toolVersion())))
        .append(" · ").append(totals.fromCache()).append(" from cache, ")
        .append(totals.uploaded()).append(" uploaded (")
        .append(SizeFormat.bytes(totals.bytesUploaded()))
        .append(")").append(billable(result)).append(result.run().dryRun() ? " · dry run" : "")
        .append("</sub>\n");
    return md.toString();
  }

  /** {@code  · billable: 3 files, 1.2 MB, about 4.5 min of media}; empty when nothing was. */
  private static String billable(GateResult result) {
    Spend spend = Spend.billed(result.files());
    return spend.files() == 0 ? "" : " · billable: " + text(spend.words());
  }

  /**
   * Why the file needs a look beyond its verdict and score, then what the API said beside it in
   * plain words; the API's fields stay in the JSON.
   */
  private static String details(FileResult f) {
    String why = switch (f.outcome()) {
      case ERROR -> f.errorReason();
      case NO_SPEECH -> f.reason() == null ? "" : f.reason();
      default -> f.cached() ? "judged earlier, from the cache" : "";
    };
    List<String> found = FindingWords.sentences(f.findings(), MAX_INTELLIGENCE);
    if (found.isEmpty()) {
      return why;
    }
    List<String> parts = new ArrayList<>();
    if (!why.isBlank()) {
      parts.add(why.endsWith(".") ? why : why + ".");
    }
    parts.addAll(found);
    return String.join(" ", parts);
  }

  /**
   * A path as a code span: nothing inside is Markdown or HTML. The fence is one backtick longer
   * than any run of backticks in the path; {@code |} is escaped, as GitHub splits table cells on
   * it before it sees the code span.
   */
  static String code(String s) {
    String one = oneLine(s);
    String fence = "`".repeat(longestRun(one, '`') + 1);
    boolean pad = one.startsWith("`") || one.endsWith("`") || one.isBlank();
    String body = one.replace("|", "\\|");
    return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
  }

  /** Free text: every character Markdown or HTML would act on is backslash-escaped. */
  static String text(String s) {
    String one = oneLine(s);
    StringBuilder out = new StringBuilder(one.length() + 8);
    for (int i = 0; i < one.length(); i++) {
      char c = one.charAt(i);
      if ("\\`*_{}[]<>()#+!|~&".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static int longestRun(String s, char c) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == c ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }

  private static String oneLine(String s) {
    return XmlText.clean(s == null ? "" : s).replace("\r\n", " ").replace('\n', ' ')
        .replace('\r', ' ');
  }

  private static String orDash(String s) {
    return s == null || s.isBlank() ? "-" : s;
  }
}
