package io.github.resemblegate.gate.internal.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zip archives for tests, written as a build would ship them. */
public final class TestZips {

  private TestZips() {}

  /**
   * Writes {@code file} (and its folder) holding {@code entries} in their order, by name; a null
   * value is an entry without data.
   */
  public static Path write(Path file, Map<String, byte[]> entries) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        if (e.getValue() != null) {
          z.write(e.getValue());
        }
        z.closeEntry();
      }
    }
    return file;
  }
}
