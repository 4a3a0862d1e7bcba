package io.github.resemblegate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The standalone simulator jar in its own JVM, so the gate's JVM is measured alone. Controlled
 * through its admin API: reset, counters, batches, faults.
 */
final class SimulatorProcess implements AutoCloseable {

  private static final String LISTENING = "listening on ";

  private final Process process;
  private final String baseUrl;
  private final String admin;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private SimulatorProcess(Process process, String baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.admin = baseUrl.replace("/api/v2", "/__admin/resemble");
  }

  /** Starts {@code java -jar <jar> --port 0 …} and waits for its listening line. */
  static SimulatorProcess start(Path jar, String token, long processingMs, long seed, Path log)
      throws IOException {
    return start(jar, token, processingMs, seed, log, List.of());
  }

  /** The same with more options, e.g. {@code --upload-bandwidth B}. */
  static SimulatorProcess start(Path jar, String token, long processingMs, long seed, Path log,
      List<String> more) throws IOException {
    if (!Files.isRegularFile(jar) || !Files.isDirectory(jar.resolveSibling("lib"))) {
      throw new IllegalStateException("The simulator jar " + jar + " (with lib/ beside it) is"
          + " missing; build it with ./mvnw -B -pl resemble-simulator -am package -DskipTests.");
    }
    List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-jar", jar.toString(),
        "--port", "0", "--token", token, "--processing-ms", Long.toString(processingMs),
        "--seed", Long.toString(seed), "--journal-limit", "50"));
    cmd.addAll(more);
    Files.createDirectories(log.getParent());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8));
    String line;
    String url = null;
    List<String> seen = new ArrayList<>();
    while ((line = out.readLine()) != null) {
      seen.add(line);
      int at = line.indexOf(LISTENING);
      if (at >= 0) {
        url = line.substring(at + LISTENING.length()).strip();
        break;
      }
    }
    if (url == null) {
      p.destroyForcibly();
      throw new IllegalStateException("The simulator did not start: " + String.join(" | ", seen));
    }
    // Keep draining its output so it never blocks on a full pipe.
    Thread drain = new Thread(() -> {
      try (var w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
        String l;
        while ((l = out.readLine()) != null) {
          w.write(l);
          w.newLine();
        }
      } catch (IOException ignored) {
        // The process ended.
      }
    }, "simulator-output");
    drain.setDaemon(true);
    drain.start();
    return new SimulatorProcess(p, url);
  }

  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  String baseUrl() {
    return baseUrl;
  }

  long pid() {
    return process.pid();
  }

  /** CPU time the simulator's JVM has used so far (user and system), or -1 off Linux. */
  long cpuMillis() {
    return ProcessCpu.millis(process.pid());
  }

  void reset() {
    send(HttpRequest.newBuilder(URI.create(admin + "/reset"))
        .POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  /** Arms a fault in the admin API's JSON form (see the simulator README). */
  void fault(String json) {
    send(HttpRequest.newBuilder(URI.create(admin + "/faults"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  void clearFaults() {
    send(HttpRequest.newBuilder(URI.create(admin + "/faults")).DELETE().build());
  }

  /** The counters (see {@code Counters}): totalRequests, batchPosts, peakRequestsPerSecond, … */
  JsonNode counters() {
    return readJson(send(HttpRequest.newBuilder(URI.create(admin + "/counters")).GET().build()));
  }

  /** The batches created since the last reset, with their file names and detect ids. */
  JsonNode batches() {
    return readJson(send(HttpRequest.newBuilder(URI.create(admin + "/batches")).GET().build()));
  }

  /**
   * Files that appear in more than one of {@code batches} (as {@link #batches()} lists them): in
   * the benchmarks' trees every file's name and content are its own, so this is content created
   * twice. Names are compared without the mark the gate puts in front of each submission's part
   * names ({@code 3f9a1c2e-clip-00042.wav}): a file sent again goes out under a new mark.
   */
  static int createdTwice(Iterable<JsonNode> batches) {
    java.util.Set<String> names = new java.util.HashSet<>();
    int twice = 0;
    for (JsonNode batch : batches) {
      for (JsonNode name : batch.path("fileNames")) {
        if (!names.add(unmarked(name.asText()))) {
          twice++;
        }
      }
    }
    return twice;
  }

  private static final java.util.regex.Pattern MARKED =
      java.util.regex.Pattern.compile("[0-9a-f]{8}-(.+)");

  /** A part name without the gate's submission mark; read here, not from the gate it measures. */
  static String unmarked(String name) {
    java.util.regex.Matcher mk = MARKED.matcher(name);
    return mk.matches() ? mk.group(1) : name;
  }

  private static JsonNode readJson(String body) {
    try {
      return BenchJson.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new IllegalStateException("Simulator admin " + request.method() + " "
            + request.uri().getPath() + " answered " + r.statusCode() + ": " + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
