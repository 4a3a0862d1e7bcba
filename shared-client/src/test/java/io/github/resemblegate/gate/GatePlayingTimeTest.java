package io.github.resemblegate.gate;

import static io.github.resemblegate.gate.GateFixture.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.GateListener.Plan;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.simulator.SimulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run bills is shown before it pays: each file the run sends (or a dry run would send)
 * carries its billable bytes and, where its container says so, its playing time, from the plan
 * to the result. A file the cache answers is not read for it; an unknown length stays unknown.
 */
class GatePlayingTimeTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  @TempDir Path root;
  private GateFixture fx;
  private final RecordingListener listener = new RecordingListener();

  @BeforeEach
  void setUp() {
    fx = new GateFixture(SIM, root);
  }

  /** A WAV that plays {@code seconds} under the project; returns its size. */
  private long wav(String rel, int seconds, int tone) throws IOException {
    Path file = fx.base.resolve(rel);
    Files.createDirectories(file.getParent());
    return Files.size(Files.write(file, GateFixture.wav(seconds, tone)));
  }

  @Test
  void eachSentFileCarriesItsBillableBytesAndPlayingTimeFromThePlanToTheResult()
      throws IOException {
    long longSize = wav("vo/long.wav", 90, 1);
    long shortSize = wav("vo/short.wav", 30, 2);

    GateResult v = Gate.run(fx.config().build(), listener);

    FileResult longOne = result(v, "vo/long.wav");
    assertThat(longOne.billableBytes()).isEqualTo(longSize);
    assertThat(longOne.playingSeconds()).isEqualTo(90.0);
    assertThat(result(v, "vo/short.wav").billableBytes()).isEqualTo(shortSize);
    assertThat(result(v, "vo/short.wav").playingSeconds()).isEqualTo(30.0);
    Plan plan = listener.plans.get(listener.plans.size() - 1);
    assertThat(plan.playingSeconds()).isEqualTo(120.0);
    assertThat(plan.unknownPlayingTimes()).isZero();
  }

  @Test
  void aFileTheCacheAnswersBillsNothingAndIsNotReadForItsLength() throws IOException {
    wav("vo/long.wav", 90, 1);
    Gate.run(fx.config().build(), new RecordingListener());

    GateResult again = Gate.run(fx.config().build(), listener);

    FileResult cached = result(again, "vo/long.wav");
    assertThat(cached.cached()).isTrue();
    assertThat(cached.billableBytes()).isNull();
    assertThat(cached.playingSeconds()).isNull();
    Plan plan = listener.plans.get(listener.plans.size() - 1);
    assertThat(plan.playingSeconds()).isZero();
    assertThat(plan.unknownPlayingTimes()).isZero();
  }

  @Test
  void aLengthTheHeaderDoesNotGiveIsUnknownNeverZero() {
    fx.file("vo/stand-in.wav");

    GateResult v = Gate.run(fx.config().build(), listener);

    FileResult f = result(v, "vo/stand-in.wav");
    assertThat(f.billableBytes()).isEqualTo(f.size());
    assertThat(f.playingSeconds()).isNull();
    assertThat(listener.plans.get(listener.plans.size() - 1).unknownPlayingTimes()).isEqualTo(1);
  }

  @Test
  void aDryRunSaysHowManyMinutesItWouldSend() throws IOException {
    wav("vo/long.wav", 90, 1);
    wav("vo/short.wav", 30, 2);
    fx.file("vo/stand-in.wav");

    GateResult v = Gate.run(fx.config().dryRun(true).build(), listener);

    assertThat(v.decision().sentence()).isEqualTo("Would send 3 files, 120.1 kB, about 2.0 min"
        + " of media, the length of 1 file unknown, in 1 batch and 0 single requests; this dry"
        + " run sent and judged nothing.");
    assertThat(result(v, "vo/long.wav").playingSeconds()).isEqualTo(90.0);
    assertThat(result(v, "vo/long.wav").reason()).isEqualTo("dry run: would be submitted in"
        + " batch 1/1");
  }
}
