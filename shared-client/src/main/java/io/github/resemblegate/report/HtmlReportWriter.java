package io.github.resemblegate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.RunInfo;
import io.github.resemblegate.gate.Totals;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.gate.policy.ScoreFormat;
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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code resemble-report.html}: one self-contained page (inline CSS, JS and SVG, nothing
 * fetched) with the verdict, the counts and a table of every file, the failing ones first.
 *
 * <p>The table is rendered here, so the page is complete without JavaScript (some CI servers
 * serve archived HTML with scripts disabled); the script only sorts and filters the rows, reading
 * its data from a JSON block. A Content-Security-Policy allows only that exact script (by hash)
 * and no network access, as a second line of defence behind the escaping.
 */
final class HtmlReportWriter implements ReportWriter {

  private static final String CSS = resource("resemble-report.css");
  private static final String JS = resource("resemble-report.js");
  private static final String JS_HASH = sha256Base64(JS);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

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
    files(h, result, files);
    runDetails(h, result);
    h.append("</main>\n");
    h.append("<footer>Written by Resemble Gate ")
        .append(Html.escape(orDash(result.run().toolVersion())))
        .append(". The same results, for machines: <code>resemble-report.json</code> (schema ")
        .append(JsonReportWriter.SCHEMA_VERSION).append(").</footer>\n");
    h.append("<script type=\"application/json\" id=\"resemble-data\">")
        .append(Html.scriptJson(data(result, files))).append("</script>\n");
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
          .append(Outcomes.count(outcome, n).substring(Integer.toString(n).length() + 1))
          .append("</button></li>\n");
    }
    h.append("</ul>\n");
    h.append("<p class=\"meta\">");
    RunInfo run = result.run();
    if (run.startedAt() != null) {
      h.append("Run ").append(TIME.format(run.startedAt()));
      if (run.finishedAt() != null && !run.finishedAt().isBefore(run.startedAt())) {
        h.append(" · took ").append(took(Duration.between(run.startedAt(), run.finishedAt())));
      }
      h.append(" · ");
    }
    h.append("threshold ").append(thresholds(result.policy()));
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

  private static void files(StringBuilder h, GateResult result, List<FileResult> files) {
    Double warn = result.policy().warnThreshold();
    h.append("<section class=\"files\" aria-label=\"Files\">\n<div class=\"toolbar\">\n")
        .append("<label class=\"search\"><span>Filter</span><input type=\"search\" id=\"filter\" ")
        .append("placeholder=\"Path, label, reason or id\" autocomplete=\"off\"></label>\n")
        .append("<label><span>Outcome</span><select id=\"outcome-filter\">")
        .append("<option value=\"\">All outcomes</option>")
        .append("<option value=\"ATTENTION\">Needs attention</option>");
    for (Outcome outcome : Outcomes.byRank()) {
      h.append("<option value=\"").append(outcome.name()).append("\">")
          .append(Outcomes.label(outcome)).append(" (")
          .append(result.totals().count(outcome)).append(")</option>");
    }
    h.append("</select></label>\n<span class=\"shown\" id=\"shown\" aria-live=\"polite\">")
        .append(Outcomes.files(files.size())).append("</span>\n</div>\n");
    h.append("<div class=\"table-wrap\"><table id=\"files\">\n<thead><tr>")
        .append(sortable("outcome", "Outcome", "ascending"))
        .append(sortable("path", "File", null))
        .append(sortable("type", "Type", null))
        .append(sortable("score", "Score", null))
        .append(sortable("threshold", "Threshold", null))
        .append("<th scope=\"col\">Scores over time</th>")
        .append("<th scope=\"col\">Details</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < files.size(); i++) {
      row(h, files.get(i), i, warn);
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

  private static void row(StringBuilder h, FileResult f, int index, Double warn) {
    String id = Outcomes.id(f.outcome());
    h.append("<tr data-i=\"").append(index).append("\" class=\"o-").append(id).append("\">");
    h.append("<td><span class=\"badge o-").append(id).append("\">")
        .append(Outcomes.label(f.outcome())).append("</span></td>");

    int slash = f.path().lastIndexOf('/');
    h.append("<td class=\"path\"><span class=\"file\">");
    if (slash >= 0) {
      h.append("<span class=\"dir\">").append(Html.escape(f.path().substring(0, slash + 1)))
          .append("</span>");
    }
    h.append("<span class=\"name\">").append(Html.escape(f.path().substring(slash + 1)))
        .append("</span></span><span class=\"sub\">").append(Sizes.bytes(f.size()));
    if (f.sha256() != null && !f.sha256().isBlank()) {
      h.append(" · <span class=\"hash\" title=\"SHA-256 ").append(Html.escape(f.sha256()))
          .append("\">").append(Html.escape(abbreviate(f.sha256()))).append("</span>");
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

  private static String details(FileResult f) {
    StringBuilder d = new StringBuilder();
    switch (f.outcome()) {
      case WAIVED -> {
        if (f.waiver() != null) {
          d.append("<div class=\"reason\">Waived: ").append(Html.escape(f.waiver().reason()));
          if (f.waiver().until() != null) {
            d.append(" <span class=\"muted\">(until ").append(f.waiver().until())
                .append(")</span>");
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
      default -> reason(d, f, true);
    }
    if (f.label() != null && !f.label().isBlank()) {
      d.append("<div>Label <b>").append(Html.escape(f.label())).append("</b>");
      if (f.scoreField() != null) {
        d.append(" <span class=\"muted\">· ").append(Html.escape(f.scoreField()))
            .append("</span>");
      }
      d.append("</div>");
    } else if (f.scoreField() != null && f.score() != null) {
      d.append("<div class=\"muted\">").append(Html.escape(f.scoreField())).append("</div>");
    }
    if (f.detectId() != null && !f.detectId().isBlank()) {
      d.append("<div class=\"ids muted\">detect <code>").append(Html.escape(f.detectId()))
          .append("</code></div>");
    }
    if (Html.isWebUrl(f.dashboardUrl())) {
      d.append("<div><a class=\"dashboard\" href=\"").append(Html.escape(f.dashboardUrl().strip()))
          .append("\" target=\"_blank\" rel=\"noopener noreferrer\">Open in Resemble ↗</a></div>");
    } else if (f.dashboardUrl() != null && !f.dashboardUrl().isBlank()) {
      d.append("<div class=\"muted\">dashboard: <code>").append(Html.escape(f.dashboardUrl()))
          .append("</code></div>");
    }
    return d.toString();
  }

  private static void reason(StringBuilder d, FileResult f, boolean show) {
    if (show && f.reason() != null && !f.reason().isBlank()) {
      d.append("<div class=\"reason\">").append(Html.escape(f.reason())).append("</div>");
    }
  }

  private static String mediaType(FileResult f) {
    MediaType type = f.mediaType() == null ? MediaType.UNKNOWN : f.mediaType();
    return "<span class=\"media m-" + type.id() + "\">" + type.id() + "</span>";
  }

  private static void runDetails(StringBuilder h, GateResult result) {
    RunInfo run = result.run();
    Totals t = result.totals();
    Policy p = result.policy();
    h.append("<section class=\"run\" aria-label=\"Run\"><h2>Run</h2><dl>\n");
    dt(h, "Started", run.startedAt() == null ? "–" : TIME.format(run.startedAt()));
    dt(h, "Finished", run.finishedAt() == null ? "–" : TIME.format(run.finishedAt()));
    dt(h, "Tool version", orDash(run.toolVersion()));
    dt(h, "API", orDash(Redaction.url(run.apiUrl())));
    dt(h, "Base directory", orDash(run.baseDirectory()));
    dt(h, "Thresholds", "flagged at or above " + thresholds(p)
        + (p.warnThreshold() == null ? ""
            : "; warned from " + ScoreFormat.threshold(p.warnThreshold())));
    dt(h, "Policy", "flagged → " + p.onFlagged() + ", errors → " + p.onError()
        + ", no speech → " + p.onNoSpeech() + ", nothing matched → " + p.onEmpty()
        + ", video scored by " + p.videoScoring());
    dt(h, "Files", t.files() + " matched, " + t.uniqueContents() + " distinct contents, "
        + t.fromCache() + " from cache, " + t.uploaded() + " uploaded ("
        + Sizes.bytes(t.bytesUploaded()) + ") in " + t.batches()
        + (t.batches() == 1 ? " batch" : " batches"));
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
            .append("</th><td><code>").append(Html.escape(orDash(option.getValue())))
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

  /** The data the script sorts and filters by; row {@code i} is {@code files[i]}. */
  private static String data(GateResult result, List<FileResult> files) {
    java.io.StringWriter text = new java.io.StringWriter();
    try (JsonGenerator json = JsonOut.compact(text)) {
      json.writeStartObject();
      json.writeArrayFieldStart("files");
      for (FileResult f : files) {
        json.writeStartObject();
        json.writeStringField("path", f.path());
        json.writeStringField("outcome", f.outcome().name());
        json.writeNumberField("rank", Outcomes.rank(f.outcome()));
        json.writeStringField("type", f.mediaType() == null ? "unknown" : f.mediaType().id());
        if (f.score() != null && Double.isFinite(f.score())) {
          json.writeNumberField("score", f.score());
        } else {
          json.writeNullField("score");
        }
        json.writeNumberField("threshold", f.threshold());
        json.writeStringField("text", String.join(" ", nonNull(f.path(), f.label(), f.reason(),
            f.detectId(), f.sha256(), f.waiver() == null ? null : f.waiver().reason())));
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeStringField("status", result.decision().verdict().name());
      // What "Needs attention" selects: what the summaries list, no-speech files when they count.
      json.writeArrayFieldStart("attention");
      json.writeString("FLAGGED");
      json.writeString("ERROR");
      json.writeString("WARNED");
      if (Outcomes.noSpeechMatters(result.policy())) {
        json.writeString("NO_SPEECH");
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static List<String> nonNull(String... values) {
    return java.util.Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList();
  }

  private static String thresholds(Policy policy) {
    StringBuilder s = new StringBuilder(ScoreFormat.threshold(policy.threshold()));
    for (Map.Entry<MediaType, Double> e : policy.thresholds().entrySet()) {
      s.append(", ").append(e.getKey().id()).append(' ').append(ScoreFormat.threshold(e.getValue()));
    }
    return s.toString();
  }

  private static String took(Duration d) {
    long s = d.toSeconds();
    if (s < 60) {
      return s + " s";
    }
    return s < 3600 ? (s / 60) + " min " + (s % 60) + " s"
        : (s / 3600) + " h " + ((s / 60) % 60) + " min";
  }

  private static String abbreviate(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
  }

  private static String orDash(String s) {
    return s == null || s.isBlank() ? "–" : s;
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
