package io.github.resemblegate.gate.internal.probe;

import io.github.resemblegate.gate.scan.ScanFilter;
import io.github.resemblegate.gate.scan.ScannedFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The content check as a filter stage of a run: before a file is first hashed, its first bytes
 * must be the media its name claims, else it is SKIPPED with what it looks like (text, zeros,
 * random bytes) and never hashed, uploaded or billed. Tika is loaded on the first file, so a build
 * without media never pays for it. A file that cannot be read is left to hashing, which says so.
 */
public final class ContentCheck implements ScanFilter {

  private final boolean loadEarly;
  private volatile MediaProbe probe;
  private final AtomicBoolean loading = new AtomicBoolean();

  /** Loads Tika on the first file it checks. */
  public ContentCheck() {
    this(false);
  }

  /**
   * With {@code loadEarly}, for a run that will check every file (no hash index vouches for
   * any): Tika's type table (a large XML file) is read on a thread of its own as soon as the scan
   * finds its first candidate, while the scan goes on and the run opens its journal and its
   * client, rather than in front of the first file's check.
   */
  public ContentCheck(boolean loadEarly) {
    this.loadEarly = loadEarly;
  }

  @Override
  public void candidateFound() {
    loadNow();
  }

  @Override
  public List<ScannedFile> select(List<ScannedFile> scanned) {
    if (scanned.stream().anyMatch(ScannedFile::isCandidate)) {
      loadNow(); // candidates a filter before this one added, such as a zip's entries
    }
    return scanned;
  }

  private void loadNow() {
    if (loadEarly && probe == null && loading.compareAndSet(false, true)) {
      Thread load = new Thread(this::probe, "resemble-gate-tika");
      load.setDaemon(true);
      load.start();
    }
  }

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
