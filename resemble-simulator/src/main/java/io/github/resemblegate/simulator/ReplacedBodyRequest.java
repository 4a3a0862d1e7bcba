package io.github.resemblegate.simulator;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The request WireMock sees after the upload filter consumed the real body: a small stand-in body,
 * the original headers (so {@code Content-Length} still tells the size that arrived), plus a header
 * naming the streamed upload.
 */
final class ReplacedBodyRequest extends HttpServletRequestWrapper {
  private final byte[] body;
  private final String uploadId;
  private final String contentTypeOverride;

  ReplacedBodyRequest(HttpServletRequest request, byte[] body, String uploadId, String contentTypeOverride) {
    super(request);
    this.body = body;
    this.uploadId = uploadId;
    this.contentTypeOverride = contentTypeOverride;
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("The simulator reads request bodies blocking.");
      }

      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        return in.read(buffer, offset, length);
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  @Override
  public String getContentType() {
    return contentTypeOverride != null ? contentTypeOverride : super.getContentType();
  }

  @Override
  public String getHeader(String name) {
    String replaced = replacedHeader(name);
    return replaced != null ? replaced : super.getHeader(name);
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    String replaced = replacedHeader(name);
    return replaced != null ? Collections.enumeration(Set.of(replaced)) : super.getHeaders(name);
  }

  private String replacedHeader(String name) {
    if (uploadId != null && UploadFilter.UPLOAD_HEADER.equalsIgnoreCase(name)) {
      return uploadId;
    }
    if (contentTypeOverride != null && "Content-Type".equalsIgnoreCase(name)) {
      return contentTypeOverride;
    }
    return null;
  }

  @Override
  public Enumeration<String> getHeaderNames() {
    Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
    if (uploadId != null) {
      names.add(UploadFilter.UPLOAD_HEADER);
    }
    return Collections.enumeration(names);
  }
}
