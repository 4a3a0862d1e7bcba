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

  /**
   * W4: N builds each of three ways, alternating, of a project without media: without any
   * plugin, with {@code resemble:detect}, and with {@code maven-enforcer-plugin:enforce} and one
   * simple rule, the check every Maven user already accepts. Then one build each way logs the
   * classes it loads.
   */
  private void overhead() throws Exception {
    Path without = b.work("w4-without");
    Path with = b.work("w4-with");
    Path enforced = b.work("w4-enforcer");
    writePom(without, "");
    writePom(with, plugin("<onEmpty>WARN</onEmpty>"));
    writePom(enforced, enforcer());
    List<Path> projects = List.of(without, with, enforced);
    List<String> names = List.of("without", "with", "enforcer");
    List<List<Long>> wall = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    List<List<Long>> cpu = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    // One untimed build each way first: the first start reads the wrapper and repository cold,
    // and the online one fills target/local-repo with whatever else resolving the plugins reads.
    for (int k = 0; k < 3; k++) {
      Build warm = maven(projects.get(k), List.of(), "w4-warmup-" + names.get(k), true);
      if (warm.exit() != 0) {
        b.results().note("W4: the build " + names.get(k) + " failed (exit " + warm.exit()
            + "); see " + warm.log());
        return;
      }
    }
    for (int i = 0; i < b.scale(ROUNDS, 3); i++) {
      for (int k = 0; k < 3; k++) {
        Build run = maven(projects.get(k), List.of(), "w4-" + names.get(k) + "-" + i, false);
        wall.get(k).add(run.millis());
        cpu.get(k).add(run.cpuMillis());
      }
    }
    for (int k = 0; k < 3; k++) {
      b.results().raw("W4", names.get(k) + "Millis", wall.get(k));
      b.results().raw("W4", names.get(k) + "CpuMillis", cpu.get(k));
    }
    long plain = median(wall.get(0));
    long gate = median(wall.get(1)) - plain;
    long enforcer = median(wall.get(2)) - plain;
    String w = "W4";
    int n = wall.get(0).size();
    b.results().info(w, "mvn -o verify, no media, without a plugin (median of " + n + ")",
        Units.millis(plain) + " (" + spread(wall.get(0)) + ")");
    b.results().info(w, "the same with resemble:detect / with enforcer:enforce (one rule)",
        Units.millis(median(wall.get(1))) + " (" + spread(wall.get(1)) + ") / "
            + Units.millis(median(wall.get(2))) + " (" + spread(wall.get(2)) + ")");
    b.results().info(w, "added by resemble:detect / by enforcer:enforce (differences of medians)",
        gate + " ms / " + enforcer + " ms");
    b.results().check(w, "resemble:detect's overhead ÷ the enforcer's, same run",
        enforcer > 0 ? Units.ratio((double) gate / enforcer) : "enforcer added nothing",
        "≤ 1.0", gate <= enforcer);
    if (cpu.stream().allMatch(list -> list.stream().allMatch(c -> c >= 0))) {
      // CPU time moves less than wall time when other work shares the machine.
      long plainCpu = median(cpu.get(0));
      b.results().info(w, "CPU (user + system), medians: without / resemble:detect / enforcer",
          Units.millis(plainCpu) + " / " + Units.millis(median(cpu.get(1))) + " (+"
              + (median(cpu.get(1)) - plainCpu) + " ms) / " + Units.millis(median(cpu.get(2)))
              + " (+" + (median(cpu.get(2)) - plainCpu) + " ms)");
    }
    classes(projects, names);
  }

  /** One build each way with a class-load log: how many classes each loads, and from where. */
  private void classes(List<Path> projects, List<String> names) throws Exception {
    List<String> counts = new ArrayList<>();
    for (int k = 0; k < projects.size(); k++) {
      Path log = b.work("logs").resolve("w4-classes-" + names.get(k) + ".txt");
      Files.deleteIfExists(log);
      maven(projects.get(k), List.of(), "w4-classes-" + names.get(k), false,
          "-Xlog:class+load=info:file=" + log);
      List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
      counts.add(lines.size() + " (" + count(lines, "io.github.resemblegate") + " Resemble Gate, "
          + count(lines, "com.fasterxml.jackson") + " Jackson, "
          + count(lines, "okhttp3", "kotlin", "okio") + " OkHttp/Kotlin/okio)");
      b.results().raw("W4", names.get(k) + "ClassesLoaded", lines.size());
    }
    b.results().info("W4", "classes loaded: without / resemble:detect / enforcer",
        String.join(" / ", counts));
  }

  private static long count(List<String> lines, String... prefixes) {
    return lines.stream().filter(l -> {
      for (String p : prefixes) {
        if (l.contains(" " + p + ".")) {
          return true;
        }
      }
      return false;
    }).count();
  }

  /** The enforcer with one simple rule, at the version this project's own build uses. */
  private String enforcer() {
    return """
        <build>
          <plugins>
            <plugin>
              <groupId>org.apache.maven.plugins</groupId>
              <artifactId>maven-enforcer-plugin</artifactId>
              <version>%s</version>
              <executions>
                <execution>
                  <goals><goal>enforce</goal></goals>
                  <configuration>
                    <rules>
                      <requireJavaVersion><version>[17,)</version></requireJavaVersion>
                    </rules>
                  </configuration>
                </execution>
              </executions>
            </plugin>
          </plugins>
        </build>
        """.formatted(System.getProperty("bench.enforcerVersion", "3.6.2"));
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
    return maven(project, extra, name, online, null);
  }

  /** {@code mavenOpts}: options for the Maven JVM ({@code MAVEN_OPTS}), or null for none. */
  private Build maven(Path project, List<String> extra, String name, boolean online,
      String mavenOpts) throws Exception {
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
    if (mavenOpts != null) {
      pb.environment().put("MAVEN_OPTS", mavenOpts);
    }
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
