package io.github.resemblegate.report;

import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.GateResult.Totals;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code resemble-report.html}: the verdict, the counts and a table of every file, the
 * failing ones first, with its style sheet and script in files beside it.
 *
 * <p>Nothing is inline (no {@code <style>}, {@code style=}, {@code <script>} body or event
 * handler): Jenkins serves archived files under {@code sandbox; default-src 'none'; style-src
 * 'self'}, which refuses all of those but allows a style sheet from the same folder. Scripts never
 * run there, so the table is rendered in Java ({@link HtmlFileTable}) and the page is complete
 * without them; where scripts may run, the script sorts and filters the rows by their
 * {@code data-} attributes. The page's own Content-Security-Policy allows only files from its
 * folder and no network access, a second line of defence behind the escaping.
 */
final class HtmlReportWriter implements ReportWriter {

  /** The style sheet and the script, by the file names {@link ReportFormat#HTML} gives them. */
  private static final Map<String, byte[]> ASSETS = Map.of(
      "resemble-report.css", resource("resemble-report.css"),
      "resemble-report.js", resource("resemble-report.js"));

  @Override
  public void write(GateResult result, OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    write(result, w);
    w.flush();
  }

  /** The whole page as one string, for tests. */
  String page(GateResult result) {
    StringWriter page = new StringWriter();
    try {
      write(result, page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return page.toString();
  }

  /**
   * Writes the page to {@code w}, the file table's rows as they are made: a page is about 1 kB
   * per file, so a million-file run's page is never held whole.
   */
  private void write(GateResult result, Writer w) throws IOException {
    List<FileResult> files = Outcomes.inReportOrder(result);
    String status = RunState.of(result).word(result);
    StringBuilder h = new StringBuilder(8192);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("style-src 'self'; script-src 'self'; img-src 'self'; base-uri 'none'; ")
        .append("form-action 'none'\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<title>Resemble Gate: ").append(status).append(" (")
        .append(Outcomes.files(result.totals().files())).append(")</title>\n")
        .append("<link rel=\"stylesheet\" href=\"resemble-report.css\">\n")
        .append("<script src=\"resemble-report.js\" defer></script>\n</head>\n<body>\n");
    header(h, result);
    h.append("<main>\n");
    notices(h, result);
    nextSteps(h, result);
    HtmlFileTable.write(h, result, files, w);
    HtmlRunSection.write(h, result);
    h.append("</main>\n");
    h.append("<footer>Written by Resemble Gate ")
        .append(Html.escape(HtmlFormat.orDash(result.run().toolVersion())))
        .append(". The same results, for machines: <code>resemble-report.json</code> (schema ")
        .append(JsonReportWriter.SCHEMA_VERSION).append(").</footer>\n");
    h.append("</body>\n</html>\n");
    w.append(h);
  }

  private static void header(StringBuilder h, GateResult result) {
    RunState state = RunState.of(result);
    Totals totals = result.totals();
    h.append("<header class=\"verdict ").append(state.cssClass(result)).append("\">\n")
        .append("<div class=\"brand\">Resemble Gate · media authenticity report</div>\n")
        .append("<h1><span class=\"status\">").append(state.word(result))
        .append("</span></h1>\n");
    if (result.decision().sentence() != null && !result.decision().sentence().isBlank()) {
      h.append("<p class=\"message\">").append(Html.escape(result.decision().sentence())).append("</p>\n");
    }
    h.append("<ul class=\"counts\" aria-label=\"Files by verdict\">\n")
        .append("<li class=\"count total\"><button type=\"button\" data-outcome=\"\"><b>")
        .append(totals.files()).append("</b> ").append(totals.files() == 1 ? "file" : "files")
        .append("</button></li>\n");
    for (Outcome outcome : Outcomes.byRank()) {
      int n = totals.count(outcome);
      // A judged run always shows how many files look synthetic and genuine, even none.
      if (n == 0 && (state != RunState.JUDGED
          || outcome != Outcome.FLAGGED && outcome != Outcome.PASSED)) {
        continue;
      }
      h.append("<li class=\"count o-").append(Outcomes.id(outcome))
          .append(n == 0 ? " zero" : "").append("\"><button type=\"button\" data-outcome=\"")
          .append(outcome.name()).append("\"><b>").append(n).append("</b> ")
          .append(outcome.word())
          .append("</button></li>\n");
    }
    h.append("</ul>\n");
    List<String> meta = new java.util.ArrayList<>();
    RunInfo run = result.run();
    if (run.startedAt() != null) {
      meta.add("Run " + HtmlFormat.TIME.format(run.startedAt())
          + (run.finishedAt() != null && !run.finishedAt().isBefore(run.startedAt())
              ? " · took " + HtmlFormat.took(Duration.between(run.startedAt(), run.finishedAt()))
              : ""));
    }
    // A run that did not complete may not have read its policy: its thresholds are unknown.
    if (state != RunState.INCOMPLETE) {
      meta.add("threshold " + HtmlFormat.thresholds(result.policy()));
    }
    if (run.dryRun()) {
      meta.add("<strong>dry run</strong>");
    }
    h.append("<p class=\"meta\">").append(String.join(" · ", meta)).append("</p>\n</header>\n");
  }

  /** What to do next, with the waiver entries to copy, when a file needs a look. */
  private static void nextSteps(StringBuilder h, GateResult result) {
    List<NextSteps.Step> steps = NextSteps.of(result);
    if (steps.isEmpty()) {
      return;
    }
    h.append("<section class=\"next\" aria-label=\"What to do next\"><h2>What to do next</h2>"
        + "<ul>\n");
    for (NextSteps.Step step : steps) {
      h.append("<li>").append(Html.escape(step.text()));
      if (!step.copy().isEmpty()) {
        h.append("<pre><code>").append(Html.escape(String.join("\n", step.copy())))
            .append("</code></pre>");
      }
      h.append("</li>\n");
    }
    h.append("</ul></section>\n");
  }

  private static void notices(StringBuilder h, GateResult result) {
    if (result.notices().isEmpty()) {
      return;
    }
    h.append("<section class=\"notices\" aria-label=\"Notices\"><h2>Notices</h2><ul>\n");
    for (String notice : result.notices()) {
      h.append("<li>").append(Html.escape(notice)).append("</li>\n");
    }
    h.append("</ul></section>\n");
  }

  /** The bytes of the style sheet or script {@code name}, as written beside the page. */
  static byte[] asset(String name) {
    byte[] bytes = ASSETS.get(name);
    if (bytes == null) {
      throw new IllegalArgumentException("No report asset is called " + name + ".");
    }
    return bytes.clone();
  }

  private static byte[] resource(String name) {
    try (InputStream in = HtmlReportWriter.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("The report resource " + name + " is missing from the jar.");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
