package io.github.resemblegate.gate.internal.archive;

import io.github.resemblegate.client.MediaExtensions;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The media entries of one {@code .zip}, so that media a build ships inside an archive is judged
 * like any other file, each as {@code bundle.zip!/vo/intro.wav}. The JDK's {@link ZipFile} reads
 * the archive's central directory; nothing is extracted, and an entry's bytes are streamed on
 * demand through a guard that stops at its declared size, at {@link ArchiveLimits#maxEntryBytes}
 * and at {@link ArchiveLimits#maxRatio} times its compressed size, whatever the archive claims.
 * Entries whose names leave the archive ({@code ../}, absolute, a drive letter) are refused, never
 * followed; other entries that are not media are counted and left out, as the scan leaves out
 * non-media files.
 */
public final class ZipArchive implements AutoCloseable {

  /** What the archive holds: media to judge, entries refused with why, others left out. */
  public record Listing(List<ArchiveEntry> media, List<Refused> refused, int ignored) {

    public Listing {
      media = List.copyOf(media);
      refused = List.copyOf(refused);
    }
  }

  /** An entry that is not handed on, by its path as reports show it, and why, in words. */
  public record Refused(String path, String reason) {}

  private final ZipFile zip;
  private final String shownAs;
  private final ArchiveLimits limits;

  private ZipArchive(ZipFile zip, String shownAs, ArchiveLimits limits) {
    this.zip = zip;
    this.shownAs = shownAs;
    this.limits = limits;
  }

  /**
   * Opens {@code file}, shown in reports as {@code shownAs} (its path relative to the scan).
   *
   * @throws ArchiveRefusedException when it is no readable zip or has too many entries
   */
  public static ZipArchive open(Path file, String shownAs, ArchiveLimits limits)
      throws ArchiveRefusedException {
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new ArchiveRefusedException("not opened: it is not a readable zip archive ("
          + e.getMessage() + ")", e);
    }
    if (zip.size() > limits.maxEntries()) {
      int entries = zip.size();
      closeQuietly(zip);
      throw new ArchiveRefusedException("not opened: it has " + entries + " entries, more than "
          + limits.maxEntries() + " (a guard against zip bombs)");
    }
    return new ZipArchive(zip, shownAs, limits);
  }

  /** The media entries, in the archive's order, and what was refused or left out. */
  public Listing list() {
    List<ArchiveEntry> media = new ArrayList<>();
    List<Refused> refused = new ArrayList<>();
    int ignored = 0;
    long total = 0;
    Enumeration<? extends ZipEntry> entries = zip.entries();
    while (entries.hasMoreElements()) {
      ZipEntry e = entries.nextElement();
      if (e.isDirectory()) {
        continue;
      }
      String name = e.getName();
      String path = shownAs + "!/" + name;
      String unsafe = unsafe(name);
      if (unsafe != null) {
        refused.add(new Refused(path, "refused: its name " + unsafe
            + ", so it is not read (a guard against archives that write outside themselves)"));
        continue;
      }
      if (MediaExtensions.of(name).equals("zip")) {
        // Its media would pass unseen if it were left out like a text file.
        refused.add(new Refused(path, "not checked: a zip archive inside an archive is not"
            + " opened; ship its media outside it, or in the outer archive itself"));
        continue;
      }
      if (!MediaExtensions.supported(MediaExtensions.of(name))) {
        ignored++;
        continue;
      }
      long size = e.getSize();
      long packed = e.getCompressedSize();
      String tooBig = size > limits.maxEntryBytes()
          ? "it declares " + size + " bytes, more than " + limits.maxEntryBytes()
          : size > 0 && packed > 0 && size / packed >= limits.maxRatio()
          ? "it inflates " + size / packed + " times its compressed size, more than "
              + limits.maxRatio() : total + Math.max(size, 0) > limits.maxTotalBytes()
          ? "the archive's media exceed " + limits.maxTotalBytes() + " bytes in all" : null;
      if (tooBig != null) {
        refused.add(new Refused(path, "refused: " + tooBig + " (a guard against zip bombs)"));
        continue;
      }
      total += Math.max(size, 0);
      media.add(new ArchiveEntry(shownAs, name, size, packed));
    }
    return new Listing(media, refused, ignored);
  }

  /**
   * The bytes of {@code entry}, streamed; reading fails with {@link ArchiveRefusedException} as
   * soon as they pass what the entry declared or the limits allow.
   */
  public InputStream read(ArchiveEntry entry) throws IOException {
    ZipEntry e = zip.getEntry(entry.name());
    if (e == null) {
      throw new ArchiveRefusedException("not found in the archive any more");
    }
    long cap = limits.maxEntryBytes();
    if (e.getSize() >= 0) {
      cap = Math.min(cap, e.getSize());
    }
    if (e.getCompressedSize() > 0) {
      long packed = e.getCompressedSize();
      cap = Math.min(cap, packed > Long.MAX_VALUE / limits.maxRatio() ? Long.MAX_VALUE
          : packed * limits.maxRatio());
    }
    return new Bounded(zip.getInputStream(e), cap, entry.path());
  }

  @Override
  public void close() {
    closeQuietly(zip);
  }

  /** Why a name would leave the archive, or null when it stays inside. */
  static String unsafe(String name) {
    String n = name.replace('\\', '/');
    if (n.startsWith("/")) {
      return "is absolute";
    }
    if (n.length() > 1 && n.charAt(1) == ':') {
      return "starts with a drive letter";
    }
    for (String segment : n.split("/")) {
      if (segment.equals("..")) {
        return "climbs out with ../";
      }
    }
    if (n.chars().anyMatch(c -> c < 0x20)) {
      return "holds control characters";
    }
    return null;
  }

  private static void closeQuietly(ZipFile zip) {
    try {
      zip.close();
    } catch (IOException ignored) {
      // only read from
    }
  }

  /** Stops a stream at {@code cap} bytes: more means the archive lied about the entry. */
  private static final class Bounded extends FilterInputStream {
    private final long cap;
    private final String path;
    private long read;

    Bounded(InputStream in, long cap, String path) {
      super(in);
      this.cap = cap;
      this.path = path;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws ArchiveRefusedException {
      read += n;
      if (read > cap) {
        throw new ArchiveRefusedException("refused: " + path + " inflates beyond " + cap
            + " bytes, more than it declares or the limits allow (a guard against zip bombs)");
      }
    }
  }
}
