package io.github.resemblegate.gate.internal.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Keeps the cache's folder of unpacked entries from growing without end, as build caches do: it
 * holds media, and every changed archive adds its entries again. An archive's list unused for
 * {@link #UNUSED_LIST} is forgotten (its zip was deleted, moved, or belongs to a workspace gone
 * cold); then an entry folder no list names is deleted, and so is a temporary part a killed run
 * left. Only what is older than {@link #GRACE}: builds share the folder, and one may have moved
 * an entry into place without having written its list yet.
 */
final class UnpackedCleanup {

  static final Duration UNUSED_LIST = Duration.ofDays(30);
  static final Duration GRACE = Duration.ofDays(1);

  private UnpackedCleanup() {}

  /** Cleans {@code folder} as of {@code now}; returns how many entries and parts it deleted. */
  static int clean(Path folder, String lists, Instant now, Consumer<String> warn) {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try {
      Set<String> named = new HashSet<>();
      Path listFolder = folder.resolve(lists);
      if (Files.isDirectory(listFolder)) {
        for (Path list : children(listFolder)) {
          if (olderThan(list, now.minus(UNUSED_LIST))) {
            Files.deleteIfExists(list);
          } else {
            named.addAll(ArchiveList.entries(Files.readAllLines(list, StandardCharsets.UTF_8))
                .values());
          }
        }
      }
      int deleted = 0;
      for (Path p : children(folder)) {
        String name = p.getFileName().toString();
        boolean unnamedEntry = Files.isDirectory(p) && !name.equals(lists)
            && !named.contains(name);
        boolean leftPart = name.endsWith(".part") && Files.isRegularFile(p);
        if ((unnamedEntry || leftPart) && olderThan(p, now.minus(GRACE))) {
          delete(p);
          deleted++;
        }
      }
      return deleted;
    } catch (IOException | UncheckedIOException e) {
      warn.accept("Could not clean the unpacked archive entries in " + folder + ": " + e);
      return 0;
    }
  }

  private static List<Path> children(Path folder) throws IOException {
    try (Stream<Path> all = Files.list(folder)) {
      return all.toList();
    }
  }

  private static boolean olderThan(Path p, Instant limit) throws IOException {
    return Files.getLastModifiedTime(p).toInstant().isBefore(limit);
  }

  /** Deletes {@code p} and everything below it. */
  static void delete(Path p) throws IOException {
    try (Stream<Path> all = Files.walk(p)) {
      for (Path each : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(each);
      }
    }
  }
}
