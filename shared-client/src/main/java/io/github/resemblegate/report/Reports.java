package io.github.resemblegate.report;

import io.github.resemblegate.gate.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Writes the chosen report formats of one verdict into a directory. */
public final class Reports {

  private Reports() {}

  /** Writes each format to {@code directory/<format file name>} and returns the files written. */
  public static List<Path> write(Verdict verdict, Set<ReportFormat> formats, Path directory)
      throws IOException {
    throw new UnsupportedOperationException("implemented with the reports");
  }
}
