package io.github.resemblegate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.client.IntakeMode;
import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.Policy;
import io.github.resemblegate.gate.Reaction;
import io.github.resemblegate.gate.VideoScoring;
import io.github.resemblegate.gate.Waiver;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** Every parameter of the goal reaches the core's configuration with the value the POM gave. */
@MojoTest
class GateConfigMappingTest {

  /** Every mapped parameter set to a value that differs from its default. */
  private static final String EVERY_PARAMETER = "<project><build><plugins><plugin>"
      + "<artifactId>resemble-maven-plugin</artifactId><configuration>"
      + "<apiUrl>http://127.0.0.1:1234/api/v2</apiUrl>"
      + "<serverId>resemble-ci</serverId>"
      + "<apiKey>pom-key</apiKey>"
      + "<includes><include>media/**/*.wav</include><include>art/**</include></includes>"
      + "<excludes><exclude>**/draft/**</exclude></excludes>"
      + "<defaultExcludes>false</defaultExcludes>"
      + "<threshold>0.7</threshold>"
      + "<thresholds><audio>0.6</audio><image>0.8</image><video>0.9</video></thresholds>"
      + "<warnThreshold>0.3</warnThreshold>"
      + "<onFlagged>warn</onFlagged>"
      + "<onError>ignore</onError>"
      + "<onNoSpeech>fail</onNoSpeech>"
      + "<onEmpty>FAIL</onEmpty>"
      + "<videoScoring>visual-only</videoScoring>"
      + "<waivers>"
      + "<waiver><sha256>abc123</sha256><reason>licensed synthetic voice</reason></waiver>"
      + "<waiver><path>media/legacy/**</path><reason>re-recorded in Q3</reason><until>2031-01-31</until></waiver>"
      + "</waivers>"
      + "<waiversFile>${project.basedir}/src/test/resources/team-waivers.yaml</waiversFile>"
      + "<reportsDirectory>${project.build.directory}/gate-reports</reportsDirectory>"
      + "<dryRun>true</dryRun>"
      + "<maxFiles>7</maxFiles>"
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
      + "</configuration></plugin></plugins></build></project>";

  /** One row per parameter: where its value lands in the GateConfig and what it must be. */
  private record Row(String parameter, Function<GateConfig, Object> actual, Object expected) {}

  private static List<Row> rows(Path base) {
    Path target = base.resolve("target");
    return List.of(
        new Row("apiUrl", GateConfig::apiUrl, "http://127.0.0.1:1234/api/v2"),
        new Row("serverId", GateConfig::tokenAdvice, TokenResolver.advice("resemble-ci")),
        new Row("apiKey", GateConfig::token, ApiToken.of("pom-key")),
        new Row("includes", GateConfig::includes, List.of("media/**/*.wav", "art/**")),
        new Row("excludes", GateConfig::excludes, List.of("**/draft/**")),
        new Row("defaultExcludes", GateConfig::defaultExcludes, false),
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
            new Waiver("abc123", null, "licensed synthetic voice", null),
            new Waiver(null, "media/legacy/**", "re-recorded in Q3", LocalDate.of(2031, 1, 31)))),
        new Row("waiversFile", c -> c.policy().waivers().subList(2, c.policy().waivers().size()),
            List.of(new Waiver(null, "media/jingles/**", "Synthetic jingles made on purpose",
                LocalDate.of(2032, 6, 30)))),
        new Row("reportsDirectory", GateConfig::reportsDirectory, target.resolve("gate-reports")),
        new Row("dryRun", GateConfig::dryRun, true),
        new Row("maxFiles", GateConfig::maxFiles, 7),
        new Row("timeout", GateConfig::timeout, Duration.ofSeconds(90)),
        new Row("cacheDirectory", GateConfig::cacheDirectory, target.resolve("gate-cache")),
        new Row("refresh", GateConfig::refresh, true),
        new Row("concurrency", GateConfig::concurrency, 2),
        new Row("intakeMode", GateConfig::intakeMode, IntakeMode.ZIP),
        new Row("maxFilesPerBatch", GateConfig::maxFilesPerBatch, 10),
        new Row("maxBytesPerBatch", GateConfig::maxBytesPerBatch, 1_000_000L),
        new Row("connectTimeout", GateConfig::connectTimeout, Duration.ofSeconds(3)),
        new Row("readTimeout", GateConfig::readTimeout, Duration.ofSeconds(45)),
        new Row("requestsPerSecond", GateConfig::requestsPerSecond, 5.0),
        new Row("retryBudget", GateConfig::retryBudget, Duration.ofSeconds(20)),
        new Row("maxRetries", GateConfig::maxRetries, 2),
        new Row("pollInterval", GateConfig::pollInitial, Duration.ofMillis(250)),
        new Row("maxPollInterval", GateConfig::pollMax, Duration.ofSeconds(1)),
        new Row("callbackUrl", c -> c.batchOptions().callbackUrl(), "https://hooks.example.com/resemble"),
        new Row("intelligence", c -> c.batchOptions().intelligence(), true),
        new Row("searchIdentity", c -> c.batchOptions().searchIdentity(), true),
        new Row("visualize", c -> c.batchOptions().visualize(), false),
        new Row("audioSourceTracing", c -> c.batchOptions().audioSourceTracing(), true),
        new Row("frameLength", c -> c.batchOptions().frameLength(), 3),
        new Row("startRegion", c -> c.batchOptions().startRegion(), 1.5),
        new Row("endRegion", c -> c.batchOptions().endRegion(), 9.5),
        new Row("maxVideoSecs", c -> c.batchOptions().maxVideoSecs(), 30.0),
        new Row("useLlm", c -> c.batchOptions().useLlm(), true),
        new Row("zeroRetentionMode", c -> c.batchOptions().zeroRetentionMode(), true));
  }

  /** Parameters that do not land in GateConfig, and where they act instead. */
  static final Map<String, String> NOT_IN_GATE_CONFIG = Map.of(
      "skip", "checked by the mojo before anything runs",
      "formats", "chooses the report writers (AbstractDetectMojo.reportFormats)",
      "proxyId", "selects the settings.xml proxy (ProxyResolverTest, DetectMojoSettingsTest)");

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
  void theTableCoversEveryParameterOfTheGoal() throws Exception {
    Set<String> covered = new java.util.TreeSet<>(NOT_IN_GATE_CONFIG.keySet());
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
    Set<String> mavenSpecific = Set.of("includes", "tokenAdvice", "userAgentSuffix",
        "reportsDirectory", "token");
    List<String> compared = new ArrayList<>();
    SoftAssertions softly = new SoftAssertions();
    for (RecordComponent component : GateConfig.class.getRecordComponents()) {
      if (mavenSpecific.contains(component.getName())) {
        continue;
      }
      Object ours = component.getAccessor().invoke(config);
      Object theirs = component.getAccessor().invoke(core);
      softly.assertThat(ours).as(component.getName()).isEqualTo(theirs);
      compared.add(component.getName());
    }
    softly.assertAll();
    assertThat(compared).contains("policy", "batchOptions", "timeout", "apiUrl", "cacheDirectory");
    assertThat(config.policy()).isEqualTo(Policy.DEFAULT);
    assertThat(config.batchOptions()).isEqualTo(BatchOptions.DEFAULTS);
    assertThat(config.includes())
        .containsExactly("src/main/resources/**", "src/main/media/**", "target/classes/**");
    assertThat(config.reportsDirectory()).isEqualTo(base.resolve("target").resolve("resemble"));
    assertThat(config.userAgentSuffix()).isEqualTo("maven-plugin");
    assertThat(config.tokenAdvice()).isEqualTo(TokenResolver.advice("resemble"));
  }

  @Test
  @InjectMojo(goal = "detect", pom = "<project><build><plugins><plugin>"
      + "<artifactId>resemble-maven-plugin</artifactId><configuration>"
      + "<onFlagged>maybe</onFlagged>"
      + "</configuration></plugin></plugins></build></project>")
  void aWrongReactionNamesTheParameter(DetectMojo mojo) {
    mojo.setLog(new RecordingLog());
    assertThatThrownBy(mojo::gateConfig)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("onFlagged must be FAIL, WARN or IGNORE, not 'maybe'.");
  }

  @Test
  @InjectMojo(goal = "detect", pom = "<project><build><plugins><plugin>"
      + "<artifactId>resemble-maven-plugin</artifactId><configuration>"
      + "<timeout>soon</timeout>"
      + "</configuration></plugin></plugins></build></project>")
  void aWrongDurationNamesTheParameter(DetectMojo mojo) {
    mojo.setLog(new RecordingLog());
    assertThatThrownBy(mojo::gateConfig)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("timeout must be a duration such as 500ms, 90s, 30m or 1h, not 'soon'.");
  }

  @Test
  @InjectMojo(goal = "detect", pom = "<project><build><plugins><plugin>"
      + "<artifactId>resemble-maven-plugin</artifactId><configuration>"
      + "<threshold>1.5</threshold>"
      + "</configuration></plugin></plugins></build></project>")
  void aThresholdOutsideZeroToOneIsRefusedByTheCore(DetectMojo mojo) {
    mojo.setLog(new RecordingLog());
    assertThatThrownBy(mojo::gateConfig)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("threshold must be between 0 and 1 (a deepfake probability), not 1.5.");
  }

  @Test
  @InjectMojo(goal = "detect", pom = "<project><build><plugins><plugin>"
      + "<artifactId>resemble-maven-plugin</artifactId><configuration>"
      + "<waivers><waiver><path>a.wav</path><reason>ok</reason><until>31.12.2030</until></waiver></waivers>"
      + "</configuration></plugin></plugins></build></project>")
  void aWaiverDateInTheWrongFormatExplains(DetectMojo mojo) {
    mojo.setLog(new RecordingLog());
    assertThatThrownBy(mojo::gateConfig)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("The <until> of the waiver for a.wav must be a date written YYYY-MM-DD, not '31.12.2030'.");
  }

  @Test
  @InjectMojo(goal = "detect", pom = "<project><build><plugins><plugin>"
      + "<artifactId>resemble-maven-plugin</artifactId><configuration>"
      + "<waiversFile>${project.basedir}/no-such-waivers.yaml</waiversFile>"
      + "</configuration></plugin></plugins></build></project>")
  void aMissingWaiverFileStopsTheBuildBeforeAnyUpload(DetectMojo mojo) {
    mojo.setLog(new RecordingLog());
    assertThatThrownBy(mojo::gateConfig)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("no-such-waivers.yaml");
  }

  @Test
  @InjectMojo(goal = "detect", pom = "<project><build><plugins><plugin>"
      + "<artifactId>resemble-maven-plugin</artifactId><configuration>"
      + "<formats>json,pdf</formats>"
      + "</configuration></plugin></plugins></build></project>")
  void anUnknownReportFormatIsRefusedBeforeAnythingRuns(DetectMojo mojo) {
    assertThatThrownBy(mojo::reportFormats)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("Unknown report format 'pdf'; use any of json, junit, sarif, html, md (or all).");
  }

  @Test
  @InjectMojo(goal = "detect", pom = "<project><build><plugins><plugin>"
      + "<artifactId>resemble-maven-plugin</artifactId><configuration>"
      + "<apiUrl>app.resemble.ai</apiUrl>"
      + "</configuration></plugin></plugins></build></project>")
  void anApiUrlWithoutSchemeExplains(DetectMojo mojo) {
    mojo.setLog(new RecordingLog());
    assertThatThrownBy(mojo::gateConfig)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("apiUrl must be an http(s) URL such as https://app.resemble.ai/api/v2, not 'app.resemble.ai'.");
  }
}
