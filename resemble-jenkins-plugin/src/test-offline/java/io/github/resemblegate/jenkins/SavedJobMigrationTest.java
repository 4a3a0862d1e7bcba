package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.GateConfig;
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
    assertThat(b.isVisualize()).isTrue();
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

    assertThat(b.isDefaultExcludes()).isTrue();
    assertThat(b.getOnEmpty()).isEqualTo(Defaults.ON_EMPTY);
    assertThat(b.getVideoScoring()).isEqualTo(Defaults.VIDEO_SCORING);
    assertThat(b.getConnectTimeout()).isEqualTo(Defaults.CONNECT_TIMEOUT);
    assertThat(b.getReadTimeout()).isEqualTo(Defaults.READ_TIMEOUT);
    assertThat(b.getRequestsPerSecond()).isEqualTo(40.0);
    assertThat(b.getConcurrency()).isEqualTo(4);
    assertThat(b.getIntakeMode()).isEqualTo(Defaults.INTAKE_MODE);
    assertThat(b.getMaxFilesPerBatch()).isEqualTo(50);
    assertThat(b.getMaxBytesPerBatch()).isEqualTo(500_000_000L);
    assertThat(b.getPollInterval()).isEqualTo(Defaults.POLL_INTERVAL);
    assertThat(b.getMaxPollInterval()).isEqualTo(Defaults.MAX_POLL_INTERVAL);
    assertThat(b.getFormats()).isEqualTo("all");
    assertThat(b.getApiUrl()).isEqualTo(Defaults.API_URL);
  }

  @Test
  void anOldJobAtItsDefaultsRunsAsItDidBefore() throws Exception {
    ResembleDetectBuilder b = SavedJobs.load(ResembleDetectBuilder.class, OLD_DEFAULT_JOB);

    GateConfig c = b.toSettings().read(workspace, "tok", null, w -> { });

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

    assertThat(b.isDefaultExcludes()).isFalse();
    assertThat(b.getOnFlagged()).isEqualTo("IGNORE");
    assertThat(b.getOnEmpty()).isEqualTo("FAIL");
    assertThat(b.getTimeout()).isEqualTo("45s");
    assertThat(b.getRetryBudget()).isEqualTo("1m");
    assertThat(b.getReportsDirectory()).isEqualTo("out");
    assertThat(b.getConcurrency()).isEqualTo(2);
  }
}
