package io.github.resemblegate.report;

import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.GateResult.Totals;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Writes {@code resemble-report.html}: one self-contained page (inline CSS, JS and SVG, nothing
 * fetched) with the verdict, the counts and a table of every file, the failing ones first.
 *
 * <p>The table is rendered in Java ({@link HtmlFileTable}), so the page is complete without
 * JavaScript (some CI servers serve archived HTML with scripts disabled); the script only sorts
 * and filters the rows, reading its data from a JSON block ({@link HtmlScriptData}). A
 * Content-Security-Policy allows only that exact script (by hash) and no network access, as a
 * second line of defence behind the escaping.
 */
final class HtmlReportWriter implements ReportWriter {

  private static final String CSS = resource("resemble-report.css");
  private static final String JS = resource("resemble-report.js");
  private static final String JS_HASH = sha256Base64(JS);

  @Override
  public void write(GateResult result, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write(page(result));
    w.flush();
  }

  String page(GateResult result) {
    List<FileResult> files = Outcomes.inReportOrder(result);
    String status = result.decision().verdict().name();
    StringBuilder h = new StringBuilder(4096 + files.size() * 1200);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("style-src 'unsafe-inline'; script-src 'sha256-").append(JS_HASH)
        .append("'; img-src data:; base-uri 'none'; form-action 'none'\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<title>Resemble Gate: ").append(status).append(" (")
        .append(Outcomes.files(result.totals().files())).append(")</title>\n")
        .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    header(h, result);
    h.append("<main>\n");
    notices(h, result);
    HtmlFileTable.write(h, result, files);
    HtmlRunSection.write(h, result);
    h.append("</main>\n");
    h.append("<footer>Written by Resemble Gate ")
        .append(Html.escape(HtmlFormat.orDash(result.run().toolVersion())))
        .append(". The same results, for machines: <code>resemble-report.json</code> (schema ")
        .append(JsonReportWriter.SCHEMA_VERSION).append(").</footer>\n");
    h.append("<script type=\"application/json\" id=\"resemble-data\">")
        .append(Html.scriptJson(HtmlScriptData.json(result, files))).append("</script>\n");
    h.append("<script>").append(JS).append("</script>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void header(StringBuilder h, GateResult result) {
    String status = result.decision().verdict().name().toLowerCase(java.util.Locale.ROOT);
    Totals totals = result.totals();
    h.append("<header class=\"verdict v-").append(status).append("\">\n")
        .append("<div class=\"brand\">Resemble Gate · media authenticity report</div>\n")
        .append("<h1><span class=\"status\">").append(result.decision().verdict().name())
        .append("</span></h1>\n");
    if (result.decision().sentence() != null && !result.decision().sentence().isBlank()) {
      h.append("<p class=\"message\">").append(Html.escape(result.decision().sentence())).append("</p>\n");
    }
    h.append("<ul class=\"counts\" aria-label=\"Files by outcome\">\n")
        .append("<li class=\"count total\"><button type=\"button\" data-outcome=\"\"><b>")
        .append(totals.files()).append("</b> ").append(totals.files() == 1 ? "file" : "files")
        .append("</button></li>\n");
    for (Outcome outcome : Outcomes.byRank()) {
      int n = totals.count(outcome);
      if (n == 0 && outcome != Outcome.FLAGGED && outcome != Outcome.PASSED) {
        continue;
      }
      h.append("<li class=\"count o-").append(Outcomes.id(outcome))
          .append(n == 0 ? " zero" : "").append("\"><button type=\"button\" data-outcome=\"")
          .append(outcome.name()).append("\"><b>").append(n).append("</b> ")
          .append(outcome.word(n))
          .append("</button></li>\n");
    }
    h.append("</ul>\n");
    h.append("<p class=\"meta\">");
    RunInfo run = result.run();
    if (run.startedAt() != null) {
      h.append("Run ").append(HtmlFormat.TIME.format(run.startedAt()));
      if (run.finishedAt() != null && !run.finishedAt().isBefore(run.startedAt())) {
        h.append(" · took ")
            .append(HtmlFormat.took(Duration.between(run.startedAt(), run.finishedAt())));
      }
      h.append(" · ");
    }
    h.append("threshold ").append(HtmlFormat.thresholds(result.policy()));
    if (run.dryRun()) {
      h.append(" · <strong>dry run</strong>");
    }
    h.append("</p>\n</header>\n");
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

  private static String resource(String name) {
    try (InputStream in = HtmlReportWriter.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("The report resource " + name + " is missing from the jar.");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256Base64(String text) {
    try {
      return Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
