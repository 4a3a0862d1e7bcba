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
   * mixed: a tree the size of a large asset library, for the scan. Each file starts with the
   * header of the format its name claims (a WAV, an ID3-tagged MP3, a PNG, a JPEG, an MP4
   * {@code ftyp} box), so the run's content check takes it for media and the run hashes it, as it
   * would a real library; the rest is the file's own number, so every file has its own content.
   */
  static void smallFiles(Path root, int count) throws IOException {
    String[] ext = {"wav", "mp3", "png", "jpg", "mp4"};
    for (int i = 0; i < count; i++) {
      Path dir = root.resolve(String.format("dir-%03d", i / 1000));
      if (i % 1000 == 0) {
        Files.createDirectories(dir);
      }
      String e = ext[i % ext.length];
      Files.write(dir.resolve(String.format("asset-%06d.%s", i, e)), smallMedia(e, i));
    }
  }

  /** A few dozen bytes of {@code ext} media: its format's header, then {@code "asset i"}. */
  static byte[] smallMedia(String ext, int i) {
    byte[] body = ("asset " + i + "\n").getBytes(StandardCharsets.US_ASCII);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(64 + body.length)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    switch (ext) {
      case "wav" -> b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + body.length)
          .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
          .putShort((short) 1).putInt(8000).putInt(8000).putShort((short) 1)
          .putShort((short) 8).put("data".getBytes(StandardCharsets.US_ASCII))
          .putInt(body.length);
      // An ID3v2.3 tag of no frames, then an MPEG-1 Layer III frame header (128 kbit/s, 44.1 kHz).
      case "mp3" -> b.put(new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0,
          (byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64});
      case "png" -> b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n',
          0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0});
      case "jpg" -> b.put(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0,
          16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
      case "mp4" -> b.order(java.nio.ByteOrder.BIG_ENDIAN).putInt(24)
          .put("ftypmp42".getBytes(StandardCharsets.US_ASCII)).putInt(0)
          .put("mp42isom".getBytes(StandardCharsets.US_ASCII));
      default -> throw new IllegalArgumentException("no small " + ext + " file");
    }
    b.put(body);
    return java.util.Arrays.copyOf(b.array(), b.position());
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
