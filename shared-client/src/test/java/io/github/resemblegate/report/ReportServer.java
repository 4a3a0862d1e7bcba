package io.github.resemblegate.report;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves a folder of reports on loopback the way a CI server serves archived files: under
 * {@code /jenkins/} with the headers Jenkins' {@code DirectoryBrowserSupport} sends by default,
 * under {@code /open/} with the same policy minus {@code sandbox} and plus {@code script-src
 * 'self'}, so the page's script may run.
 */
final class ReportServer implements AutoCloseable {

  /** {@code DirectoryBrowserSupport.DEFAULT_CSP_VALUE} of Jenkins 2.479.3, sent as it sends it. */
  static final String JENKINS_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'self';";
  /** Jenkins sets the policy under all three names. */
  private static final String[] CSP_HEADERS =
      {"Content-Security-Policy", "X-WebKit-CSP", "X-Content-Security-Policy"};
  private static final String OPEN_CSP =
      "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self';";
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html;charset=utf-8", "css", "text/css;charset=utf-8",
      "js", "text/javascript;charset=utf-8");

  private final HttpServer server;
  private final Path root;

  private ReportServer(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/jenkins/", e -> serve(e, "/jenkins/", JENKINS_CSP));
    server.createContext("/open/", e -> serve(e, "/open/", OPEN_CSP));
    // Browsers ask every server for its icon; a CI server has one.
    server.createContext("/favicon.ico", e -> {
      try (e) {
        e.sendResponseHeaders(204, -1);
      }
    });
    server.start();
  }

  static ReportServer of(Path root) throws IOException {
    return new ReportServer(root);
  }

  /** The URL of {@code file} (relative to the root) as Jenkins would serve it. */
  String jenkins(String file) {
    return base() + "/jenkins/" + file;
  }

  /** The URL of {@code file} served where scripts may run. */
  String open(String file) {
    return base() + "/open/" + file;
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange, String prefix, String csp) throws IOException {
    try (exchange) {
      String relative = exchange.getRequestURI().getPath().substring(prefix.length());
      Path file = root.resolve(relative).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String name = file.getFileName().toString();
      String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1),
          "application/octet-stream");
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      for (String header : CSP_HEADERS) {
        exchange.getResponseHeaders().set(header, csp);
      }
      byte[] body = Files.readAllBytes(file);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
