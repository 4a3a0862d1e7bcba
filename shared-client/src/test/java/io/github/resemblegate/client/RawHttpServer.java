package io.github.resemblegate.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 that reads each request body and throws it away,
 * counting bytes. Unlike WireMock it never holds a body in memory, and it shows which connection
 * each request came on.
 */
final class RawHttpServer implements AutoCloseable {

  /** What arrived: the body is counted, only its last bytes are kept. */
  record Received(int connection, String method, String target, Map<String, String> headers,
      long bodyBytes, String bodyTail) {}

  /**
   * What to send back. {@code hangUp} closes the connection after the answer without announcing it,
   * as a server whose idle timeout ran out would; the client still thinks it can reuse it.
   */
  record Answer(int status, String body, boolean hangUp) {}

  private final ServerSocket socket;
  private final Function<Received, Answer> responder;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Socket> connections = new CopyOnWriteArrayList<>();
  private final AtomicInteger connectionCount = new AtomicInteger();
  private final java.util.concurrent.Semaphore ended = new java.util.concurrent.Semaphore(0);

  RawHttpServer(Function<Received, Answer> responder) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.responder = responder;
    Thread acceptor = new Thread(this::accept, "raw-http-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/api/v2";
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  int connectionsAccepted() {
    return connectionCount.get();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        connections.add(connection);
        int id = connectionCount.incrementAndGet();
        Thread handler = new Thread(() -> serve(connection, id), "raw-http-" + id);
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket connection, int id) {
    try (connection) {
      InputStream in = new BufferedInputStream(connection.getInputStream(), 64 * 1024);
      OutputStream out = connection.getOutputStream();
      while (true) {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
          return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header; !(header = line(in)).isEmpty(); ) {
          int colon = header.indexOf(':');
          headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
              header.substring(colon + 1).strip());
        }
        Tail tail = new Tail();
        long bytes = headers.containsKey("content-length")
            ? discard(in, Long.parseLong(headers.get("content-length")), tail)
            : "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? discardChunked(in, tail) : 0;
        String[] parts = requestLine.split(" ");
        Received r = new Received(id, parts[0], parts[1], headers, bytes, tail.text());
        received.add(r);
        Answer answer = responder.apply(r);
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + answer.status() + " X\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + body.length + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        if (answer.hangUp()) {
          return;
        }
      }
    } catch (IOException e) {
      // The client went away; nothing to record.
    } finally {
      ended.release();
    }
  }

  /** Waits until {@code count} connections have ended, from either side. */
  boolean awaitConnectionsEnded(int count, java.time.Duration timeout) throws InterruptedException {
    return ended.tryAcquire(count, timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  private static long discard(InputStream in, long length, Tail tail) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long remaining = length;
    while (remaining > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
      if (n < 0) {
        throw new IOException("body ended early");
      }
      tail.add(buffer, n);
      remaining -= n;
    }
    return length;
  }

  private static long discardChunked(InputStream in, Tail tail) throws IOException {
    long total = 0;
    while (true) {
      long size = Long.parseLong(line(in).split(";")[0].strip(), 16);
      if (size == 0) {
        line(in);
        return total;
      }
      total += discard(in, size, tail);
      line(in);
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int c; (c = in.read()) != '\n'; ) {
      if (c < 0) {
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
      }
      if (c != '\r') {
        bytes.write(c);
      }
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }

  /** The last 256 bytes of a body. */
  private static final class Tail {
    private final byte[] last = new byte[256];
    private int size;

    void add(byte[] buffer, int n) {
      if (n >= last.length) {
        System.arraycopy(buffer, n - last.length, last, 0, last.length);
        size = last.length;
        return;
      }
      int keep = Math.min(size, last.length - n);
      System.arraycopy(last, size - keep, last, 0, keep);
      System.arraycopy(buffer, 0, last, keep, n);
      size = keep + n;
    }

    String text() {
      return new String(last, 0, size, StandardCharsets.ISO_8859_1);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket s : new ArrayList<>(connections)) {
      s.close();
    }
  }
}
