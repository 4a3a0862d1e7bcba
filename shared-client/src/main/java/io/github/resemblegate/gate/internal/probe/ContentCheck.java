package io.github.resemblegate.gate.internal.probe;

import io.github.resemblegate.gate.scan.ScanFilter;
import io.github.resemblegate.gate.scan.ScannedFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The content check as a filter stage of a run: before a file is first hashed, its first bytes
 * must be the media its name claims, else it is SKIPPED with what it looks like (text, zeros,
 * random bytes) and never hashed, uploaded or billed. Tika is loaded on the first file, so a build
 * without media never pays for it. A file that cannot be read is left to hashing, which says so.
 */
public final class ContentCheck implements ScanFilter {

  private volatile MediaProbe probe;

  @Override
  public String skipReason(Path file, ScannedFile scanned) {
    try {
      return probe().notMedia(file, scanned.path());
    } catch (IOException e) {
      return null;
    }
  }

  private MediaProbe probe() {
    MediaProbe p = probe;
    if (p == null) {
      synchronized (this) {
        p = probe;
        if (p == null) {
          p = new MediaProbe();
          probe = p;
        }
      }
    }
    return p;
  }
}
