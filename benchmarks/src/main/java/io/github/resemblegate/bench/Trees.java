package io.github.resemblegate.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Workload trees. Large files are sparse (a length and no data blocks), so a gigabyte of media
 * costs no disk; every file still has its own content, because files of different lengths hash
 * differently even when all their bytes are zero.
 */
final class Trees {

  private Trees() {}

  /**
   * A sparse file of {@code size} bytes, zeros but for a WAV header (8 kHz 8-bit mono PCM over the
   * rest), so the run's content check takes it for the audio it is named as.
   */
  static Path sparse(Path file, long size) throws IOException {
    Files.createDirectories(file.getParent());
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
      if (size >= WAV_HEADER) {
        long data = Math.min(size - WAV_HEADER, 0xFFFFFFFFL - 36);
        java.nio.ByteBuffer h = java.nio.ByteBuffer.allocate(WAV_HEADER)
            .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + data))
            .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
            .putShort((short) 1).putInt(8000).putInt(8000).putShort((short) 1)
            .putShort((short) 8).put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) data);
        f.write(h.array());
      }
    }
    return file;
  }

  private static final int WAV_HEADER = 44;

  /**
   * {@code count} WAV-named sparse files of about {@code size} bytes (file i has {@code size + i}),
   * 100 to a folder; every {@code fakeEvery}-th name contains "fake" (0 for none).
   */
  static List<Path> sparseMedia(Path root, int count, long size, int fakeEvery) throws IOException {
    List<Path> files = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String name = (fakeEvery > 0 && i % fakeEvery == fakeEvery - 1 ? "fake-clip-" : "clip-")
          + String.format("%05d", i) + ".wav";
      files.add(sparse(root.resolve(String.format("part-%03d", i / 100)).resolve(name), size + i));
    }
    return files;
  }

  /**
   * {@code count} small files with real (written) content, 1,000 to a folder, media extensions
   * mixed: a tree the size of a large asset library, for the scan.
   */
  static void smallFiles(Path root, int count) throws IOException {
    String[] ext = {"wav", "mp3", "png", "jpg", "mp4"};
    for (int i = 0; i < count; i++) {
      Path dir = root.resolve(String.format("dir-%03d", i / 1000));
      if (i % 1000 == 0) {
        Files.createDirectories(dir);
      }
      Files.write(dir.resolve(String.format("asset-%06d.%s", i, ext[i % ext.length])),
          ("asset " + i + "\n").getBytes(StandardCharsets.US_ASCII));
    }
  }

  /** Disk space a tree really uses, in bytes ({@code du}: sparse files count what is written). */
  static long allocatedBytes(Path root) throws IOException {
    Process du = new ProcessBuilder("du", "-s", "-B1", root.toString()).redirectErrorStream(true)
        .start();
    String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    try {
      du.waitFor();
      return Long.parseLong(out.split("\\s+")[0]);
    } catch (InterruptedException | NumberFormatException e) {
      return -1;
    }
  }

  static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
