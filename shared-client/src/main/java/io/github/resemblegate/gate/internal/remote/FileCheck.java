package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * Tells whether a file still holds the content that was hashed, so a result is never filed under
 * a hash its upload did not have. Size and modification time decide; when only they differ (a
 * build touched the file), the file is hashed again and counts as unchanged if its bytes are.
 */
final class FileCheck {

  private FileCheck() {}

  /** Null while {@code file} holds what {@code u} was hashed from, else why not (a clause). */
  static String changed(Path file, Content u) {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return "it was deleted";
    } catch (IOException e) {
      return "it can no longer be read (" + e.getMessage() + ")";
    }
    if (attrs.size() != u.size()) {
      return "its size changed from " + u.size() + " to " + attrs.size() + " bytes";
    }
    if (attrs.lastModifiedTime().to(TimeUnit.MICROSECONDS) == u.modifiedMicros()) {
      return null;
    }
    try {
      return Sha256.ofFile(file, new byte[64 * 1024]).equals(u.sha256()) ? null
          : "its content changed";
    } catch (IOException e) {
      return "it can no longer be read (" + e.getMessage() + ")";
    }
  }

  /** The reason a file that changed after hashing gets, with ERROR: one sentence for the user. */
  static String beforeUpload(String why) {
    return "changed while the gate was running (" + why + " after it was hashed), so it was not"
        + " submitted; re-run to check its new content";
  }

  /** As {@link #beforeUpload}, for a change noticed once the API had accepted the upload. */
  static String duringUpload(String why) {
    return "changed while it was being uploaded (" + why + "), so the result cannot be trusted"
        + " for either version and is not kept; re-run to check its new content";
  }
}
