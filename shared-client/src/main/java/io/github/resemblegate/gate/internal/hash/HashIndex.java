package io.github.resemblegate.gate.internal.hash;

import io.github.resemblegate.gate.internal.ledger.Sha256;
import io.github.resemblegate.gate.internal.store.AtomicFiles;
import io.github.resemblegate.gate.scan.ScannedFile;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The hash index: what each file's SHA-256 was, by path, size and modification time, one index
 * per base directory kept under the cache directory. The new index replaces the old one
 * atomically; when two runs over the same folder race, the last one wins and both indexes are
 * valid. Its file format: a header line, then one line per file sorted by path, its size,
 * modification time (microseconds), path (tab, newline, carriage return and backslash escaped) and
 * SHA-256, tab-separated. Read forward in step with the sorted scan; written to a temporary file
 * and moved into place, so memory stays bounded however large the tree.
 */
final class HashIndex {

  static final String HEADER = "resemble-gate-hash-index 1";

  private HashIndex() {}

  /** {@code <cache>/index/<hash of the base directory>.idx}. */
  static Path locate(Path cacheDirectory, Path baseDirectory) {
    String key = Sha256.ofText(baseDirectory.toAbsolutePath().normalize().toString());
    return cacheDirectory.resolve("index").resolve(key.substring(0, 32) + ".idx");
  }

  public static String escape(String path) {
    if (path.indexOf('\\') < 0 && path.indexOf('\t') < 0 && path.indexOf('\n') < 0
        && path.indexOf('\r') < 0) {
      return path;
    }
    return path.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  public static String unescape(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char n = text.charAt(++i);
        sb.append(switch (n) {
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'r' -> '\r';
          default -> n;
        });
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Reads the old index forward, in step with the sorted scan. */
  static final class Reader implements AutoCloseable {
    private final BufferedReader in;
    private final Consumer<String> warn;
    private final String file;
    private String path;
    private long size;
    private long modified;
    private String sha;

    private Reader(BufferedReader in, Consumer<String> warn, String file) {
      this.in = in;
      this.warn = warn;
      this.file = file;
    }

    static Reader open(Path indexFile, Consumer<String> warn) {
      if (indexFile == null) {
        return new Reader(null, warn, null);
      }
      try {
        BufferedReader in = Files.newBufferedReader(indexFile, StandardCharsets.UTF_8);
        String header = in.readLine();
        if (!HEADER.equals(header)) {
          in.close();
          warn.accept("Ignoring the hash index " + indexFile + ": it is not one this version"
              + " wrote; files are hashed again.");
          return new Reader(null, warn, null);
        }
        Reader r = new Reader(in, warn, indexFile.toString());
        r.advance();
        return r;
      } catch (NoSuchFileException e) {
        return new Reader(null, warn, null);
      } catch (IOException e) {
        warn.accept("Could not read the hash index " + indexFile + " (" + e
            + "); files are hashed again.");
        return new Reader(null, warn, null);
      }
    }

    /** The remembered hash when path, size and time all match, else null. */
    String lookup(ScannedFile f) {
      while (path != null && path.compareTo(f.path()) < 0) {
        advance();
      }
      if (path != null && path.equals(f.path()) && size == f.size()
          && modified == f.modifiedMicros()) {
        return sha;
      }
      return null;
    }

    private void advance() {
      path = null;
      if (in == null) {
        return;
      }
      try {
        String line = in.readLine();
        if (line == null) {
          return;
        }
        String[] parts = line.split("\t", -1);
        if (parts.length != 4 || parts[3].length() != 64) {
          throw new IllegalArgumentException("bad line");
        }
        size = Long.parseLong(parts[0]);
        modified = Long.parseLong(parts[1]);
        sha = parts[3];
        path = unescape(parts[2]);
      } catch (IOException | IllegalArgumentException e) {
        warn.accept("The hash index " + file + " is damaged (" + e.getMessage()
            + "); the remaining files are hashed again.");
        path = null;
        closeQuietly();
      }
    }

    private void closeQuietly() {
      try {
        if (in != null) {
          in.close();
        }
      } catch (IOException ignored) {
        // nothing more to read either way
      }
    }

    @Override
    public void close() {
      closeQuietly();
    }
  }

  /** Writes the new index to a temporary file and moves it into place on commit. */
  static final class Writer implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final Consumer<String> warn;
    private BufferedWriter out;

    private Writer(Path target, Path temp, BufferedWriter out, Consumer<String> warn) {
      this.target = target;
      this.temp = temp;
      this.out = out;
      this.warn = warn;
    }

    static Writer open(Path indexFile, Consumer<String> warn) {
      if (indexFile == null) {
        return new Writer(null, null, null, warn);
      }
      try {
        Files.createDirectories(indexFile.getParent());
        Path temp = Files.createTempFile(indexFile.getParent(), indexFile.getFileName() + ".",
            ".tmp");
        BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
        out.write(HEADER);
        out.write('\n');
        return new Writer(indexFile, temp, out, warn);
      } catch (IOException e) {
        warn.accept("Could not write the hash index under " + indexFile.getParent() + " (" + e
            + "); the next run hashes every file again.");
        return new Writer(null, null, null, warn);
      }
    }

    void write(ScannedFile f, String sha) {
      if (out == null) {
        return;
      }
      try {
        out.write(Long.toString(f.size()));
        out.write('\t');
        out.write(Long.toString(f.modifiedMicros()));
        out.write('\t');
        out.write(escape(f.path()));
        out.write('\t');
        out.write(sha);
        out.write('\n');
      } catch (IOException e) {
        fail(e);
      }
    }

    void commit() {
      if (out == null) {
        return;
      }
      try {
        out.close();
        out = null;
        AtomicFiles.moveIntoPlace(temp, target);
      } catch (IOException e) {
        fail(e);
      }
    }

    private void fail(IOException e) {
      warn.accept("Could not write the hash index " + target + " (" + e
          + "); the next run hashes every file again.");
      close();
    }

    @Override
    public void close() {
      try {
        if (out != null) {
          out.close();
          out = null;
        }
        if (temp != null) {
          Files.deleteIfExists(temp);
        }
      } catch (IOException ignored) {
        // a stray temporary file is harmless
      }
    }
  }
}
