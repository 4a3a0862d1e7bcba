package io.github.resemblegate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A headless Chromium driven over the Chrome DevTools Protocol, with no dependency beyond OkHttp
 * and Jackson: the browser prints its DevTools address on stderr, the page target's WebSocket
 * takes JSON commands and sends events back. {@link #close()} kills the browser and all of its
 * child processes, and a shutdown hook does the same if the test JVM goes away first.
 */
final class HeadlessChromium implements AutoCloseable {

  /** A bound on each wait, so a wedged browser fails the test instead of hanging the build. */
  private static final long WAIT_SECONDS = 30;
  private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Process process;
  private final Thread shutdownHook;
  private final OkHttpClient http;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final List<CompletableFuture<JsonNode>> eventWaiters = new CopyOnWriteArrayList<>();
  private final Map<CompletableFuture<JsonNode>, Predicate<JsonNode>> waiterTests =
      new ConcurrentHashMap<>();

  /**
   * The browser binary: {@code $CHROME_BIN} when set (and nothing else then), else the first
   * Chromium or Chrome on the PATH.
   */
  static Optional<Path> find() {
    String env = System.getenv("CHROME_BIN");
    if (env != null && !env.isBlank()) {
      return Files.isExecutable(Path.of(env)) ? Optional.of(Path.of(env)) : Optional.empty();
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String name : List.of("chromium", "chromium-browser", "google-chrome",
        "google-chrome-stable")) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  static HeadlessChromium start(Path binary, Path userDataDir) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(binary.toString(),
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-extensions", "--hide-scrollbars", "--mute-audio",
        "--user-data-dir=" + userDataDir, "--remote-debugging-port=0", "about:blank");
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    // Chromium keeps its singleton socket under $TMPDIR; inside the profile it goes away with it.
    Path tmp = Files.createDirectories(userDataDir.resolve("tmp"));
    builder.environment().put("TMPDIR", tmp.toString());
    Process process = builder.start();
    try {
      return new HeadlessChromium(process);
    } catch (IOException | RuntimeException e) {
      kill(process);
      throw e;
    }
  }

  private HeadlessChromium(Process process) throws IOException {
    this.process = process;
    this.shutdownHook = new Thread(() -> kill(process), "kill-headless-chromium");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    String browserUrl = devToolsAddress(process);
    this.http = new OkHttpClient.Builder().readTimeout(0, TimeUnit.MILLISECONDS).build();
    String page = pageSocketUrl(browserUrl);
    CompletableFuture<Void> open = new CompletableFuture<>();
    this.socket = http.newWebSocket(new Request.Builder().url(page).build(),
        new WebSocketListener() {
          @Override
          public void onOpen(WebSocket webSocket, Response response) {
            open.complete(null);
          }

          @Override
          public void onMessage(WebSocket webSocket, String text) {
            receive(text);
          }

          @Override
          public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            open.completeExceptionally(t);
            pending.values().forEach(f -> f.completeExceptionally(t));
          }
        });
    await(open, "the DevTools connection to open");
  }

  /** Reads stderr until the browser says where DevTools listens; keeps draining it after. */
  private static String devToolsAddress(Process process) throws IOException {
    CompletableFuture<String> address = new CompletableFuture<>();
    StringBuilder seen = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (BufferedReader err = new BufferedReader(
          new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = err.readLine()) != null) {
          Matcher m = DEVTOOLS.matcher(line);
          if (m.find()) {
            address.complete(m.group(1));
          } else if (!address.isDone() && seen.length() < 4000) {
            seen.append(line).append('\n');
          }
        }
      } catch (IOException ignored) {
        // The browser is gone; the future below reports it.
      }
      address.completeExceptionally(new IOException(
          "Chromium exited before it opened DevTools. Its output:\n" + seen));
    }, "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    return await(address, "Chromium to print its DevTools address");
  }

  private String pageSocketUrl(String browserUrl) throws IOException {
    String base = browserUrl.replaceFirst("^ws://", "http://").replaceFirst("/devtools/.*$", "");
    for (int attempt = 0; attempt < 50; attempt++) {
      try (Response response = http.newCall(new Request.Builder().url(base + "/json/list").build())
          .execute()) {
        for (JsonNode target : MAPPER.readTree(response.body().string())) {
          if ("page".equals(target.path("type").asText())) {
            return target.get("webSocketDebuggerUrl").asText();
          }
        }
      }
      sleepBriefly();
    }
    throw new IOException("Chromium listed no page target at " + base + "/json/list.");
  }

  private void receive(String text) {
    JsonNode message;
    try {
      message = MAPPER.readTree(text);
    } catch (IOException e) {
      return;
    }
    if (message.has("id")) {
      CompletableFuture<JsonNode> f = pending.remove(message.get("id").asInt());
      if (f != null) {
        if (message.has("error")) {
          f.completeExceptionally(new IOException("DevTools error: " + message.get("error")));
        } else {
          f.complete(message.path("result"));
        }
      }
      return;
    }
    events.add(message);
    for (CompletableFuture<JsonNode> waiter : eventWaiters) {
      Predicate<JsonNode> test = waiterTests.get(waiter);
      if (test != null && test.test(message)) {
        waiter.complete(message);
      }
    }
  }

  /** Sends a DevTools command and waits for its result. */
  JsonNode send(String method, Map<String, ?> params) throws IOException {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    pending.put(id, result);
    ObjectNode message = MAPPER.createObjectNode();
    message.put("id", id);
    message.put("method", method);
    message.set("params", MAPPER.valueToTree(params));
    if (!socket.send(message.toString())) {
      throw new IOException("The DevTools connection is closed.");
    }
    return await(result, method);
  }

  JsonNode send(String method) throws IOException {
    return send(method, Map.of());
  }

  /** Loads a page and waits for its load event. */
  void navigate(String url) throws IOException {
    CompletableFuture<JsonNode> loaded = whenEvent(e -> "Page.loadEventFired".equals(
        e.path("method").asText()));
    JsonNode result = send("Page.navigate", Map.of("url", url));
    if (result.hasNonNull("errorText")) {
      throw new IOException("Chromium could not open " + url + ": " + result.get("errorText"));
    }
    await(loaded, "the page to load");
  }

  /** Evaluates a JavaScript expression in the page and returns its value. */
  JsonNode evaluate(String expression) throws IOException {
    JsonNode result = send("Runtime.evaluate", Map.of("expression", expression,
        "returnByValue", true, "awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new IOException("The page threw: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Every event received so far, oldest first. */
  List<JsonNode> events() {
    return new ArrayList<>(events);
  }

  void clearEvents() {
    events.clear();
  }

  private CompletableFuture<JsonNode> whenEvent(Predicate<JsonNode> test) {
    CompletableFuture<JsonNode> waiter = new CompletableFuture<>();
    waiterTests.put(waiter, test);
    eventWaiters.add(waiter);
    waiter.whenComplete((v, e) -> {
      eventWaiters.remove(waiter);
      waiterTests.remove(waiter);
    });
    return waiter;
  }

  private static <T> T await(CompletableFuture<T> future, String what) throws IOException {
    try {
      return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IOException("Gave up waiting for " + what + ".", e);
    } catch (ExecutionException e) {
      throw new IOException("Failed while waiting for " + what + ": " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while waiting for " + what + ".", e);
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    try {
      socket.close(1000, "done");
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
      kill(process);
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // The hook is running or has run; the processes are gone either way.
      }
    }
  }

  /** Kills the browser and every process it started (renderers, GPU and zygote helpers). */
  static void kill(Process process) {
    // Children must be collected first: once the parent is gone they are no longer its
    // descendants. The profile is thrown away, so there is nothing to shut down gracefully.
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroyForcibly);
    // onExit() of a process that is not our child polls slowly; a short poll of our own is
    // quicker, and bounded.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (all.stream().anyMatch(HeadlessChromium::running) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Alive and not a zombie. Killed helpers are reparented to PID 1, which may take seconds to reap
   * them; until then Java counts them as alive although they are gone.
   */
  static boolean running(ProcessHandle p) {
    if (!p.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
      return !stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("Z");
    } catch (IOException | RuntimeException e) {
      return p.isAlive();
    }
  }

  /** The browser and its helper processes as they are now. */
  List<ProcessHandle> processes() {
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    return all;
  }

  ProcessHandle handle() {
    return process.toHandle();
  }
}
