package io.github.resemblegate.gate;

import java.util.List;

/**
 * A problem the user must fix before the gate can run (a setting, an unreadable waiver file, a
 * missing token, a locked reports directory). The message is one sentence saying what happened
 * and what to change; it never holds the token. A run that stops after its scan says which files
 * it matched ({@link #matchedFiles}), so the front end's report of the stopped run lists them.
 */
public class GateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Not serialized: only the front end in the same process reads it. */
  private transient List<String> matchedFiles;

  public GateException(String message) {
    super(message);
  }

  public GateException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The matched files' paths relative to the base directory, {@code /} separated, in scan order,
   * when the run stopped after its scan; empty when it stopped before it knew them.
   */
  public List<String> matchedFiles() {
    return matchedFiles == null ? List.of() : matchedFiles;
  }

  /**
   * Records the files the stopped run matched (the core does, once its scan is known) and
   * returns this exception; the first list recorded stays, so a run nested in another keeps its
   * own.
   */
  public GateException withMatchedFiles(List<String> paths) {
    if (matchedFiles == null && paths != null) {
      matchedFiles = List.copyOf(paths);
    }
    return this;
  }
}
