package io.github.resemblegate.gate.internal.archive;

/**
 * One media entry of an archive: {@code archive} is the archive's path as the run shows it,
 * {@code name} the entry's name inside it; sizes as the archive declares them.
 */
public record ArchiveEntry(String archive, String name, long size, long compressedSize) {

  /** How reports name it: {@code bundle.zip!/vo/intro.wav}. */
  public String path() {
    return archive + "!/" + name;
  }
}
