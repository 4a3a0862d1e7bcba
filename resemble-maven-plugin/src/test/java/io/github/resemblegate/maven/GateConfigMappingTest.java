package io.github.resemblegate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.client.IntakeMode;
import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.gate.GateConfig.Shard;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.gate.policy.Reaction;
import io.github.resemblegate.gate.policy.VideoScoring;
import io.github.resemblegate.gate.policy.Waiver;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The Maven binding: every parameter of the goal reaches the core's configuration with the value
 * the POM gave, under the name of its setting. What each setting means is the core's to test.
 */
@MojoTest
class GateConfigMappingTest {

  /** The SHA-256 of a licensed file, for an inline waiver. */
  private static final String LICENSED =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  /** Every parameter set to a value that differs from its default. */
  private static final String EVERY_PARAMETER = "<project><build><plugins><plugin>"
      + "<artifactId>resemble-maven-plugin</artifactId><configuration>"
      + "<apiUrl>http://127.0.0.1:1234/api/v2</apiUrl>"
      + "<serverId>resemble-ci</serverId>"
      + "<apiKey>pom-key</apiKey>"
      + "<includes><include>media/**/*.wav</include><include>art/**</include></includes>"
      + "<excludes><exclude>**/draft/**</exclude></excludes>"
      + "<defaultExcludes>false</defaultExcludes>"
      + "<archives>false</archives>"
      + "<threshold>0.7</threshold>"
      + "<thresholds><audio>0.6</audio><image>0.8</image><video>0.9</video></thresholds>"
      + "<warnThreshold>0.3</warnThreshold>"
      + "<onFlagged>warn</onFlagged>"
      + "<onError>ignore</onError>"
      + "<onNoSpeech>fail</onNoSpeech>"
      + "<onEmpty>FAIL</onEmpty>"
      + "<videoScoring>visual-only</videoScoring>"
      + "<waivers>"
      + "<waiver><sha256>" + LICENSED + "</sha256><reason>licensed synthetic voice</reason></waiver>"
      + "<waiver><path>media/legacy/**</path><reason>re-recorded in Q3</reason><until>2031-01-31</until></waiver>"
      + "</waivers>"
      + "<waiversFile>${project.basedir}/src/test/resources/team-waivers.yaml</waiversFile>"
      + "<reportsDirectory>${project.build.directory}/gate-reports</reportsDirectory>"
      + "<formats>json,junit</formats>"
      + "<dryRun>true</dryRun>"
      + "<shard>2/3</shard>"
      + "<maxFiles>7</maxFiles>"
      + "<maxBytes>2000000000</maxBytes>"
      + "<maxMediaMinutes>45</maxMediaMinutes>"
      + "<timeout>90s</timeout>"
      + "<cacheDirectory>${project.build.directory}/gate-cache</cacheDirectory>"
      + "<refresh>true</refresh>"
      + "<concurrency>2</concurrency>"
      + "<intakeMode>zip</intakeMode>"
      + "<maxFilesPerBatch>10</maxFilesPerBatch>"
      + "<maxBytesPerBatch>1000000</maxBytesPerBatch>"
      + "<connectTimeout>3s</connectTimeout>"
      + "<readTimeout>45s</readTimeout>"
      + "<requestsPerSecond>5</requestsPerSecond>"
      + "<retryBudget>20s</retryBudget>"
      + "<maxRetries>2</maxRetries>"
      + "<pollInterval>250ms</pollInterval>"
      + "<maxPollInterval>1s</maxPollInterval>"
      + "<callbackUrl>https://hooks.example.com/resemble</callbackUrl>"
      + "<intelligence>true</intelligence>"
      + "<searchIdentity>true</searchIdentity>"
      + "<visualize>false</visualize>"
      + "<audioSourceTracing>true</audioSourceTracing>"
      + "<frameLength>3</frameLength>"
      + "<startRegion>1.5</startRegion>"
      + "<endRegion>9.5</endRegion>"
      + "<maxVideoSecs>30</maxVideoSecs>"
      + "<useLlm>true</useLlm>"
      + "<zeroRetentionMode>true</zeroRetentionMode>"
      + "<modelTypes>talking_head</modelTypes>"
      + "<useReverseSearch>true</useReverseSearch>"
      + "<useOodDetector>true</useOodDetector>"
      + "<maxVideoFps>2.5</maxVideoFps>"
      + "</configuration></plugin></plugins></build></project>";

  /** One row per parameter: where its value lands in the GateConfig and what it must be. */
  private record Row(String parameter, Function<GateConfig, Object> actual, Object expected) {}

  private static List<Row> rows(Path base) {
    Path target = base.resolve("target");
    return List.of(
        new Row("apiUrl", c -> c.api().url(), "http://127.0.0.1:1234/api/v2"),
        new Row("serverId", c -> c.api().tokenAdvice(), TokenResolver.advice("resemble-ci")),
        new Row("apiKey", c -> c.api().token(), ApiToken.of("pom-key")),
        new Row("includes", c -> c.scan().includes(), List.of("media/**/*.wav", "art/**")),
        new Row("excludes", c -> c.scan().excludes(), List.of("**/draft/**")),
        new Row("defaultExcludes", c -> c.scan().defaultExcludes(), false),
        new Row("archives", c -> c.scan().archives(), false),
        new Row("threshold", c -> c.policy().threshold(), 0.7),
        new Row("thresholds", c -> c.policy().thresholds(),
            Map.of(MediaType.AUDIO, 0.6, MediaType.IMAGE, 0.8, MediaType.VIDEO, 0.9)),
        new Row("warnThreshold", c -> c.policy().warnThreshold(), 0.3),
        new Row("onFlagged", c -> c.policy().onFlagged(), Reaction.WARN),
        new Row("onError", c -> c.policy().onError(), Reaction.IGNORE),
        new Row("onNoSpeech", c -> c.policy().onNoSpeech(), Reaction.FAIL),
        new Row("onEmpty", c -> c.policy().onEmpty(), Reaction.FAIL),
        new Row("videoScoring", c -> c.policy().videoScoring(), VideoScoring.VISUAL_ONLY),
        new Row("waivers", c -> c.policy().waivers().subList(0, 2), List.of(
            new Waiver(LICENSED, null, "licensed synthetic voice", null),
            new Waiver(null, "media/legacy/**", "re-recorded in Q3", LocalDate.of(2031, 1, 31)))),
        new Row("waiversFile", c -> c.policy().waivers().subList(2, c.policy().waivers().size()),
            List.of(new Waiver(null, "media/jingles/**", "Synthetic jingles made on purpose",
                LocalDate.of(2032, 6, 30)))),
        new Row("reportsDirectory", c -> c.reports().directory(), target.resolve("gate-reports")),
        new Row("formats", c -> c.reports().formats(), Set.of(ReportFormat.JSON, ReportFormat.JUNIT)),
        new Row("dryRun", GateConfig::dryRun, true),
        new Row("shard", c -> c.scan().shard(), new Shard(2, 3)),
        new Row("maxFiles", c -> c.budget().maxFiles(), 7),
        new Row("maxBytes", c -> c.budget().maxBytes(), 2_000_000_000L),
        new Row("maxMediaMinutes", c -> c.budget().maxMediaMinutes(), 45L),
        new Row("timeout", c -> c.budget().timeout(), Duration.ofSeconds(90)),
        new Row("cacheDirectory", c -> c.cache().directory(), target.resolve("gate-cache")),
        new Row("refresh", c -> c.cache().refresh(), true),
        new Row("concurrency", c -> c.api().limits().concurrency(), 2),
        new Row("intakeMode", c -> c.api().intakeMode(), IntakeMode.ZIP),
        new Row("maxFilesPerBatch", c -> c.api().limits().maxFilesPerBatch(), 10),
        new Row("maxBytesPerBatch", c -> c.api().limits().maxBytesPerBatch(), 1_000_000L),
        new Row("connectTimeout", c -> c.api().limits().connectTimeout(), Duration.ofSeconds(3)),
        new Row("readTimeout", c -> c.api().limits().readTimeout(), Duration.ofSeconds(45)),
        new Row("requestsPerSecond", c -> c.api().limits().requestsPerSecond(), 5.0),
        new Row("retryBudget", c -> c.api().limits().retryBudget(), Duration.ofSeconds(20)),
        new Row("maxRetries", c -> c.api().limits().maxRetries(), 2),
        new Row("pollInterval", c -> c.api().limits().pollInterval(), Duration.ofMillis(250)),
        new Row("maxPollInterval", c -> c.api().limits().maxPollInterval(), Duration.ofSeconds(1)),
        new Row("callbackUrl", c -> c.api().options().callbackUrl(),
            "https://hooks.example.com/resemble"),
        new Row("intelligence", c -> c.api().options().intelligence(), true),
        new Row("searchIdentity", c -> c.api().options().searchIdentity(), true),
        new Row("visualize", c -> c.api().options().visualize(), false),
        new Row("audioSourceTracing", c -> c.api().options().audioSourceTracing(), true),
        new Row("frameLength", c -> c.api().options().frameLength(), 3),
        new Row("startRegion", c -> c.api().options().startRegion(), 1.5),
        new Row("endRegion", c -> c.api().options().endRegion(), 9.5),
        new Row("maxVideoSecs", c -> c.api().options().maxVideoSecs(), 30.0),
        new Row("useLlm", c -> c.api().options().useLlm(), true),
        new Row("zeroRetentionMode", c -> c.api().options().zeroRetentionMode(), true),
        new Row("modelTypes", c -> c.api().singleOptions().modelTypes(), "talking_head"),
        new Row("useReverseSearch", c -> c.api().singleOptions().useReverseSearch(), true),
        new Row("useOodDetector", c -> c.api().singleOptions().useOodDetector(), true),
        new Row("maxVideoFps", c -> c.api().singleOptions().maxVideoFps(), 2.5));
  }

  /** Parameters the table above cannot show, and where they are bound instead. */
  static final Map<String, String> BOUND_ELSEWHERE = Map.of(
      "skip", "checked by the mojo before anything runs (DetectMojoExecuteTest)",
      "proxyId", "selects the settings.xml proxy (ProxyResolverTest, DetectMojoSettingsTest)",
      "cache", "false drops cacheDirectory, so it has a POM of its own (cacheFalseTurnsTheCacheOff)");

  @Test
  @InjectMojo(goal = "detect", pom = EVERY_PARAMETER)
  void everyParameterReachesTheGateConfig(DetectMojo mojo) throws Exception {
    mojo.setLog(new RecordingLog());
    GateConfig config = mojo.gateConfig();

    SoftAssertions softly = new SoftAssertions();
    for (Row row : rows(mojo.project.getBasedir().toPath().toAbsolutePath().normalize())) {
      softly.assertThat(row.actual().apply(config)).as(row.parameter()).isEqualTo(row.expected());
    }
    softly.assertAll();
  }

  @Test
  @InjectMojo(goal = "detect", pom = "<project><build><plugins><plugin>"
      + "<artifactId>resemble-maven-plugin</artifactId><configuration>"
      + "<cache>false</cache>"
      + "<cacheDirectory>${project.build.directory}/gate-cache</cacheDirectory>"
      + "</configuration></plugin></plugins></build></project>")
  void cacheFalseTurnsTheCacheOff(DetectMojo mojo) throws Exception {
    mojo.setLog(new RecordingLog());

    assertThat(mojo.gateConfig().cache().enabled()).isFalse();
  }

  @Test
  @InjectMojo(goal = "detect")
  void mavenOfflineMakesARunThatJudgesFromTheCacheAlone(DetectMojo mojo) throws Exception {
    mojo.setLog(new RecordingLog());
    when(mojo.session.isOffline()).thenReturn(true);

    assertThat(mojo.gateConfig().mode())
        .isEqualTo(new GateConfig.Mode.Offline("Maven is offline (-o)"));
  }

  @Test
  void theTableCoversEveryParameterOfTheGoal() throws Exception {
    Set<String> covered = new TreeSet<>(BOUND_ELSEWHERE.keySet());
    rows(Path.of("x")).forEach(r -> covered.add(r.parameter()));

    assertThat(covered).containsExactlyInAnyOrderElementsOf(
        PluginDescriptor.load().editableParameterNames("detect"));
  }

  @Test
  @InjectMojo(goal = "detect")
  void defaultsAreTheCoresDefaults(DetectMojo mojo) throws Exception {
    mojo.setLog(new RecordingLog());
    GateConfig config = mojo.gateConfig();
    Path base = mojo.project.getBasedir().toPath().toAbsolutePath().normalize();
    GateConfig core = GateConfig.builder().baseDirectory(base).build();

    // The plugin deliberately differs from the core's neutral defaults in these.
    Set<String> mavenSpecific = Set.of("scan.includes", "api.token", "api.tokenAdvice",
        "api.userAgentSuffix", "reports.directory");
    Map<String, Object> ours = leaves("", config);
    Map<String, Object> theirs = leaves("", core);
    mavenSpecific.forEach(ours::remove);
    mavenSpecific.forEach(theirs::remove);
    assertThat(ours).containsKeys("policy.threshold", "api.options.frameLength", "budget.timeout",
        "api.url", "cache.directory", "api.limits.pollInterval", "reports.formats");
    assertThat(ours).isEqualTo(theirs);
    assertThat(config.policy()).isEqualTo(Policy.DEFAULT);
    assertThat(config.api().options()).isEqualTo(BatchOptions.DEFAULTS);
    assertThat(config.scan().includes())
        .containsExactly("src/main/resources/**", "src/main/media/**", "target/classes/**");
    assertThat(config.reports().directory()).isEqualTo(base.resolve("target").resolve("resemble"));
    assertThat(config.api().userAgentSuffix()).isEqualTo("maven-plugin");
    assertThat(config.api().tokenAdvice()).isEqualTo(TokenResolver.advice("resemble"));
  }

  /** Every value of nested records by its path, such as {@code api.limits.concurrency}. */
  private static Map<String, Object> leaves(String path, Object value) throws Exception {
    Map<String, Object> leaves = new TreeMap<>();
    RecordComponent[] components = value instanceof Record
        ? value.getClass().getRecordComponents() : new RecordComponent[0];
    if (components.length == 0) {
      leaves.put(path, value);
      return leaves;
    }
    for (RecordComponent c : components) {
      Object v = c.getAccessor().invoke(value);
      String p = path.isEmpty() ? c.getName() : path + "." + c.getName();
      if (v == null) {
        leaves.put(p, null);
      } else {
        leaves.putAll(leaves(p, v));
      }
    }
    return leaves;
  }
}
