package io.github.resemblegate.report;

import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.gate.policy.DecisionRules;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Writes the chosen report formats of one verdict into a directory. */
public final class Reports {

  private Reports() {}

  /**
   * Writes each format to {@code directory/<format file name>} and returns the files written, in
   * the order of {@link ReportFormat} (the HTML report's style sheet and script right after it).
   * Each file is written beside its target and moved into place, so a reader (or a CI server
   * archiving the folder) never sees half a report. A report file an earlier run wrote in a format
   * not chosen now is deleted: the folder never shows an older run's verdict beside this one.
   */
  public static List<Path> write(GateResult result, Set<ReportFormat> formats, Path directory)
      throws IOException {
    List<Path> written = new ArrayList<>();
    Set<ReportFormat> chosen = withAll(formats);
    if (!chosen.isEmpty()) {
      Files.createDirectories(directory);
    }
    for (ReportFormat format : EnumSet.copyOf(chosen)) {
      Path target = directory.resolve(format.fileName());
      writeAtomically(target, out -> writer(format).write(result, out));
      written.add(target);
      for (String asset : format.fileNames().subList(1, format.fileNames().size())) {
        Path file = directory.resolve(asset);
        writeAtomically(file, out -> out.write(HtmlReportWriter.asset(asset)));
        written.add(file);
      }
    }
    deleteOlderReports(directory, written);
    return written;
  }

  /**
   * Replaces the reports an earlier run left in {@code directory} with reports that say this run
   * did not complete and why, for a front end's error path: a setting to fix, a missing token, an
   * unreachable API, an interruption. People read DID NOT COMPLETE and the decision's sentence
   * ({@link DecisionRules#incomplete}), with {@code why} whole beside it; every matched file, when
   * known, is listed as not judged; the JSON report keeps its schema (status FAILED, failure kind
   * ERRORS, {@code run.finishedAt} null: the run never finished) and the SARIF run is unsuccessful.
   * Report files of formats not chosen are deleted, as {@link #write} does.
   *
   * @param formats the formats the run would have written; all of them when the settings could
   *     not be read
   * @param why the sentence the front end stops with (never the token)
   * @param matchedFiles the matched files' paths relative to the base directory, {@code /}
   *     separated; empty (or null) when the run stopped before it knew them
   * @return the files written, as {@link #write} returns them
   */
  public static List<Path> writeIncomplete(Path directory, Set<ReportFormat> formats, String why,
      List<String> matchedFiles) throws IOException {
    return write(Incomplete.result(why, matchedFiles), formats, directory);
  }

  /**
   * {@link #writeIncomplete(Path, Set, String, List)} for a front end on its way out with its own
   * sentence: a report that cannot be written is said to {@code warn} (the build stops with
   * {@code why} all the same), never thrown.
   *
   * @return the files written; empty when none could be
   */
  public static List<Path> writeIncomplete(GateConfig.Reports reports, String why,
      List<String> matchedFiles, Consumer<String> warn) {
    try {
      return writeIncomplete(reports.directory(), reports.formats(), why, matchedFiles);
    } catch (IOException | RuntimeException e) {
      warn.accept("Could not write the reports of the stopped run to " + reports.directory()
          + " (" + e.getMessage() + ").");
      return List.of();
    }
  }

  /** Writes the formats {@code reports} names into its directory; see the other overload. */
  public static List<Path> write(GateResult result, GateConfig.Reports reports)
      throws IOException {
    return write(result, reports.formats(), reports.directory());
  }

  static ReportWriter writer(ReportFormat format) {
    return switch (format) {
      case JSON -> new JsonReportWriter();
      case JUNIT -> new JunitXmlWriter();
      case SARIF -> new SarifWriter();
      case HTML -> new HtmlReportWriter();
      case MD -> new MarkdownSummaryWriter();
      case CODEQUALITY -> new CodeQualityWriter();
    };
  }

  private static Set<ReportFormat> withAll(Set<ReportFormat> formats) {
    return formats == null || formats.isEmpty() ? EnumSet.noneOf(ReportFormat.class) : formats;
  }

  /** Only the fixed report names are touched: the folder may hold the user's own files too. */
  private static void deleteOlderReports(Path directory, List<Path> kept) throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    for (String name : ReportFormat.allFileNames()) {
      Path file = directory.resolve(name);
      if (!kept.contains(file)) {
        Files.deleteIfExists(file);
      }
    }
  }

  private interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private static void writeAtomically(Path target, Body body) throws IOException {
    // Not Files.createTempFile: its owner-only permissions would stay on the moved report, and a
    // CI server or web server reading the folder as another user could not open it. The name
    // needs to be unlikely, not unguessable: CREATE_NEW refuses a file that is already there.
    Path temp = target.resolveSibling("." + target.getFileName() + "."
        + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".tmp");
    try {
      try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temp,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
        body.writeTo(out);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
