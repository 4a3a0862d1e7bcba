package io.github.resemblegate.report;

import io.github.resemblegate.client.Detection.ReverseSearchSource;
import io.github.resemblegate.gate.policy.Findings;

/**
 * A file's findings in the HTML report's "Why" cell: what the API found, the likely voice
 * generator, its own verdict, the pages a reverse image search found (as links, only http and
 * https), and what became of the media. Every API string is escaped.
 */
final class HtmlFindings {

  private HtmlFindings() {}

  static void write(StringBuilder d, Findings f) {
    if (f == null || f.isEmpty()) {
      return;
    }
    d.append("<div class=\"findings\">");
    line(d, "intelligence", FindingWords.intelligence(f));
    line(d, "voice", FindingWords.voiceSource(f));
    line(d, "api-verdict", FindingWords.apiVerdict(f));
    if (!f.imageSources().isEmpty()) {
      int n = f.imageSources().size();
      d.append("<div class=\"finding sources\">Found online on ")
          .append(n == 1 ? "1 page" : n + " pages").append(":<ul>");
      for (ReverseSearchSource s : f.imageSources()) {
        d.append("<li>").append(source(s)).append("</li>");
      }
      d.append("</ul></div>");
    }
    line(d, "retention", FindingWords.media(f));
    d.append("</div>");
  }

  /** The page's name, a link when its address is a web address, then the API's verdict on it. */
  private static String source(ReverseSearchSource s) {
    String name = FindingWords.sourceName(s);
    String text = Html.isWebUrl(s.url())
        ? "<a href=\"" + Html.escape(s.url().strip())
            + "\" target=\"_blank\" rel=\"noopener noreferrer\">" + Html.escape(name) + "</a>"
        : Html.escape(name);
    String about = FindingWords.sourceVerdict(s);
    return about.isEmpty() ? text
        : text + " <span class=\"muted\">(" + Html.escape(about) + ")</span>";
  }

  private static void line(StringBuilder d, String kind, String sentence) {
    if (sentence != null) {
      d.append("<div class=\"finding ").append(kind).append("\">").append(Html.escape(sentence))
          .append("</div>");
    }
  }
}
