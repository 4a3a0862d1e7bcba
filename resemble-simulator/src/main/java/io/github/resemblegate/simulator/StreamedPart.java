package io.github.resemblegate.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * What the upload filter learnt about one multipart part (or one entry of a zip part) while
 * streaming it; the content itself is never kept.
 *
 * @param name the form field name, e.g. {@code files[]}; for a zip entry its path in the archive
 * @param fileName the {@code filename} of the part, or null for a plain form field
 * @param contentType the part's {@code Content-Type}, or null
 * @param size content bytes
 * @param value the text of a small form field, or null for files and large parts
 * @param wavSeconds the duration a valid WAV header states, or null
 * @param zipEntries the entries when the part is a zip archive, else null
 * @param zipError why a zip-looking part could not be read, else null
 */
record StreamedPart(
    String name,
    String fileName,
    String contentType,
    long size,
    String value,
    Double wavSeconds,
    List<StreamedPart> zipEntries,
    String zipError) {

  boolean isFile() {
    return fileName != null || value == null;
  }

  /**
   * The media entries of a zip part as the batch endpoint takes them: folders flattened to the base
   * name; folders, hidden files, {@code __MACOSX/} and other file types skipped.
   */
  List<StreamedPart> mediaEntries() {
    if (zipEntries == null) {
      return List.of();
    }
    List<StreamedPart> media = new ArrayList<>();
    for (StreamedPart entry : zipEntries) {
      String path = entry.name().replace('\\', '/');
      String base = path.substring(path.lastIndexOf('/') + 1);
      boolean skipped = base.isEmpty() || base.startsWith(".") || path.startsWith("__MACOSX/")
          || !MediaKind.BATCH_EXTENSIONS.contains(MediaKind.extension(base));
      if (!skipped) {
        media.add(new StreamedPart(entry.name(), base, null, entry.size(), null, entry.wavSeconds(), null, null));
      }
    }
    return media;
  }
}
