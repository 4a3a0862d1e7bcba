package io.github.resemblegate.client.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A zip of the batch's files, written while it is sent: no temporary file, no buffering. Entries
 * are STORED (media is already compressed), which fixes the zip's length in advance, so the
 * request carries a Content-Length; the price is reading each file twice, once for its CRC.
 */
final class StoredZipBody extends RequestBody {
  private static final int LOCAL_HEADER = 30;
  private static final int CENTRAL_HEADER = 46;
  private static final int END_RECORD = 22;
  // Any time inside the DOS range keeps the entries free of extra timestamp fields.
  private static final long ENTRY_TIME = LocalDateTime.of(2020, 1, 1, 0, 0)
      .atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();

  private final List<SizedFile> files;
  private final long length;

  StoredZipBody(List<SizedFile> files) {
    this.files = List.copyOf(files);
    this.length = lengthOf(this.files);
  }

  /** The exact size ZipOutputStream writes for these STORED entries (no ZIP64 below 4 GB). */
  static long lengthOf(List<SizedFile> files) {
    long total = END_RECORD;
    for (SizedFile file : files) {
      int name = file.partName().getBytes(StandardCharsets.UTF_8).length;
      total += LOCAL_HEADER + name + file.size() + CENTRAL_HEADER + name;
    }
    return total;
  }

  @Override
  public MediaType contentType() {
    return MediaTypes.ZIP;
  }

  @Override
  public long contentLength() {
    return length;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(new KeepOpen(sink.outputStream()),
        StandardCharsets.UTF_8)) {
      zip.setMethod(ZipOutputStream.STORED);
      byte[] chunk = new byte[64 * 1024];
      for (SizedFile file : files) {
        ZipEntry entry = new ZipEntry(file.partName());
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(file.size());
        entry.setCompressedSize(file.size());
        entry.setCrc(crc(file, chunk));
        entry.setTime(ENTRY_TIME);
        zip.putNextEntry(entry);
        copy(file, zip, chunk);
        try {
          zip.closeEntry();
        } catch (ZipException e) {
          throw new LocalFileException(file.path(), "it changed during the upload", e);
        }
      }
    }
  }

  private static long crc(SizedFile file, byte[] chunk) throws IOException {
    CRC32 crc = new CRC32();
    try (InputStream in = open(file)) {
      long remaining = file.size();
      while (remaining > 0) {
        int n = read(file, in, chunk, remaining);
        crc.update(chunk, 0, n);
        remaining -= n;
      }
      ensureEnded(file, in);
    }
    return crc.getValue();
  }

  private static void copy(SizedFile file, OutputStream out, byte[] chunk) throws IOException {
    try (InputStream in = open(file)) {
      long remaining = file.size();
      while (remaining > 0) {
        int n = read(file, in, chunk, remaining);
        out.write(chunk, 0, n);
        remaining -= n;
      }
      ensureEnded(file, in);
    }
  }

  private static InputStream open(SizedFile file) throws LocalFileException {
    try {
      return Files.newInputStream(file.path());
    } catch (IOException e) {
      throw new LocalFileException(file.path(), "could not open it", e);
    }
  }

  private static int read(SizedFile file, InputStream in, byte[] chunk, long remaining)
      throws LocalFileException {
    int n;
    try {
      n = in.read(chunk, 0, (int) Math.min(chunk.length, remaining));
    } catch (IOException e) {
      throw new LocalFileException(file.path(), "reading it failed", e);
    }
    if (n < 0) {
      throw new LocalFileException(file.path(), "it became shorter during the upload", null);
    }
    return n;
  }

  private static void ensureEnded(SizedFile file, InputStream in) throws LocalFileException {
    int next;
    try {
      next = in.read();
    } catch (IOException e) {
      throw new LocalFileException(file.path(), "reading it failed", e);
    }
    if (next != -1) {
      throw new LocalFileException(file.path(), "it became longer during the upload", null);
    }
  }

  /** Lets the zip stream release its native resources without closing the request's sink. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
