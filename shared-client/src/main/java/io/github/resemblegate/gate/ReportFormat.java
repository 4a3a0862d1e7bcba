package io.github.resemblegate.gate;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The report files a run can write; all of them by default. */
public enum ReportFormat {
  /** {@code resemble-report.json}: the versioned machine-readable result. */
  JSON("resemble-report.json"),
  /** {@code resemble-junit.xml}: one testcase per file. */
  JUNIT("resemble-junit.xml"),
  /** {@code resemble.sarif}: SARIF 2.1.0 for code-scanning dashboards. */
  SARIF("resemble.sarif"),
  /**
   * {@code resemble-report.html}: one page for people, with its style sheet and script beside it
   * ({@code resemble-report.css}, {@code resemble-report.js}), as a Content-Security-Policy that
   * forbids inline style and script (Jenkins') requires.
   */
  HTML("resemble-report.html", "resemble-report.css", "resemble-report.js"),
  /** {@code resemble-summary.md}: a short table for a pull-request comment or job summary. */
  MD("resemble-summary.md"),
  /** {@code gl-code-quality-report.json}: GitLab Code Quality, for the merge request widget. */
  CODEQUALITY("gl-code-quality-report.json");

  private final List<String> fileNames;

  ReportFormat(String... fileNames) {
    this.fileNames = List.of(fileNames);
  }

  /** The report's main file, e.g. {@code resemble-report.html}. */
  public String fileName() {
    return fileNames.get(0);
  }

  /** Every file this format writes, its main file first: fixed names, nothing else. */
  public List<String> fileNames() {
    return fileNames;
  }

  /**
   * The name of every file any run may write into the reports directory, whatever its formats: a
   * server that archives reports accepts these names and nothing else.
   */
  public static Set<String> allFileNames() {
    Set<String> names = new LinkedHashSet<>();
    for (ReportFormat format : values()) {
      names.addAll(format.fileNames);
    }
    return java.util.Collections.unmodifiableSet(names);
  }

  /**
   * Parses a comma-separated list such as {@code json,junit,html}; {@code all} or blank means all.
   *
   * @throws IllegalArgumentException naming the unknown format and the known ones
   */
  public static Set<ReportFormat> parse(String csv) {
    if (csv == null || csv.isBlank() || csv.strip().equalsIgnoreCase("all")) {
      return EnumSet.allOf(ReportFormat.class);
    }
    EnumSet<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
    for (String part : csv.split(",")) {
      String name = part.strip().toUpperCase(Locale.ROOT);
      if (name.isEmpty() || name.equals("NONE")) {
        continue;
      }
      if (name.equals("MARKDOWN")) {
        name = "MD";
      }
      if (name.equals("GITLAB") || name.equals("CODE-QUALITY") || name.equals("CODE_QUALITY")) {
        name = "CODEQUALITY";
      }
      try {
        formats.add(ReportFormat.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Unknown report format '" + part.strip()
            + "'; use any of json, junit, sarif, html, md, codequality (or all).");
      }
    }
    return formats;
  }
}
