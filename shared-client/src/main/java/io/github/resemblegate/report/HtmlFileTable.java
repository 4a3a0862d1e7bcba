package io.github.resemblegate.report;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.ScoreFormat;
import io.github.resemblegate.gate.policy.SizeFormat;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The HTML report's table of every file, with its filter toolbar, rendered without the script. */
final class HtmlFileTable {

  /** How much of the page is held before it is written out. */
  private static final int FLUSH_CHARS = 64 * 1024;

  private HtmlFileTable() {}

  /** Appends the table to {@code h}, which goes to {@code page} every few rows and is emptied. */
  static void write(StringBuilder h, GateResult result, List<FileResult> files, Writer page)
      throws IOException {
    Double warn = result.policy().warnThreshold();
    h.append("<section class=\"files\" aria-label=\"Files\">\n<div class=\"toolbar\">\n")
        .append("<label class=\"search\"><span>Filter</span><input type=\"search\" id=\"filter\" ")
        .append("placeholder=\"Path, label, reason or id\" autocomplete=\"off\"></label>\n")
        .append("<label><span>Verdict</span><select id=\"outcome-filter\">")
        .append("<option value=\"\">All files</option>")
        .append("<option value=\"ATTENTION\">Needs attention</option>");
    for (Outcome outcome : Outcomes.byRank()) {
      h.append("<option value=\"").append(outcome.name()).append("\">")
          .append(outcome.label()).append(" (")
          .append(result.totals().count(outcome)).append(")</option>");
    }
    h.append("</select></label>\n<span class=\"shown\" id=\"shown\" aria-live=\"polite\">")
        .append(Outcomes.files(files.size())).append("</span>\n</div>\n");
    // Nothing was scored in a run that did not complete: the score columns are left out.
    h.append("<div class=\"table-wrap\"><table id=\"files\"")
        .append(RunState.of(result) == RunState.INCOMPLETE ? " class=\"unscored\"" : "")
        .append(" data-attention=\"")
        .append(String.join(" ", attention(result))).append("\">\n<thead><tr>")
        .append(sortable("outcome", "Verdict", "ascending"))
        .append(sortable("path", "File", null))
        .append(sortable("type", "Type", null))
        .append(sortable("score", "Score", null))
        .append(sortable("threshold", "Threshold", null))
        .append("<th scope=\"col\" class=\"chunks\">Scores over time</th>")
        .append("<th scope=\"col\">Why, and details</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < files.size(); i++) {
      row(h, files.get(i), i, warn);
      if (h.length() >= FLUSH_CHARS) {
        page.append(h);
        h.setLength(0);
      }
    }
    h.append("</tbody>\n</table></div>\n")
        .append("<p class=\"empty\" id=\"empty\" hidden>No file matches the filter.</p>\n")
        .append("</section>\n");
  }

  private static String sortable(String key, String label, String sort) {
    return "<th scope=\"col\" data-key=\"" + key + "\""
        + (sort == null ? "" : " aria-sort=\"" + sort + "\"")
        + "><button type=\"button\">" + label + "<span class=\"arrow\" aria-hidden=\"true\">"
        + "</span></button></th>";
  }

  /**
   * What "Needs attention" selects: the outcomes the summaries list, no-speech files when they
   * count.
   */
  private static List<String> attention(GateResult result) {
    return Outcomes.noSpeechMatters(result.policy())
        ? List.of("FLAGGED", "ERROR", "WARNED", "NO_SPEECH") : List.of("FLAGGED", "ERROR", "WARNED");
  }

  /** The row and, in its {@code data-} attributes, what the script sorts and filters it by. */
  private static void row(StringBuilder h, FileResult f, int index, Double warn) {
    String id = Outcomes.id(f.outcome());
    h.append("<tr data-i=\"").append(index).append("\" class=\"o-").append(id)
        .append("\" data-outcome=\"").append(f.outcome().name())
        .append("\" data-rank=\"").append(Outcomes.rank(f.outcome()))
        .append("\" data-path=\"").append(Html.escape(f.path()))
        .append("\" data-type=\"").append(f.mediaType() == null ? "unknown" : f.mediaType().id())
        .append("\" data-score=\"")
        .append(f.score() != null && Double.isFinite(f.score()) ? f.score().toString() : "")
        .append("\" data-threshold=\"").append(f.threshold())
        .append("\" data-text=\"").append(Html.escape(searchText(f))).append("\">");
    h.append("<td><span class=\"badge o-").append(id).append("\">")
        .append(f.outcome().label()).append("</span></td>");

    int slash = f.path().lastIndexOf('/');
    h.append("<td class=\"path\"><span class=\"file\">");
    if (slash >= 0) {
      // A line may break after each folder, never inside a name (the CSS forbids that).
      h.append("<span class=\"dir\">").append(Html.escape(f.path().substring(0, slash + 1))
          .replace("/", "/<wbr>")).append("</span>");
    }
    h.append("<span class=\"name\">").append(Html.escape(f.path().substring(slash + 1)))
        .append("</span></span><span class=\"sub\">").append(SizeFormat.bytes(f.size()));
    if (f.billableBytes() != null && f.mediaType() != MediaType.IMAGE) {
      h.append(" · plays ").append(playingTime(f.playingSeconds()));
    }
    if (f.cached()) {
      h.append(" · <span class=\"tag\" title=\"Judged from the local cache; no API call in this ")
          .append("run\">cached</span>");
    }
    h.append("</span></td>");

    h.append("<td class=\"type\">").append(mediaType(f)).append("</td>");
    h.append("<td class=\"score\">");
    if (f.score() != null && Double.isFinite(f.score())) {
      h.append("<span class=\"num\">").append(ScoreFormat.score(f.score(), f.threshold()))
          .append("</span>").append(ScoreGraphics.scoreBar(f, warn));
    } else {
      h.append("<span class=\"num none\">–</span>");
    }
    h.append("</td>");
    h.append("<td class=\"threshold\">").append(ScoreFormat.threshold(f.threshold())).append("</td>");
    h.append("<td class=\"chunks\">").append(ScoreGraphics.strip(f, warn)).append("</td>");
    h.append("<td class=\"details\">").append(details(f)).append("</td>");
    h.append("</tr>\n");
  }

  /** How long a sent file plays: {@code 18.5 s}, {@code 2.0 min}, or a dash when unknown. */
  private static String playingTime(Double seconds) {
    if (seconds == null || !Double.isFinite(seconds)) {
      return "—";
    }
    return seconds < 60 ? ScoreFormat.fixed(seconds, 1) + " s"
        : ScoreFormat.fixed(seconds / 60, 1) + " min";
  }

  /**
   * Why the file has its verdict, in words; then, folded away, what engineers look up: the API's
   * label and score field, the detection id, the content hash, the dashboard link.
   */
  private static String details(FileResult f) {
    StringBuilder d = new StringBuilder();
    switch (f.outcome()) {
      case WAIVED -> {
        if (f.waiver() != null) {
          d.append("<div class=\"reason\">Waived: ").append(Html.escape(f.waiver().reason()));
          if (f.waiver().until() != null) {
            d.append(" <span class=\"muted\">· until ").append(f.waiver().until())
                .append("</span>");
          }
          d.append("</div>");
        }
        reason(d, f, f.waiver() == null);
      }
      case NO_SPEECH -> {
        if (f.reason() == null || f.reason().isBlank()) {
          d.append("<div class=\"reason\">No speech found; nothing to judge.</div>");
        }
        reason(d, f, true);
      }
      case ERROR -> d.append("<div class=\"reason\">").append(Html.escape(f.errorReason()))
          .append("</div>");
      default -> reason(d, f, true);
    }
    HtmlFindings.write(d, f.findings());
    if (Html.isWebUrl(f.dashboardUrl())) {
      d.append("<div><a class=\"dashboard\" href=\"").append(Html.escape(f.dashboardUrl().strip()))
          .append("\" target=\"_blank\" rel=\"noopener noreferrer\">Open in Resemble ↗</a>")
          .append("</div>");
    }
    StringBuilder more = new StringBuilder();
    if (f.label() != null && !f.label().isBlank()) {
      more.append("<div>API label <b>").append(Html.escape(f.label())).append("</b></div>");
    }
    if (f.scoreField() != null && f.score() != null) {
      more.append("<div>Score field <code>").append(Html.escape(f.scoreField()))
          .append("</code></div>");
    }
    if (f.detectId() != null && !f.detectId().isBlank()) {
      more.append("<div class=\"ids\">Detection <code>").append(Html.escape(f.detectId()))
          .append("</code></div>");
    }
    if (f.sha256() != null && !f.sha256().isBlank()) {
      more.append("<div>SHA-256 <code class=\"hash\">").append(Html.escape(f.sha256()))
          .append("</code></div>");
    }
    if (f.dashboardUrl() != null && !f.dashboardUrl().isBlank()
        && !Html.isWebUrl(f.dashboardUrl())) {
      more.append("<div>Dashboard <code>").append(Html.escape(f.dashboardUrl()))
          .append("</code></div>");
    }
    if (more.length() > 0) {
      d.append("<details class=\"more\"><summary>Details</summary>").append(more)
          .append("</details>");
    }
    return d.toString();
  }

  private static void reason(StringBuilder d, FileResult f, boolean show) {
    if (show && f.reason() != null && !f.reason().isBlank()) {
      d.append("<div class=\"reason\">").append(Html.escape(f.reason())).append("</div>");
    }
  }

  /**
   * Everything the text filter looks in: the path, the label, the reasons, the ids, and what the
   * API found (so "elevenlabs" finds every voice it likely made).
   */
  private static String searchText(FileResult f) {
    return java.util.stream.Stream.of(f.path(), f.label(), f.reason(), f.detectId(), f.sha256(),
            f.waiver() == null ? null : f.waiver().reason(), f.findings().intelligence(),
            f.findings().sourceTracing(), f.findings().conclusion())
        .filter(v -> v != null && !v.isBlank())
        .collect(java.util.stream.Collectors.joining(" "));
  }

  private static String mediaType(FileResult f) {
    MediaType type = f.mediaType() == null ? MediaType.UNKNOWN : f.mediaType();
    return "<span class=\"media m-" + type.id() + "\">" + type.id() + "</span>";
  }
}
