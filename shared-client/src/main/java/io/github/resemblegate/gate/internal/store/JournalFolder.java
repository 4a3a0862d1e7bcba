package io.github.resemblegate.gate.internal.store;

import io.github.resemblegate.gate.scan.ScannedFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Where journals live: beside the result cache, one folder per result key,
 * {@code <cache>/journal/<key id>/}, so that {@code mvn clean}, a fresh checkout or a retried CI
 * job finds an earlier run's submissions wherever it runs, as it finds cached results. Each run
 * writes its own {@code <run id>.jsonl} and holds {@code <run id>.lock} while it lives; the
 * operating system drops the lock when the run's process ends, so a journal whose lock can be taken
 * was left by a run that stopped. A new run takes over the submissions of such journals that hold
 * one of its own files (the caller says which parts are its own): it copies them into its journal
 * (forced to disk) and only then removes them from the old one. A crash in between leaves the same submission in two journals, which readers
 * merge by its id. The folder of a run without a cache is inside its reports directory.
 *
 * <p>Earlier versions kept one journal per reports directory, {@code resemble-journal.jsonl}; a run
 * over that directory takes over what it holds for the run's result key the same way.
 */
public record JournalFolder(Path directory, Path reportsDirectory, String key) {

  static final String SUFFIX = ".jsonl";
  static final String LOCK_SUFFIX = ".lock";

  /** The folder for result key {@code key}: under the cache, or without one, the reports. */
  public static JournalFolder of(Path cacheDirectory, Path reportsDirectory, ResultKey key) {
    Path root = cacheDirectory != null ? cacheDirectory : reportsDirectory;
    return new JournalFolder(root.resolve("journal").resolve(key.id()), reportsDirectory,
        key.canonical());
  }

  /**
   * Which parts of earlier submissions are this run's files, known before anything is hashed: a
   * part is when its path and size agree with a candidate of {@code sortedScan} (sorted by path);
   * a content that changed since is planned again all the same.
   */
  public static Predicate<Submission.Part> partsOf(List<ScannedFile> sortedScan) {
    // Two arrays, not the scan list: the predicate lives as long as the run, and a million
    // ScannedFile records need not (the paths are the ledger's own strings).
    int n = (int) sortedScan.stream().filter(ScannedFile::isCandidate).count();
    String[] paths = new String[n];
    long[] sizes = new long[n];
    int i = 0;
    for (ScannedFile f : sortedScan) {
      if (f.isCandidate()) {
        paths[i] = f.path();
        sizes[i++] = f.size();
      }
    }
    return p -> {
      int at = Arrays.binarySearch(paths, p.path());
      return at >= 0 && sizes[at] == p.size();
    };
  }

  /** The journal earlier versions kept in the reports directory. */
  public Path legacyFile() {
    return Journal.fileIn(reportsDirectory);
  }

  /** Whether any run left a journal here, or an earlier version one in the reports directory. */
  public boolean exists() {
    return Files.exists(legacyFile()) || !journals().isEmpty();
  }

  /**
   * The submissions of this key that hold one of the run's files ({@code ours}), from every
   * journal, without locking or changing any: for dry runs and offline runs, which change nothing.
   */
  public List<Submission> peek(Predicate<Submission.Part> ours, Consumer<String> warn) {
    Map<String, Submission> found = new LinkedHashMap<>();
    Predicate<Submission> wanted = concerning(ours);
    for (Path file : sources()) {
      JournalLines.read(file, warn).values().stream().filter(wanted)
          .forEach(i -> found.putIfAbsent(i.id(), i));
    }
    return List.copyOf(found.values());
  }

  /**
   * Moves into {@code journal} the submissions of this key that stopped runs left and that hold
   * one of the run's files ({@code ours}); from the reports directory's old journal, every
   * submission of this key. The caller holds the reports directory's lock.
   */
  void takeOver(Journal journal, Predicate<Submission.Part> ours, Consumer<String> warn)
      throws IOException {
    takeOver(journal, ours, warn, journals());
  }

  /**
   * As {@link #takeOver(Journal, Predicate, Consumer)}, from the journals of {@code listed}: a
   * listing that may be out of date by now, as another run may have taken over any of them since.
   * Each is claimed by its lock and read only then, so such a journal yields nothing twice.
   */
  void takeOver(Journal journal, Predicate<Submission.Part> ours, Consumer<String> warn,
      List<Path> listed) throws IOException {
    Predicate<Submission> mine = i -> i.key().equals(key) && i.abandoned() == null;
    moveFrom(legacyFile(), mine, journal, warn);
    Predicate<Submission> concerning = concerning(ours);
    for (Path file : listed) {
      if (file.equals(journal.file())) {
        continue;
      }
      Path lockFile = lockOf(file);
      try (FileLocks.Held held = FileLocks.tryAcquire(lockFile)) {
        if (held == null) {
          continue; // its run is still going: it finishes its own submissions
        }
        moveFrom(file, concerning, journal, warn);
        if (!Files.exists(file)) {
          // Only now: who takes the lock after this finds no journal beside it.
          Files.deleteIfExists(lockFile);
        }
      }
    }
  }

  /** See {@link Journal#waitingFor}. */
  static Submission waitingFor(Path file, String sha256, String key, long notBeforeMillis) {
    List<Path> files = new ArrayList<>();
    files.add(file);
    Path folder = file.toAbsolutePath().getParent();
    if (file.getFileName().toString().endsWith(JournalFolder.SUFFIX) && folder != null) {
      try (DirectoryStream<Path> in = Files.newDirectoryStream(folder,
          "*" + JournalFolder.SUFFIX)) {
        in.forEach(f -> {
          if (!f.getFileName().equals(file.getFileName())) {
            files.add(f);
          }
        });
      } catch (IOException e) {
        // the noted journal alone is read
      }
    }
    for (Path f : files) {
      for (Submission i : JournalLines.read(f, m -> { }).values()) {
        if (i.abandoned() == null && i.key().equals(key)
            && i.at().toEpochMilli() >= notBeforeMillis
            && i.parts().stream().anyMatch(p -> p.sha256().equals(sha256))) {
          return i;
        }
      }
    }
    return null;
  }

  /** Every run's journal in the folder. */
  List<Path> journals() {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> in = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
      in.forEach(files::add);
    } catch (NoSuchFileException e) {
      return files;
    } catch (IOException e) {
      // An unreadable folder resumes nothing; opening the journal reports it.
      return files;
    }
    files.sort(null);
    return files;
  }

  static Path lockOf(Path journalFile) {
    String name = journalFile.getFileName().toString();
    return journalFile.resolveSibling(name.substring(0, name.length() - SUFFIX.length())
        + LOCK_SUFFIX);
  }

  private List<Path> sources() {
    List<Path> files = new ArrayList<>();
    files.add(legacyFile());
    files.addAll(journals());
    return files;
  }

  private Predicate<Submission> concerning(Predicate<Submission.Part> ours) {
    return i -> i.key().equals(key) && i.abandoned() == null && i.parts().stream().anyMatch(ours);
  }

  /**
   * Copies what {@code take} selects from {@code file} into {@code journal}, then rewrites
   * {@code file} without it and without abandoned submissions (deleting it when nothing is left).
   */
  private static void moveFrom(Path file, Predicate<Submission> take, Journal journal,
      Consumer<String> warn) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    Map<String, Submission> all = JournalLines.read(file, warn);
    List<Submission> taken = all.values().stream().filter(take).toList();
    List<Submission> left = all.values().stream()
        .filter(i -> !take.test(i) && i.abandoned() == null).toList();
    if (taken.isEmpty() && left.size() == all.size()) {
      return;
    }
    journal.adopt(taken);
    JournalLines.rewrite(file, left);
  }
}
