package io.github.resemblegate.gate.internal.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file so that a reader (another build sharing the cache, a resumed run) sees either
 * the old content or the new, never a half-written file.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /**
   * Moves {@code temp} over {@code target}: atomically where the file system can, else a plain
   * replace (some network and container file systems cannot rename atomically; a torn file is
   * then still read as corrupt and ignored, never trusted).
   */
  public static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Writes {@code content} to {@code target} through a temporary file beside it. */
  public static void write(Path target, byte[] content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      Files.write(temp, content);
      moveIntoPlace(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
