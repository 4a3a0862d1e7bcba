package io.github.resemblegate.simulator;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A multipart/form-data body that streams file parts from disk. */
final class Multipart {
  private final String boundary = "simulator-test-boundary-7d1f";
  private final List<BodyPublisher> pieces = new ArrayList<>();

  Multipart field(String name, String value) {
    text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    return this;
  }

  Multipart file(String name, String fileName, byte[] content) {
    return file(name, fileName, "application/octet-stream", content);
  }

  Multipart file(String name, String fileName, String contentType, byte[] content) {
    header(name, fileName, contentType);
    pieces.add(BodyPublishers.ofByteArray(content));
    text("\r\n");
    return this;
  }

  Multipart file(String name, String fileName, Path content) {
    header(name, fileName, "application/octet-stream");
    try {
      pieces.add(BodyPublishers.ofFile(content));
    } catch (FileNotFoundException e) {
      throw new UncheckedIOException(e);
    }
    text("\r\n");
    return this;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  BodyPublisher publisher() {
    List<BodyPublisher> all = new ArrayList<>(pieces);
    all.add(BodyPublishers.ofString("--" + boundary + "--\r\n", StandardCharsets.UTF_8));
    return BodyPublishers.concat(all.toArray(BodyPublisher[]::new));
  }

  private void header(String name, String fileName, String contentType) {
    text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
  }

  private void text(String text) {
    pieces.add(BodyPublishers.ofString(text, StandardCharsets.UTF_8));
  }
}
