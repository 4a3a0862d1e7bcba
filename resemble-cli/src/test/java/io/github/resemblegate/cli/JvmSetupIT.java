package io.github.resemblegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resemblegate.simulator.SimulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar in a JVM its CI set up wrong, as a user would start it: the run ends with one
 * sentence that says what to fix, and the reports still list every matched file.
 */
class JvmSetupIT {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  @TempDir Path workspace;

  @Test
  void aTrustStoreTheJvmCannotReadEndsTheRunWithOneSentenceAndTheReports() throws Exception {
    Media.wav(workspace.resolve("media/narration.wav"), 8000);
    Media.wav(workspace.resolve("media/intro.wav"), 8100);
    Path trustStore = Files.writeString(workspace.resolve("corporate.jks"), "not a key store");

    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-Djavax.net.ssl.trustStore=" + trustStore, "-jar",
        CiJob.jar().toString(), "detect", "--api-url", SIM.baseUrl(), "--cache-directory",
        workspace.resolve("cache").toString(), "--reports-directory",
        workspace.resolve("reports").toString(), "media");
    ProcessBuilder pb = new ProcessBuilder(command).directory(workspace.toFile())
        .redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("CI") || k.startsWith("RESEMBLE_")
        || k.startsWith("GITHUB_"));
    pb.environment().put("RESEMBLE_API_KEY", "jvm-setup-token-5c1e");
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as(output).isTrue();

    assertThat(p.exitValue()).as(output).isEqualTo(2);
    assertThat(output).contains("The JVM's TLS trust store could not be read")
        .contains("javax.net.ssl.trustStore")
        .doesNotContain("Exception in thread").doesNotContain("\tat ");
    JsonNode report = new ObjectMapper().readTree(
        workspace.resolve("reports/resemble-report.json").toFile());
    List<String> paths = new ArrayList<>();
    report.path("files").forEach(f -> paths.add(f.path("path").asText()));
    assertThat(paths).containsExactlyInAnyOrder("media/intro.wav", "media/narration.wav");
    assertThat(SIM.simulator().counters().totalRequests()).as("nothing was sent").isZero();
  }
}
