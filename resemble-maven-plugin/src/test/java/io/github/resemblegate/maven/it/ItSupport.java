package io.github.resemblegate.maven.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.resemblegate.simulator.Counters;
import io.github.resemblegate.simulator.ResembleSimulator;
import io.github.resemblegate.simulator.SimulatorOptions;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * What the invoker's {@code prebuild.groovy} and {@code verify.groovy} scripts of {@code src/it}
 * share, so each script stays a few lines. It runs inside the invoker's JVM (the test classpath is
 * added to the scripts): it starts a simulator on a free port, keeps it in the invoker's
 * {@code context} map, and hands the forked build its URL and a private cache folder as
 * {@code -D} user properties through {@code context.userProperties}.
 */
public final class ItSupport {

  /** The token of the {@code resemble} server in {@code src/it/settings.xml}. */
  public static final String TOKEN = "it-token-3f9c2a7e51";

  private static final String KEY = "resemble.it";

  private final File basedir;
  private final Map<String, Object> context;
  private ResembleSimulator simulator;
  private WireMockServer proxy;

  private ItSupport(File basedir, Map<String, Object> context) {
    this.basedir = basedir;
    this.context = context;
  }

  /** Starts a simulator that accepts only {@link #TOKEN} and answers within a few hundred ms. */
  public static ItSupport start(File basedir, Map<String, Object> context) {
    return start(basedir, context, options -> { });
  }

  /** Starts a simulator with options adjusted by {@code adjust} (token, processing time, rules). */
  public static ItSupport start(File basedir, Map<String, Object> context,
      Consumer<SimulatorOptions.Builder> adjust) {
    ItSupport it = new ItSupport(basedir, context);
    SimulatorOptions.Builder options = SimulatorOptions.builder()
        .port(0)
        .token(TOKEN)
        .processingTime(Duration.ofMillis(300));
    adjust.accept(options);
    it.simulator = ResembleSimulator.start(options.build());
    context.put(KEY, it);
    it.property("resemble.apiUrl", it.simulator.baseUrl());
    // A cache of its own: the ITs must neither read nor fill the user's ~/.resemble-gate/cache.
    it.property("resemble.cacheDirectory", new File(basedir, "it-cache").getAbsolutePath());
    it.property("resemble.pollInterval", "100ms");
    it.property("resemble.maxPollInterval", "300ms");
    return it;
  }

  /** The support object {@code prebuild.groovy} started. */
  public static ItSupport of(Map<String, Object> context) {
    Object it = context.get(KEY);
    if (it == null) {
      throw new IllegalStateException("prebuild.groovy did not start the simulator");
    }
    return (ItSupport) it;
  }

  public ResembleSimulator simulator() {
    return simulator;
  }

  public Counters counters() {
    return simulator.counters();
  }

  /** Remembers how many requests the simulator has had so far, under {@code mark}. */
  public void markRequests(String mark) {
    context.put(KEY + ".mark." + mark, simulator.counters().totalRequests());
  }

  /** Requests the simulator has had since {@link #markRequests} with the same {@code mark}. */
  public long requestsSince(String mark) {
    Object before = context.get(KEY + ".mark." + mark);
    if (before == null) {
      throw new IllegalStateException("no requests were marked as '" + mark + "'");
    }
    return simulator.counters().totalRequests() - (Long) before;
  }

  /** Passes {@code -Dkey=value} to the build (every invocation of this IT). */
  public ItSupport property(String key, String value) {
    @SuppressWarnings("unchecked")
    Properties userProperties = (Properties) context.get("userProperties");
    userProperties.setProperty(key, value);
    return this;
  }

  /** Points the build at a port nothing listens on: the API is down. */
  public ItSupport apiDown() {
    return property("resemble.apiUrl", "http://127.0.0.1:" + closedPort() + "/api/v2");
  }

  /**
   * Starts a forward HTTP proxy (WireMock's browser proxying) and returns its port; the
   * requests it forwarded are in {@link #proxy()}.
   */
  public int startProxy() {
    proxy = new WireMockServer(WireMockConfiguration.options()
        .bindAddress("127.0.0.1").dynamicPort().enableBrowserProxying(true));
    proxy.start();
    return proxy.port();
  }

  public WireMockServer proxy() {
    return proxy;
  }

  /**
   * Writes small, distinct media files (a WAV tone or a PNG) under the IT folder. Content
   * differs per path so each file is its own detection; a path given twice with {@code =} as
   * in {@code copy.wav=orig.wav} copies the content of another. Returns nothing, so a
   * {@code prebuild.groovy} that ends with it returns null, which the invoker takes as success.
   */
  public void media(String... paths) {
    for (String spec : paths) {
      try {
        String[] parts = spec.split("=", 2);
        Path target = basedir.toPath().resolve(parts[0]);
        Files.createDirectories(target.getParent());
        String seed = parts.length == 2 ? parts[1] : parts[0];
        if (seed.endsWith(".png")) {
          writePng(target, seed);
        } else {
          Files.write(target, wav(seed));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The forked build's log. */
  public String buildLog() {
    return read("build.log");
  }

  /** A file of the IT folder as text. */
  public String read(String relative) {
    try {
      return Files.readString(basedir.toPath().resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops what {@code prebuild.groovy} started; {@code verify.groovy} calls it in a finally. */
  public static void stop(Map<String, Object> context) {
    Object it = context.remove(KEY);
    if (it instanceof ItSupport support) {
      if (support.proxy != null) {
        support.proxy.stop();
      }
      if (support.simulator != null) {
        support.simulator.close();
      }
    }
  }

  static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A 0.1 s, 8 kHz, 8-bit mono tone marked with {@code seed}: about 850 bytes. */
  public static byte[] wav(String seed) {
    int rate = 8000;
    int samples = rate / 10;
    double hz = 200 + Math.floorMod(seed.hashCode(), 1800);
    ByteBuffer b = ByteBuffer.allocate(44 + samples).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples)
        .put("WAVE".getBytes(StandardCharsets.US_ASCII))
        .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
        .putShort((short) 1).putInt(rate).putInt(rate).putShort((short) 1).putShort((short) 8)
        .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples);
    // The seed's bytes open the data, so different seeds never give the same content.
    byte[] mark = seed.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < samples; i++) {
      b.put(i < mark.length ? mark[i] : (byte) (128 + 100 * Math.sin(2 * Math.PI * hz * i / rate)));
    }
    return b.array();
  }

  /** An 8x8 PNG filled with a colour derived from {@code seed}. */
  static void writePng(Path target, String seed) throws IOException {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    int rgb = seed.hashCode() & 0xFFFFFF;
    for (int x = 0; x < 8; x++) {
      for (int y = 0; y < 8; y++) {
        image.setRGB(x, y, rgb);
      }
    }
    ImageIO.write(image, "png", target.toFile());
  }
}
