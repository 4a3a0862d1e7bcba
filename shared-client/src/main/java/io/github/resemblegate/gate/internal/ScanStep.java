package io.github.resemblegate.gate.internal;

import io.github.resemblegate.client.MediaExtensions;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.internal.hash.Hasher;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.scan.MediaScanner;
import io.github.resemblegate.gate.scan.ScanFilter;
import io.github.resemblegate.gate.scan.ScannedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The first stages of a run: the scan, then each filter in order, before any file is read; and,
 * when nothing is left to check, the sentence that says why.
 */
final class ScanStep {

  private ScanStep() {}

  /**
   * The files the run covers, sorted by path; tells the listener how many and how large. The
   * scan's first candidate lets the filters and the client start loading what they need.
   */
  static List<ScannedFile> run(GateConfig config, List<ScanFilter> filters,
      GateListener listener) {
    List<Path> gateFolders = new ArrayList<>(List.of(config.reports().directory()));
    if (config.cache().enabled()) {
      gateFolders.add(config.cache().directory());
    }
    MediaScanner.Result scan = MediaScanner.of(config.scan(), gateFolders, listener::warn)
        .scan(() -> {
          filters.forEach(ScanFilter::candidateFound);
          EarlySending.warmUp(config);
        });
    List<ScannedFile> files = scan.files();
    for (ScanFilter filter : filters) {
      files = filter.select(files);
    }
    listener.scanned(files.size(), files.stream().mapToLong(ScannedFile::size).sum());
    if (scan.ignoredNonMedia() > 0) {
      listener.debug("Ignored " + scan.ignoredNonMedia() + " matched files without a media"
          + " extension (supported: " + MediaExtensions.describe() + ").");
    }
    return files;
  }

  /**
   * When {@code stopped} is a {@link GateException} of a run past its scan, records the matched
   * files on it, for the front end's report of the stopped run; see {@link #paths}.
   */
  static void listMatched(Throwable stopped, List<ScannedFile> scan, Ledger ledger) {
    if (stopped instanceof GateException e) {
      e.withMatchedFiles(paths(scan, ledger));
    }
  }

  /**
   * The matched files' paths, for the report of a run that stopped: the ledger holds those
   * hashed so far (each released from the scan as it was hashed, see {@link Hasher#hash}), the
   * scan the rest, in the same order.
   */
  static List<String> paths(List<ScannedFile> scan, Ledger ledger) {
    List<String> paths = new ArrayList<>();
    ledger.lines().forEach(l -> paths.add(l.path()));
    if (scan != null) {
      scan.stream().filter(Objects::nonNull).forEach(f -> paths.add(f.path()));
    }
    return paths;
  }

  /**
   * Why a run whose ledger holds {@code files} and no content has nothing to check; a shard's
   * ({@code sharding} not null) whose files all went to other shards points to their reports.
   */
  static String nothingToCheck(GateConfig.Scan scan, List<Ledger.Line> files,
      RunInfo.Sharding sharding) {
    if (files.isEmpty() && sharding != null && sharding.matchedFiles() > 0) {
      return "None of the " + sharding.matchedFiles() + " matched files could be checked;"
          + " the other shards' reports say why each was skipped.";
    }
    if (files.isEmpty()) {
      return "No media files matched in " + scan.baseDirectory() + " with includes "
          + scan.includes() + " and excludes " + scan.excludes() + "; check the base"
          + " directory and the patterns (media extensions: " + MediaExtensions.describe() + ").";
    }
    Ledger.Line first = files.get(0);
    return "None of the " + files.size() + " matched files in " + scan.baseDirectory()
        + " could be checked (for example " + first.path() + ": " + first.skipReason()
        + "); check the include patterns and the files.";
  }
}
