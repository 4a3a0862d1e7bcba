package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.gate.policy.Reaction;
import io.github.resemblegate.gate.settings.Defaults;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs saved by the version before the settings catalogue load with their values under the new
 * names (Jenkins' advice for a renamed field: keep the old one transient, move it in
 * readResolve), and save only the new names from then on.
 */
class SavedJobMigrationTest {

  @TempDir Path workspace;

  /** What the previous version wrote for a step whose every setting was changed. */
  private static final String OLD_JOB = """
      <io.github.resemblegate.jenkins.ResembleDetectBuilder>
        <includes>media/**/*.wav</includes>
        <excludes>media/tmp/**</excludes>
        <credentialsId>resemble-api-key</credentialsId>
        <threshold>0.6</threshold>
        <audioThreshold>0.7</audioThreshold>
        <warnThreshold>0.3</warnThreshold>
        <onFlagged>UNSTABLE</onFlagged>
        <onError>FAILURE</onError>
        <onNoSpeech>UNSTABLE</onNoSpeech>
        <apiUrl></apiUrl>
        <timeoutMinutes>10</timeoutMinutes>
        <retryBudgetSeconds>90</retryBudgetSeconds>
        <maxRetries>3</maxRetries>
        <maxFiles>200</maxFiles>
        <dryRun>false</dryRun>
        <waivers>ci/waivers.yaml</waivers>
        <formats></formats>
        <reportsDir>out/resemble</reportsDir>
        <cache>true</cache>
        <cacheDir>.cache/resemble</cacheDir>
        <refresh>false</refresh>
        <intelligence>false</intelligence>
        <visualize>true</visualize>
        <frameLength>2</frameLength>
        <useLlm>false</useLlm>
        <zeroRetentionMode>false</zeroRetentionMode>
        <searchIdentity>false</searchIdentity>
        <audioSourceTracing>false</audioSourceTracing>
        <callbackUrl></callbackUrl>
      </io.github.resemblegate.jenkins.ResembleDetectBuilder>
      """;

  /** What the previous version wrote for a step left at its defaults. */
  private static final String OLD_DEFAULT_JOB = """
      <io.github.resemblegate.jenkins.ResembleDetectBuilder>
        <includes>media/**</includes>
        <excludes></excludes>
        <credentialsId></credentialsId>
        <threshold>0.5</threshold>
        <onFlagged>FAILURE</onFlagged>
        <onError>FAILURE</onError>
        <onNoSpeech>IGNORE</onNoSpeech>
        <apiUrl></apiUrl>
        <timeoutMinutes>30</timeoutMinutes>
        <retryBudgetSeconds>120</retryBudgetSeconds>
        <maxRetries>5</maxRetries>
        <maxFiles>1000</maxFiles>
        <dryRun>false</dryRun>
        <waivers></waivers>
        <formats></formats>
        <reportsDir>resemble-reports</reportsDir>
        <cache>true</cache>
        <cacheDir></cacheDir>
        <refresh>false</refresh>
        <intelligence>false</intelligence>
        <visualize>false</visualize>
        <useLlm>false</useLlm>
        <zeroRetentionMode>false</zeroRetentionMode>
        <searchIdentity>false</searchIdentity>
        <audioSourceTracing>false</audioSourceTracing>
        <callbackUrl></callbackUrl>
      </io.github.resemblegate.jenkins.ResembleDetectBuilder>
      """;

  @Test
  void oldNamesMoveToTheNewFields() throws Exception {
    ResembleDetectBuilder b = SavedJobs.load(ResembleDetectBuilder.class, OLD_JOB);

    assertThat(b.getTimeout()).isEqualTo("10m");
    assertThat(b.getRetryBudget()).isEqualTo("90s");
    assertThat(b.getReportsDirectory()).isEqualTo("out/resemble");
    assertThat(b.getCacheDirectory()).isEqualTo(".cache/resemble");
    assertThat(b.getWaiversFile()).isEqualTo("ci/waivers.yaml");
    assertThat(b.getMaxRetries()).isEqualTo(3);
    assertThat(b.getMaxFiles()).isEqualTo(200);
    assertThat(b.getAudioThreshold()).isEqualTo(0.7);
    assertThat(b.getVisualize()).isTrue();
    assertThat(b.getFrameLength()).isEqualTo(2);
  }

  @Test
  void savedJenkinsReactionsBecomeTheCataloguesWords() throws Exception {
    ResembleDetectBuilder b = SavedJobs.load(ResembleDetectBuilder.class, OLD_JOB);

    assertThat(b.getOnFlagged()).isEqualTo("WARN");
    assertThat(b.getOnError()).isEqualTo("FAIL");
    assertThat(b.getOnNoSpeech()).isEqualTo("WARN");
  }

  @Test
  void settingsTheOldVersionDidNotHaveTakeTheCataloguesDefaults() throws Exception {
    ResembleDetectBuilder b = SavedJobs.load(ResembleDetectBuilder.class, OLD_JOB);
    java.nio.file.Files.createDirectories(workspace.resolve("ci"));
    java.nio.file.Files.writeString(workspace.resolve("ci/waivers.yaml"), "waivers: []\n");

    GateConfig c = StepWords.of(b).read(workspace, "tok", null, w -> { });

    assertThat(b.getDefaultExcludes()).isNull();
    assertThat(b.getOnEmpty()).isNull();
    assertThat(b.getApiUrl()).as("saved blank").isNull();
    assertThat(b.getFormats()).as("saved blank").isNull();
    assertThat(c.scan().defaultExcludes()).isTrue();
    assertThat(c.policy().onEmpty()).isEqualTo(Reaction.valueOf(Defaults.ON_EMPTY));
    assertThat(c.policy().videoScoring().name()).isEqualTo(Defaults.VIDEO_SCORING);
    assertThat(c.api().limits().requestsPerSecond()).isEqualTo(40.0);
    assertThat(c.api().limits().concurrency()).isEqualTo(4);
    assertThat(c.api().url()).isEqualTo(Defaults.API_URL);
    assertThat(c.reports().formats()).hasSize(ReportFormat.values().length);
  }

  /** What the version before this one (the catalogue's first) wrote for a step at defaults. */
  private static final String CATALOGUE_JOB = """
      <io.github.resemblegate.jenkins.ResembleDetectBuilder>
        <includes>media/**</includes>
        <excludes></excludes>
        <defaultExcludes>true</defaultExcludes>
        <credentialsId></credentialsId>
        <threshold>0.5</threshold>
        <onFlagged>FAIL</onFlagged>
        <onError>FAIL</onError>
        <onNoSpeech>IGNORE</onNoSpeech>
        <onEmpty>WARN</onEmpty>
        <videoScoring>MAX_OF_TRACKS</videoScoring>
        <waiversFile></waiversFile>
        <maxFiles>1000</maxFiles>
        <timeout>30m</timeout>
        <dryRun>false</dryRun>
        <reportsDirectory></reportsDirectory>
        <formats>all</formats>
        <cache>true</cache>
        <cacheDirectory></cacheDirectory>
        <refresh>false</refresh>
        <apiUrl>https://app.resemble.ai/api/v2</apiUrl>
        <connectTimeout>10s</connectTimeout>
        <readTimeout>120s</readTimeout>
        <requestsPerSecond>40.0</requestsPerSecond>
        <retryBudget>2m</retryBudget>
        <maxRetries>5</maxRetries>
        <concurrency>4</concurrency>
        <intakeMode>FILES</intakeMode>
        <maxFilesPerBatch>50</maxFilesPerBatch>
        <maxBytesPerBatch>500000000</maxBytesPerBatch>
        <pollInterval>2s</pollInterval>
        <maxPollInterval>12s</maxPollInterval>
        <intelligence>false</intelligence>
        <visualize>false</visualize>
        <useLlm>false</useLlm>
        <zeroRetentionMode>false</zeroRetentionMode>
        <searchIdentity>false</searchIdentity>
        <audioSourceTracing>false</audioSourceTracing>
        <callbackUrl></callbackUrl>
      </io.github.resemblegate.jenkins.ResembleDetectBuilder>
      """;

  @Test
  void aJobSavedWithPrimitiveFieldsLoadsIntoTheNullableOnesUnchanged() throws Exception {
    ResembleDetectBuilder b = SavedJobs.load(ResembleDetectBuilder.class, CATALOGUE_JOB);

    GateConfig c = StepWords.of(b).read(workspace, "tok", null, w -> { });

    assertThat(b.getThreshold()).isEqualTo(0.5);
    assertThat(b.getMaxBytesPerBatch()).isEqualTo(500_000_000);
    assertThat(b.getDefaultExcludes()).isTrue();
    assertThat(b.getWaiversFile()).isNull();
    assertThat(StepWords.of(b).words()).doesNotContainKeys("intelligence", "visualize",
        "callbackUrl", "waiversFile");
    assertThat(c.policy().threshold()).isEqualTo(0.5);
    assertThat(c.api().options().visualize()).isNull();
  }

  @Test
  void anOldJobAtItsDefaultsRunsAsItDidBefore() throws Exception {
    ResembleDetectBuilder b = SavedJobs.load(ResembleDetectBuilder.class, OLD_DEFAULT_JOB);

    GateConfig c = StepWords.of(b).read(workspace, "tok", null, w -> { });

    assertThat(b.getTimeout()).isEqualTo("30m");
    assertThat(b.getRetryBudget()).isEqualTo(Defaults.RETRY_BUDGET);
    assertThat(c.budget().timeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(c.api().limits().retryBudget()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.policy().onFlagged()).isEqualTo(Reaction.FAIL);
    assertThat(c.policy().onNoSpeech()).isEqualTo(Reaction.IGNORE);
    assertThat(c.reports().directory()).isEqualTo(workspace.toAbsolutePath().normalize()
        .resolve("resemble-reports"));
    assertThat(c.scan().defaultExcludes()).isTrue();
  }

  @Test
  void theOldFieldsAreNeverSavedAgain() throws Exception {
    for (String old : new String[] {"timeoutMinutes", "retryBudgetSeconds", "reportsDir",
        "cacheDir", "waivers"}) {
      java.lang.reflect.Field f = ResembleDetectBuilder.class.getDeclaredField(old);
      assertThat(java.lang.reflect.Modifier.isTransient(f.getModifiers())).as(old).isTrue();
      assertThat(f.isAnnotationPresent(Deprecated.class)).as(old).isTrue();
    }
    ResembleDetectBuilder b = SavedJobs.load(ResembleDetectBuilder.class, OLD_JOB);
    java.lang.reflect.Field stale = ResembleDetectBuilder.class.getDeclaredField("timeoutMinutes");
    stale.setAccessible(true);
    assertThat(stale.get(b)).isNull();
  }

  @Test
  void aJobSavedByThisVersionLoadsUnchanged() throws Exception {
    ResembleDetectBuilder b = SavedJobs.load(ResembleDetectBuilder.class, """
        <io.github.resemblegate.jenkins.ResembleDetectBuilder>
          <includes>media/**</includes>
          <defaultExcludes>false</defaultExcludes>
          <onFlagged>IGNORE</onFlagged>
          <onEmpty>FAIL</onEmpty>
          <timeout>45s</timeout>
          <retryBudget>1m</retryBudget>
          <reportsDirectory>out</reportsDirectory>
          <concurrency>2</concurrency>
        </io.github.resemblegate.jenkins.ResembleDetectBuilder>
        """);

    assertThat(b.getDefaultExcludes()).isFalse();
    assertThat(b.getOnFlagged()).isEqualTo("IGNORE");
    assertThat(b.getOnEmpty()).isEqualTo("FAIL");
    assertThat(b.getTimeout()).isEqualTo("45s");
    assertThat(b.getRetryBudget()).isEqualTo("1m");
    assertThat(b.getReportsDirectory()).isEqualTo("out");
    assertThat(b.getConcurrency()).isEqualTo(2);
  }
}
