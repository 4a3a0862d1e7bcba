package io.github.resemblegate.simulator;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.commons.fileupload.FileItemHeaders;
import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.UploadContext;

/**
 * Streams request bodies before WireMock reads them, so that no upload is ever held in memory or in
 * the request journal.
 *
 * <p>WireMock reads a whole body into a byte array, parses multipart into in-memory parts, and its
 * journal keeps both. This filter instead reads a multipart body part by part, keeping only names,
 * sizes, a WAV duration and zip entry lists ({@link StreamedUpload}), and hands WireMock the same
 * multipart with every file part emptied. Other bodies pass through unless larger than {@value
 * #MAX_PLAIN_BODY} bytes.
 */
final class UploadFilter implements Filter {
  /** Names the {@link StreamedUpload} of a request in the {@link UploadRegistry}. */
  static final String UPLOAD_HEADER = "X-Resemble-Simulator-Upload";

  static final int MAX_PLAIN_BODY = 1024 * 1024;
  private static final int FIELD_LIMIT = 64 * 1024;
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

  private final UploadRegistry registry;
  private final long uploadBandwidth;

  /** @param uploadBandwidth bytes per second a request body is read at most; 0 for no limit */
  UploadFilter(UploadRegistry registry, long uploadBandwidth) {
    this.registry = registry;
    this.uploadBandwidth = uploadBandwidth;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    if (http.getContentLengthLong() <= 0 && http.getHeader("Transfer-Encoding") == null) {
      chain.doFilter(request, response);
      return;
    }
    String contentType = http.getContentType();
    // HTTP/1.1 carries one request at a time per connection, so a limit on reading each body is
    // a limit on each connection's uplink; TCP's flow control passes it back to the sender.
    InputStream body = uploadBandwidth > 0
        ? new ThrottledInputStream(http.getInputStream(), uploadBandwidth)
        : http.getInputStream();
    CountingInputStream in = new CountingInputStream(body);
    if (isMultipart(contentType) && http.getHeader("Content-Encoding") == null) {
      chain.doFilter(streamMultipart(http, in, contentType), response);
    } else {
      chain.doFilter(boundPlainBody(http, in), response);
    }
  }

  private HttpServletRequest boundPlainBody(HttpServletRequest http, CountingInputStream in)
      throws IOException {
    byte[] body = in.readNBytes(MAX_PLAIN_BODY + 1);
    if (body.length <= MAX_PLAIN_BODY) {
      return new ReplacedBodyRequest(http, body, null, null);
    }
    in.drain();
    String id = registry.put(StreamedUpload.oversized(in.count()));
    return new ReplacedBodyRequest(http, new byte[0], id, null);
  }

  private HttpServletRequest streamMultipart(HttpServletRequest http, CountingInputStream in, String contentType) {
    String boundary = boundary(contentType);
    Skeleton skeleton = new Skeleton(boundary);
    List<StreamedPart> parts = new ArrayList<>();
    String error = null;
    try {
      FileUpload upload = new FileUpload();
      upload.setHeaderEncoding(StandardCharsets.UTF_8.name());
      upload.setPartHeaderSizeMax(FIELD_LIMIT);
      FileItemIterator items = upload.getItemIterator(new StreamContext(in, contentType));
      while (items.hasNext()) {
        FileItemStream item = items.next();
        try (InputStream partIn = item.openStream()) {
          StreamedPart part = scanPart(item, partIn);
          parts.add(part);
          skeleton.add(item.getHeaders(), part.value());
        }
      }
    } catch (Exception e) {
      error = "The multipart body could not be read (" + e.getMessage() + ").";
    }
    try {
      in.drain();
    } catch (IOException ignored) {
      // the client went away; the answer will not reach it either
    }
    StreamedUpload streamed =
        error == null
            ? StreamedUpload.multipart(in.count(), parts)
            : StreamedUpload.malformed(in.count(), error);
    String id = registry.put(streamed);
    if (boundary == null) {
      // WireMock would fail parsing a multipart without a boundary, so it sees an opaque body.
      return new ReplacedBodyRequest(http, new byte[0], id, "application/octet-stream");
    }
    byte[] body = error == null ? skeleton.bytes() : new Skeleton(boundary).bytes();
    return new ReplacedBodyRequest(http, body, id, null);
  }

  private static StreamedPart scanPart(FileItemStream item, InputStream partIn) throws IOException {
    PushbackInputStream in = new PushbackInputStream(partIn, ZIP_MAGIC.length);
    byte[] magic = in.readNBytes(ZIP_MAGIC.length);
    in.unread(magic);
    String fileName = item.isFormField() ? null : item.getName();
    if (java.util.Arrays.equals(magic, ZIP_MAGIC)) {
      return scanZip(item, fileName, in);
    }
    byte[] head = in.readNBytes(Math.max(FIELD_LIMIT, WavProbe.HEAD_BYTES));
    long rest = new CountingInputStream(in).drain();
    long size = head.length + rest;
    String value =
        fileName == null && rest == 0 ? new String(head, StandardCharsets.UTF_8) : null;
    Double wavSeconds = WavProbe.seconds(head, size);
    return new StreamedPart(item.getFieldName(), fileName, item.getContentType(), size, value,
        wavSeconds, null, null);
  }

  private static StreamedPart scanZip(FileItemStream item, String fileName, InputStream in) throws IOException {
    CountingInputStream counted = new CountingInputStream(in);
    List<StreamedPart> entries = new ArrayList<>();
    String zipError = null;
    try {
      ZipInputStream zip = new ZipInputStream(counted, StandardCharsets.UTF_8);
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (entry.isDirectory()) {
          continue;
        }
        byte[] head = zip.readNBytes(WavProbe.HEAD_BYTES);
        long size = head.length + new CountingInputStream(zip).drain();
        entries.add(new StreamedPart(entry.getName(), entry.getName(), null, size, null,
            WavProbe.seconds(head, size), null, null));
      }
    } catch (ZipException e) {
      zipError = e.getMessage();
    }
    counted.drain();
    return new StreamedPart(item.getFieldName(), fileName, item.getContentType(), counted.count(), null,
        null, zipError == null ? List.copyOf(entries) : List.of(), zipError);
  }

  static boolean isMultipart(String contentType) {
    return contentType != null
        && contentType.toLowerCase(Locale.ROOT).trim().startsWith("multipart/");
  }

  /** The boundary parameter of a multipart content type, unquoted, or null. */
  static String boundary(String contentType) {
    for (String param : contentType.split(";")) {
      String trimmed = param.trim();
      if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String value = trimmed.substring("boundary=".length()).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return value.isEmpty() ? null : value;
      }
    }
    return null;
  }

  /** The multipart WireMock is given: every part's headers, field text, no file content. */
  private static final class Skeleton {
    private final String boundary;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Skeleton(String boundary) {
      this.boundary = boundary;
    }

    void add(FileItemHeaders headers, String value) {
      StringBuilder text = new StringBuilder("--").append(boundary).append("\r\n");
      if (headers != null) {
        for (Iterator<String> names = headers.getHeaderNames(); names.hasNext(); ) {
          String name = names.next();
          for (Iterator<String> values = headers.getHeaders(name); values.hasNext(); ) {
            text.append(name).append(": ").append(values.next()).append("\r\n");
          }
        }
      }
      text.append("\r\n");
      if (value != null) {
        text.append(value);
      }
      text.append("\r\n");
      out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    byte[] bytes() {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      all.writeBytes(out.toByteArray());
      all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return all.toByteArray();
    }
  }

  /** Feeds the servlet stream to commons-fileupload's streaming parser. */
  private record StreamContext(InputStream in, String contentType) implements UploadContext {
    @Override
    public long contentLength() {
      return -1;
    }

    @Override
    public String getCharacterEncoding() {
      return StandardCharsets.UTF_8.name();
    }

    @Override
    public String getContentType() {
      return contentType;
    }

    @Override
    @Deprecated
    public int getContentLength() {
      return -1;
    }

    @Override
    public InputStream getInputStream() {
      return in;
    }
  }
}
