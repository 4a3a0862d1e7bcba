package io.github.resemblegate.gate.internal.store;

import io.github.resemblegate.gate.GateException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The run's own folders, checked once before any store below them is used. */
public final class Folders {

  private Folders() {}

  /**
   * Stops the run with one sentence when {@code folder} (null: none) exists as a file: every
   * store below it would fail on its own, each with a sentence naming a path below the file.
   * {@code setting} names it as the user sets it: {@code cache} or {@code reports}.
   */
  public static void require(Path folder, String setting) {
    if (folder != null && Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new GateException("The " + setting + " directory " + folder + " is a file, not a"
          + " folder; choose another " + setting + " directory or delete the file.");
    }
  }
}
