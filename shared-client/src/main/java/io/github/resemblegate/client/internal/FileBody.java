package io.github.resemblegate.client.internal;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * Streams one file from disk in small segments; memory use does not depend on the file's size.
 * Exactly the size measured when the file was checked is sent, and a file that changed size since
 * fails the upload instead of sending something else.
 */
final class FileBody extends RequestBody {
  private static final long CHUNK = 64 * 1024;
  private final SizedFile file;
  private final MediaType type;

  FileBody(SizedFile file, MediaType type) {
    this.file = file;
    this.type = type;
  }

  @Override
  public MediaType contentType() {
    return type;
  }

  @Override
  public long contentLength() {
    return file.size();
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    Source source;
    try {
      source = Okio.source(file.path());
    } catch (IOException e) {
      throw new LocalFileException(file.path(), "could not open it", e);
    }
    try (source) {
      long remaining = file.size();
      Buffer buffer = sink.getBuffer();
      while (remaining > 0) {
        long read;
        try {
          read = source.read(buffer, Math.min(CHUNK, remaining));
        } catch (IOException e) {
          throw new LocalFileException(file.path(), "reading it failed", e);
        }
        if (read == -1) {
          throw new LocalFileException(file.path(), "it became shorter during the upload", null);
        }
        remaining -= read;
        sink.emitCompleteSegments();
      }
      boolean longer;
      try {
        longer = source.read(new Buffer(), 1) != -1;
      } catch (IOException e) {
        throw new LocalFileException(file.path(), "reading it failed", e);
      }
      if (longer) {
        throw new LocalFileException(file.path(), "it became longer during the upload", null);
      }
    }
  }
}
