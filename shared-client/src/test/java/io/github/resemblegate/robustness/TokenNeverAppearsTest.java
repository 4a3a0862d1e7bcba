package io.github.resemblegate.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.gate.Gate;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.report.Reports;
import io.github.resemblegate.simulator.Endpoint;
import io.github.resemblegate.simulator.Fault;
import io.github.resemblegate.simulator.ResembleSimulator;
import io.github.resemblegate.simulator.SimulatorExtension;
import io.github.resemblegate.simulator.SimulatorOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A random token per test, then every place a run can write text is searched for it: the
 * listener's lines at every level (and the {@code toString()} of every object it receives),
 * {@code java.util.logging} at ALL, {@code System.out} and {@code System.err}, every report format,
 * every exception message and stack trace, and every file the run left in its reports (journal)
 * and cache folders. The runs go through retries, lost responses, refusals and a timeout, where
 * messages are built from HTTP failures.
 */
class TokenNeverAppearsTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  @TempDir
  Path root;

  private Path base;
  private String token;

  @BeforeEach
  void files() throws IOException {
    base = Files.createDirectories(root.resolve("media"));
    for (int i = 0; i < 6; i++) {
      Files.writeString(base.resolve((i == 2 ? "fake-" : "voice-") + i + ".wav"), "audio " + i);
    }
    token = randomToken();
  }

  @Test
  void retriedAndRecoveredRequestsDoNotLeakTheToken() throws Exception {
    SIM.faults()
        .inject(Fault.connectionReset().on(Endpoint.CREATE_BATCH).afterProcessing())
        .inject(Fault.rateLimited().on(Endpoint.GET_BATCH).times(2))
        // Twice: the free access check before uploading takes the first and goes on (it does not
        // retry); the recovery's list read takes the second and retries.
        .inject(Fault.serverError(503).on(Endpoint.LIST_DETECTS).times(2))
        .inject(Fault.malformedJson().on(Endpoint.GET_BATCH));

    Run run = run(SIM.baseUrl(), c -> c);

    assertThat(run.verdict()).isNotNull();
    assertThat(run.verdict().totals().count(Outcome.PASSED)).isEqualTo(5);
    assertThat(run.transcript().text()).contains("retrying");
    assertNoToken(run);
  }

  @Test
  void refusedTokenDoesNotLeakIntoTheErrors() throws Exception {
    try (ResembleSimulator strict = ResembleSimulator.start(SimulatorOptions.builder()
        .processingTime(Duration.ofMillis(20)).token("the-only-accepted-token").build())) {
      Run run = run(strict.baseUrl(), c -> c);

      assertThat(strict.counters().unauthorized()).isPositive();
      assertErrorsOrFailure(run);
      assertNoToken(run);
    }
  }

  @Test
  void paymentAndPlanRefusalsDoNotLeakTheToken() throws Exception {
    SIM.faults().inject(Fault.insufficientCredit().on(Endpoint.CREATE_BATCH));
    Run credit = run(SIM.baseUrl(), c -> c);
    assertErrorsOrFailure(credit);
    assertNoToken(credit);

    SIM.simulator().reset();
    token = randomToken();
    SIM.faults().inject(Fault.planLimit().on(Endpoint.CREATE_BATCH));
    Run plan = run(SIM.baseUrl(), c -> c.cacheDirectory(root.resolve("cache-2"))
        .reportsDirectory(root.resolve("reports-2")));
    assertErrorsOrFailure(plan);
    assertNoToken(plan);
  }

  @Test
  void aTimedOutRunLeavesAJournalWithoutTheToken() throws Exception {
    SIM.simulator().processingTime(Duration.ofSeconds(30));

    Run run = run(SIM.baseUrl(), c -> c.timeout(Duration.ofMillis(300)));

    assertThat(run.verdict().totals().count(Outcome.ERROR)).isEqualTo(6);
    try (Stream<Path> journal = Files.walk(root.resolve("reports"))) {
      assertThat(journal.filter(Files::isRegularFile).toList())
          .as("the journal keeps the unfinished submission").isNotEmpty();
    }
    assertNoToken(run);
  }

  @Test
  void refusalsOfTheConfigurationDoNotEchoTheToken() throws Exception {
    Run plainHttp = run("http://api.example.com/api/v2", c -> c);
    assertThat(plainHttp.thrown()).isInstanceOf(GateException.class);
    assertNoToken(plainHttp);

    token = "has space " + randomToken();
    Run unusable = run(SIM.baseUrl(), c -> c.cacheDirectory(root.resolve("cache-2"))
        .reportsDirectory(root.resolve("reports-2")));
    assertThat(unusable.thrown()).isInstanceOf(GateException.class);
    assertNoToken(unusable);
  }

  // ---------------------------------------------------------------------------------------------

  record Run(GateResult verdict, Throwable thrown, Transcript transcript, String console,
      List<String> reports) {}

  private Run run(String apiUrl, UnaryOperator<GateConfig.Builder> tweak) throws IOException {
    GateConfig.Builder config = GateConfig.builder()
        // Stand-in media (text named .wav): the content check has its own tests.
        .contentCheck(false)
        .baseDirectory(base)
        .apiUrl(apiUrl)
        .token(ApiToken.of(token))
        .cacheDirectory(root.resolve("cache"))
        .reportsDirectory(root.resolve("reports"))
        .pollInterval(Duration.ofMillis(5))
        .maxPollInterval(Duration.ofMillis(20))
        .timeout(Duration.ofSeconds(30));
    GateConfig built = tweak.apply(config).build();
    Transcript transcript = new Transcript();
    GateResult verdict = null;
    Throwable thrown = null;
    String console;
    try (ConsoleCapture capture = ConsoleCapture.start()) {
      try {
        verdict = Gate.run(built, transcript);
      } catch (RuntimeException e) {
        thrown = e;
      }
      if (verdict != null) {
        Reports.write(verdict, EnumSet.allOf(ReportFormat.class), built.reports().directory());
      }
      console = capture.text();
    }
    List<String> files = new ArrayList<>();
    for (Path dir : List.of(built.reports().directory(), built.cache().directory())) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> all = Files.walk(dir)) {
          for (Path p : all.filter(Files::isRegularFile).toList()) {
            // Latin-1 keeps every byte as one char, so an ASCII token is found in any encoding.
            files.add(p + "\n" + new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
          }
        }
      }
    }
    return new Run(verdict, thrown, transcript, console, files);
  }

  private void assertNoToken(Run run) {
    List<String> places = new ArrayList<>();
    places.add("listener: " + run.transcript().text());
    places.add("console and JUL: " + run.console());
    if (run.verdict() != null) {
      places.add("verdict: " + run.verdict());
    }
    if (run.thrown() != null) {
      StringWriter trace = new StringWriter();
      run.thrown().printStackTrace(new PrintWriter(trace));
      places.add("exception: " + run.thrown().getMessage() + "\n" + trace);
    }
    places.addAll(run.reports());
    assertThat(run.transcript().lines()).as("the run reported something").isNotEmpty();
    String half = token.substring(token.length() / 2);
    for (String place : places) {
      assertThat(place).as("token found in: %s", abbreviate(place)).doesNotContain(token)
          .doesNotContain(half);
    }
  }

  private static void assertErrorsOrFailure(Run run) {
    if (run.verdict() != null) {
      assertThat(run.verdict().totals().count(Outcome.ERROR)).isEqualTo(6);
      assertThat(run.verdict().files()).allSatisfy(f -> assertThat(f.reason()).isNotBlank());
    } else {
      assertThat(run.thrown()).isInstanceOf(GateException.class);
    }
  }

  private static String randomToken() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    SecureRandom random = new SecureRandom();
    StringBuilder s = new StringBuilder("rk_");
    for (int i = 0; i < 40; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }
}
