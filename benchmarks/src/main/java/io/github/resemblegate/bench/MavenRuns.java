package io.github.resemblegate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gate as a Maven build: W4 (what {@code resemble:detect} adds to a build that has no media,
 * against the same build without the plugin) and W1 again through {@code mvn verify}. The plugin
 * comes from {@code target/local-repo}, staged there by the invoker plugin's {@code install} goal
 * in this module's build; that folder is the builds' only local repository. Online builds read
 * anything else from the main local repository as a {@code file:} mirror (never writing to it), so
 * no build touches the network; the timed W4 builds run offline ({@code -o}).
 */
final class MavenRuns {

  static final int ROUNDS = 9;
  /** GNU time: reports the CPU time of the build's whole process tree when it exits. */
  static final Path GNU_TIME = Path.of("/usr/bin/time");

  private final Bench b;
  private final Path localRepo;
  private final Path settings;

  MavenRuns(Bench b) {
    this.b = b;
    this.localRepo = b.out().resolve("local-repo");
    this.settings = b.work("maven-settings.xml");
  }

  void run(Path w1Tree, int w1Files) throws Exception {
    Path staged = localRepo.resolve("io/github/resemblegate/resemble-maven-plugin")
        .resolve(b.pluginVersion());
    if (!Files.isDirectory(staged)) {
      b.results().note("W4 skipped: the plugin is not staged in " + localRepo + " (the"
          + " invoker:install execution of the benchmarks module puts it there).");
      return;
    }
    Files.createDirectories(settings.getParent());
    Files.writeString(settings, """
        <settings>
          <mirrors>
            <mirror>
              <id>main-local-repository</id>
              <mirrorOf>*</mirrorOf>
              <url>%s</url>
            </mirror>
          </mirrors>
        </settings>
        """.formatted(Path.of(System.getProperty("bench.userRepo",
        System.getProperty("user.home") + "/.m2/repository")).toUri()), StandardCharsets.UTF_8);
    overhead();
    w1(w1Tree, w1Files);
  }

  /** W4: N builds each way, alternating, of a project without media. */
  private void overhead() throws Exception {
    Path without = b.work("w4-without");
    Path with = b.work("w4-with");
    writePom(without, "");
    writePom(with, plugin("<onEmpty>WARN</onEmpty>"));
    List<Long> plain = new ArrayList<>();
    List<Long> gated = new ArrayList<>();
    List<Long> plainCpu = new ArrayList<>();
    List<Long> gatedCpu = new ArrayList<>();
    // One untimed build each way first: the first start reads the wrapper and repository cold,
    // and the online one fills target/local-repo with whatever else resolving the plugin reads.
    maven(without, List.of(), "w4-warmup-without", true);
    Build warm = maven(with, List.of(), "w4-warmup-with", true);
    if (warm.exit() != 0) {
      b.results().note("W4: the build with the plugin failed (exit " + warm.exit() + "); see "
          + warm.log());
      return;
    }
    for (int i = 0; i < b.scale(ROUNDS, 3); i++) {
      Build p = maven(without, List.of(), "w4-without-" + i, false);
      Build g = maven(with, List.of(), "w4-with-" + i, false);
      plain.add(p.millis());
      gated.add(g.millis());
      plainCpu.add(p.cpuMillis());
      gatedCpu.add(g.cpuMillis());
    }
    long medianPlain = median(plain);
    long medianGated = median(gated);
    long added = medianGated - medianPlain;
    b.results().raw("W4", "withoutMillis", plain);
    b.results().raw("W4", "withMillis", gated);
    b.results().raw("W4", "withoutCpuMillis", plainCpu);
    b.results().raw("W4", "withCpuMillis", gatedCpu);
    String w = "W4";
    b.results().info(w, "mvn -o verify, no media, without the plugin (median of " + plain.size()
        + ")", Units.millis(medianPlain) + " (" + spread(plain) + ")");
    b.results().info(w, "the same with resemble:detect (median of " + gated.size() + ")",
        Units.millis(medianGated) + " (" + spread(gated) + ")");
    b.results().check(w, "added by the plugin (difference of medians)", added + " ms",
        "< 300 ms", added < 300);
    if (plainCpu.stream().allMatch(c -> c >= 0)) {
      // CPU time moves less than wall time when other work shares the machine.
      b.results().info(w, "CPU time (user + system) without / with the plugin, medians",
          Units.millis(median(plainCpu)) + " / " + Units.millis(median(gatedCpu)) + " (+"
              + (median(gatedCpu) - median(plainCpu)) + " ms)");
    }
  }

  /** W1 through {@code mvn verify}: the tree gets a POM, the plugin scans it. */
  private void w1(Path tree, int files) throws Exception {
    Path cache = b.work("w1-maven-cache");
    Trees.delete(cache);
    Files.writeString(tree.resolve("pom.xml"), pom(plugin(
        "<includes><include>part-*/*.wav</include></includes><onFlagged>WARN</onFlagged>")),
        StandardCharsets.UTF_8);
    b.sim().reset();
    Build build = maven(tree, List.of("-Dresemble.apiUrl=" + b.sim().baseUrl(),
        "-Dresemble.cacheDirectory=" + cache), "w1-maven", true);
    JsonNode c = b.sim().counters();
    b.results().raw("W1-maven", "millis", build.millis());
    b.results().raw("W1-maven", "vmHwmKb", build.peakRssKb());
    b.results().raw("W1-maven", "simulatorCounters", c);
    String w = "W1";
    if (build.exit() != 0) {
      b.results().check(w, "as a Maven build: mvn verify", "failed (exit " + build.exit()
          + "), see " + build.log(), "passes", false);
      return;
    }
    long requests = c.path("totalRequests").asLong();
    b.results().info(w, "as a Maven build: mvn verify (whole build, JVM start included)",
        Units.millis(build.millis()) + ", " + String.format(Locale.ROOT, "%.3f", (double) requests
            / files) + " requests per file, peak " + c.path("peakRequestsPerSecond").asLong()
            + " req/s");
    b.results().info(w, "as a Maven build: peak RSS of the Maven JVM (sampled VmHWM)",
        build.peakRssKb() > 0 ? Units.mib(build.peakRssKb() * 1024) : "not measured");
    Files.deleteIfExists(tree.resolve("pom.xml"));
    Trees.delete(tree.resolve("target"));
  }

  private String plugin(String configuration) {
    return """
        <build>
          <plugins>
            <plugin>
              <groupId>io.github.resemblegate</groupId>
              <artifactId>resemble-maven-plugin</artifactId>
              <version>%s</version>
              <executions>
                <execution>
                  <goals><goal>detect</goal></goals>
                </execution>
              </executions>
              <configuration>%s</configuration>
            </plugin>
          </plugins>
        </build>
        """.formatted(b.pluginVersion(), configuration);
  }

  private void writePom(Path dir, String build) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("pom.xml"), pom(build), StandardCharsets.UTF_8);
  }

  private static String pom(String build) {
    return """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>bench</groupId>
          <artifactId>sample</artifactId>
          <version>1</version>
          <packaging>pom</packaging>
          <properties>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          %s
        </project>
        """.formatted(build);
  }

  /** A finished build: exit code, wall time, CPU time of its processes (-1 unknown), peak RSS. */
  record Build(int exit, long millis, long cpuMillis, long peakRssKb, Path log) {}

  private Build maven(Path project, List<String> extra, String name, boolean online)
      throws Exception {
    Path log = b.work("logs").resolve(name + ".log");
    Files.createDirectories(log.getParent());
    Path times = b.work("logs").resolve(name + ".time");
    Files.deleteIfExists(times);
    List<String> cmd = new ArrayList<>();
    if (Files.isExecutable(GNU_TIME)) {
      cmd.addAll(List.of(GNU_TIME.toString(), "-f", "%U %S", "-o", times.toString()));
    }
    cmd.addAll(Arrays.asList(b.repoRoot().resolve("mvnw").toString(),
        "-B", "-s", settings.toString(), "-Dmaven.repo.local=" + localRepo, "-f",
        project.resolve("pom.xml").toString()));
    if (!online) {
      cmd.add("-o");
    }
    cmd.addAll(extra);
    cmd.add("verify");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("RESEMBLE_API_KEY", b.token());
    pb.environment().remove("MAVEN_OPTS");
    long t0 = System.nanoTime();
    Process p = pb.start();
    AtomicLong peak = new AtomicLong(-1);
    Thread sampler = new Thread(() -> {
      while (p.isAlive()) {
        long kb = Rss.highWaterKb(p.pid());
        for (ProcessHandle h : p.descendants().toList()) {
          kb = Math.max(kb, Rss.highWaterKb(h.pid()));
        }
        peak.accumulateAndGet(kb, Math::max);
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "rss-sampler");
    sampler.setDaemon(true);
    sampler.start();
    if (!p.waitFor(15, TimeUnit.MINUTES)) {
      p.destroyForcibly().waitFor();
      throw new IllegalStateException(name + ": Maven did not finish in 15 minutes; see " + log);
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    sampler.interrupt();
    return new Build(p.exitValue(), millis, cpuMillis(times), peak.get(), log);
  }

  /** User plus system seconds as GNU time wrote them, in milliseconds; -1 when unknown. */
  private static long cpuMillis(Path times) {
    try {
      String[] f = Files.readString(times).strip().split("\\s+");
      return Math.round((Double.parseDouble(f[f.length - 2]) + Double.parseDouble(f[f.length - 1]))
          * 1000);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static String spread(List<Long> values) {
    long min = values.stream().mapToLong(Long::longValue).min().orElse(0);
    long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
    return Units.millis(min) + "–" + Units.millis(max);
  }
}
