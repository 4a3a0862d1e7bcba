package io.github.resemblegate.report;

import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.ReportFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JSON reports a front end is given to merge or judge again: a file as named, a folder searched
 * below for {@code resemble-report.json}, as CI systems leave shards' reports (one folder per
 * downloaded artifact or unstashed branch).
 */
public final class ReportFiles {

  private ReportFiles() {}

  /**
   * The report files among {@code given}, in the order given and a folder's in path order. The
   * report in {@code ownDirectory}, where the caller writes, is left out of a folder's search, so
   * merging into a folder below the shards' does not read its own last result.
   *
   * @throws GateException when a folder holds no report
   */
  public static List<Path> find(List<Path> given, Path ownDirectory) throws IOException {
    String name = ReportFormat.JSON.fileName();
    Path own = ownDirectory.resolve(name).toAbsolutePath().normalize();
    List<Path> files = new ArrayList<>();
    for (Path p : given) {
      Path path = p.toAbsolutePath().normalize();
      if (!Files.isDirectory(path)) {
        files.add(path);
        continue;
      }
      List<Path> found;
      try (Stream<Path> walk = Files.walk(path)) {
        found = walk.filter(f -> f.getFileName().toString().equals(name))
            .map(f -> f.toAbsolutePath().normalize()).filter(f -> !f.equals(own)).sorted()
            .toList();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      if (found.isEmpty()) {
        throw new GateException("There is no " + name + " under " + path + "; give the shards'"
            + " reports or the folders that hold them.");
      }
      files.addAll(found);
    }
    return files;
  }
}
