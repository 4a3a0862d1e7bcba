package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Verdict;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Java serialization stands in for remoting here. Jenkins' class filter (JEP-200) accepts JDK,
 * Jenkins and plugin classes, but not classes of a library bundled in the plugin, so everything
 * that crosses the channel must be made of JDK and plugin-defined classes only.
 */
class RemotingSerializationTest {

  /** Writes an object and records every class in the stream. */
  private static final class RecordingStream extends ObjectOutputStream {
    final Set<String> classes = new TreeSet<>();

    RecordingStream(ByteArrayOutputStream out) throws IOException {
      super(out);
    }

    @Override
    protected void annotateClass(Class<?> cl) {
      classes.add(cl.getName());
    }

    @Override
    protected void annotateProxyClass(Class<?> cl) {
      classes.add(cl.getName());
    }
  }

  private static Set<String> classesIn(Object o, ByteArrayOutputStream bytes) throws IOException {
    try (RecordingStream out = new RecordingStream(bytes)) {
      out.writeObject(o);
      return out.classes;
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T o) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    classesIn(o, bytes);
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))
    ) {
      return (T) in.readObject();
    }
  }

  private static boolean allowedOverRemoting(String className) {
    return className.startsWith("java.") || className.startsWith("[")
        || className.startsWith("io.github.resemblegate.jenkins.")
        // Jenkins core types (here: the stubs) are on the class filter's allow list.
        || className.startsWith("hudson.") || className.startsWith("jenkins.")
        || className.startsWith("org.jenkinsci.remoting.");
  }

  private static ScanCallable callable(String token) {
    ResembleDetectBuilder b = new ResembleDetectBuilder("media/**/*.wav");
    b.setThreshold(0.7);
    b.setAudioThreshold(0.8);
    b.setFrameLength(2);
    return new ScanCallable(StepWords.of(b), token, ProxySettings.forApi(
        new hudson.ProxyConfiguration("proxy.corp", 3128, "ci", "proxy-pass-9", "localhost"),
        null), new TestBuilds.Console(), RealGate.INSTANCE);
  }

  @Test
  void callableSurvivesTheTripToTheAgent() throws Exception {
    ScanCallable copy = roundTrip(callable("tok-abc-123"));

    assertThat(copy.toString()).isEqualTo(callable("tok-abc-123").toString())
        .contains("includes=media/**/*.wav", "threshold=0.7");
  }

  @Test
  void callableIsMadeOfClassesRemotingAccepts() throws Exception {
    Set<String> classes = classesIn(callable("tok-abc-123"), new ByteArrayOutputStream());

    assertThat(classes).contains(ScanCallable.class.getName(), StepWords.class.getName(),
        RealGate.class.getName());
    assertThat(classes).allMatch(RemotingSerializationTest::allowedOverRemoting);
  }

  @Test
  void theResultTravelsBackOnceAsTheCoresJsonReportInAcceptedClasses() throws Exception {
    GateResult result = Results.flagged(Verdict.FAILED);
    ScanOutcome outcome = new ScanOutcome(Results.json(result), "reports",
        List.of("resemble-report.html"));

    ScanOutcome copy = roundTrip(outcome);

    GateResult back = copy.result();
    assertThat(back.decision()).isEqualTo(result.decision());
    assertThat(back.files()).extracting(FileResult::path, FileResult::score)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("media/fake.wav", 0.97),
            org.assertj.core.groups.Tuple.tuple("media/voice.wav", 0.03));
    assertThat(copy.reportFiles()).containsExactly("resemble-report.html");
    assertThat(classesIn(outcome, new ByteArrayOutputStream()))
        .allMatch(RemotingSerializationTest::allowedOverRemoting);
  }

  @Test
  void unexpectedFailureIsAPluginClassTooWithoutCause() throws Exception {
    ScanFailure f = ScanFailure.of(new IllegalStateException("boom"));

    assertThat(classesIn(f, new ByteArrayOutputStream()))
        .allMatch(RemotingSerializationTest::allowedOverRemoting);
    assertThat(roundTrip(f)).hasMessage(
        "Resemble Detect failed unexpectedly: java.lang.IllegalStateException: boom");
  }

  @Test
  void tokenNeverAppearsInTheCallablesTextOrSettings() {
    ScanCallable c = callable("tok-abc-123");

    assertThat(c.toString()).doesNotContain("tok-abc-123").contains("token=****")
        .doesNotContain("proxy-pass-9").contains("proxy.corp:3128");
    assertThat(callable(null).toString()).contains("token=none");
  }

  @Test
  void theWordsCarryTheCredentialsNameNeverItsSecret() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ResembleDetectBuilder b = new ResembleDetectBuilder("media/**");
    b.setCredentialsId("resemble-api-key");
    classesIn(StepWords.of(b), bytes);

    assertThat(bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains("media/**", "resemble-api-key").doesNotContain("tok-abc-123");
  }

  @Test
  void classesInTheStreamAreRecognisedByTheCheck() {
    // Guards the guard: a shared-client class would be refused.
    assertThat(allowedOverRemoting("io.github.resemblegate.gate.GateResult")).isFalse();
    assertThat(allowedOverRemoting(ObjectStreamClass.class.getName())).isTrue();
  }
}
