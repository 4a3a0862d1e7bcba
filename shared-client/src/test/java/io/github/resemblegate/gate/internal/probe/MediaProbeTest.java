package io.github.resemblegate.gate.internal.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The content check against real media (the samples in {@code media-samples}, see its README) and
 * against the files issue 18 found billed: text named .wav, zeros named .mp3, random bytes.
 */
public class MediaProbeTest {

  private static final MediaProbe PROBE = new MediaProbe();

  @TempDir Path dir;

  private Path sample(String name) throws IOException {
    Path target = dir.resolve(name);
    try (InputStream in = MediaProbeTest.class.getResourceAsStream("/media-samples/" + name)) {
      Files.copy(in, target);
    }
    return target;
  }

  @ParameterizedTest(name = "{0} is {1}, {2} s")
  @CsvSource({
      "tone.wav, audio/vnd.wave, 1.5, 0.001",
      "tone.flac, audio/x-flac, 1.5, 0.001",
      "tone.mp3, audio/mpeg, 2.0, 0.2",
      "cbr.mp3, audio/mpeg, 2.0, 0.2",
      "tone.ogg, audio/vorbis, 2.5, 0.01",
      "opus.ogg, application/ogg, 1.0, 0.05",
      "tone.m4a, audio/mp4, 3.0, 0.15",
      "clip.mp4, video/quicktime, 1.0, 0.01"})
  void mediaIsMediaWithItsSizeAndPlayingTime(String name, String type, double seconds,
      double tolerance) throws IOException {
    Path file = sample(name);
    ProbeResult r = PROBE.probe(file, name);
    assertThat(r).isInstanceOf(ProbeResult.Media.class);
    ProbeResult.Media m = (ProbeResult.Media) r;
    assertThat(m.mediaType()).isEqualTo(type);
    assertThat(m.billableBytes()).isEqualTo(Files.size(file));
    assertThat(m.playingTime()).as("playing time").isNotNull();
    assertThat(m.playingTime().toNanos() / 1e9).isCloseTo(seconds, within(tolerance));
  }

  /**
   * The check before billing answers the way the whole probe does: it accepts a file bearing the
   * magic of the type its name claims without naming the type from every magic Tika has.
   */
  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({
      "tone.wav, tone.wav", "tone.flac, tone.flac", "tone.mp3, tone.mp3", "cbr.mp3, cbr.mp3",
      "tone.ogg, tone.ogg", "opus.ogg, opus.ogg", "tone.m4a, tone.m4a", "clip.mp4, clip.mp4",
      "clip.webm, clip.webm", "tone.m4a, voice.mp4", "tone.wav, tone.mp3", "clip.mp4, clip.wav",
      "tone.mp3, tone.flac"})
  void theCheckBeforeBillingAgreesWithTheWholeProbe(String sample, String name)
      throws IOException {
    Path file = sample(sample);
    ProbeResult whole = PROBE.probe(file, name);
    String expected = whole instanceof ProbeResult.NotMedia n ? n.reason() : null;
    assertThat(PROBE.notMedia(file, name)).isEqualTo(expected);
  }

  @Test
  void theCheckBeforeBillingRefusesWhatTheWholeProbeRefuses() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.wav"), "Intro script, take 3.\n",
        StandardCharsets.UTF_8);
    assertThat(PROBE.notMedia(text, "vo/notes.wav")).isEqualTo(
        "not media: its bytes look like text (text/plain), not the audio a .wav file holds");
    Path image = dir.resolve("cover.wav");
    ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
    assertThat(PROBE.notMedia(image, "cover.wav"))
        .isEqualTo("its bytes are an image (image/png), not the audio a .wav file holds");
    Path zeros = Files.write(dir.resolve("silence.mp3"), new byte[50_000]);
    assertThat(PROBE.notMedia(zeros, "silence.mp3"))
        .isEqualTo("not media: its bytes are all zeros, not the audio a .mp3 file holds");
  }

  /** The plan's reading tells the format by its signature, not by Tika, and agrees with it. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"tone.wav", "tone.flac", "tone.mp3", "cbr.mp3", "tone.ogg", "opus.ogg", "tone.m4a",
      "clip.mp4", "clip.webm"})
  void theSignatureGivesThePlayingTimeTikaWouldHaveGiven(String name) throws IOException {
    Path file = sample(name);
    ProbeResult.Media m = (ProbeResult.Media) PROBE.probe(file, name);

    assertThat(PlayingTime.of(file)).isEqualTo(m.playingTime());
  }

  @Test
  void textAndShortFilesHaveNoPlayingTimeBySignature() throws IOException {
    assertThat(PlayingTime.of(Files.writeString(dir.resolve("note.wav"), "RIFF, but text")))
        .isNull();
    assertThat(PlayingTime.of(Files.write(dir.resolve("tiny.mp3"), new byte[] {(byte) 0xFF})))
        .isNull();
  }

  @Test
  void mediaWhoseContainerDoesNotSayItsLengthHasNoPlayingTime() throws IOException {
    ProbeResult r = PROBE.probe(sample("clip.webm"), "clip.webm");
    assertThat(r).isInstanceOfSatisfying(ProbeResult.Media.class,
        m -> assertThat(m.playingTime()).isNull());
  }

  @Test
  void audioInAVideoContainerIsStillTheMediaItsNameClaims() throws IOException {
    Path file = Files.move(sample("tone.m4a"), dir.resolve("voice.mp4"));
    assertThat(PROBE.probe(file, "voice.mp4")).isInstanceOf(ProbeResult.Media.class);
  }

  @Test
  void textRenamedWavIsNotMediaAndSaysItLooksLikeText() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.wav"), "Intro script, take 3.\nRead slowly.\n",
        StandardCharsets.UTF_8);
    assertThat(PROBE.probe(file, "vo/notes.wav")).isEqualTo(new ProbeResult.NotMedia("text/plain",
        "not media: its bytes look like text (text/plain), not the audio a .wav file holds"));
  }

  @Test
  void zerosNamedMp3AreNotMedia() throws IOException {
    Path file = Files.write(dir.resolve("silence.mp3"), new byte[50_000]);
    assertThat(PROBE.probe(file, "silence.mp3")).isInstanceOfSatisfying(ProbeResult.NotMedia.class,
        n -> assertThat(n.reason()).isEqualTo(
            "not media: its bytes are all zeros, not the audio a .mp3 file holds"));
  }

  @Test
  void aLargeFileOfZerosSaysHowMuchWasLookedAt() throws IOException {
    Path file = Files.write(dir.resolve("big.wav"), new byte[MediaProbe.SAMPLE_BYTES * 2]);
    assertThat(PROBE.probe(file, "big.wav")).isInstanceOfSatisfying(ProbeResult.NotMedia.class,
        n -> assertThat(n.reason()).startsWith("not media: its first 65536 bytes are all zeros"));
  }

  @Test
  void randomBytesNamedWavAreNotMedia() throws IOException {
    byte[] noise = new byte[200_000];
    new Random(18).nextBytes(noise);
    Path file = Files.write(dir.resolve("noise.wav"), noise);
    assertThat(PROBE.probe(file, "noise.wav")).isEqualTo(new ProbeResult.NotMedia(
        "application/octet-stream", "not media: its bytes match no known format (random or"
        + " damaged data), not the audio a .wav file holds"));
  }

  @Test
  void anImageNamedWavIsNotTheAudioItsNameClaims() throws IOException {
    Path file = dir.resolve("cover.wav");
    ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    assertThat(PROBE.probe(file, "cover.wav")).isEqualTo(new ProbeResult.NotMedia("image/png",
        "its bytes are an image (image/png), not the audio a .wav file holds"));
  }

  @Test
  void aPdfNamedMp4SaysWhatItIs() throws IOException {
    Path file = Files.writeString(dir.resolve("brief.mp4"), "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n",
        StandardCharsets.ISO_8859_1);
    assertThat(PROBE.probe(file, "brief.mp4")).isInstanceOfSatisfying(ProbeResult.NotMedia.class,
        n -> assertThat(n.reason()).startsWith("not media: its bytes look like ")
            .contains("(application/pdf)").endsWith(", not the video a .mp4 file holds"));
  }

  /** A mono 8-bit PCM WAV of {@code samples} samples at {@code rate}: a header and a ramp. */
  public static byte[] wav(int rate, int samples) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + samples)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples)
        .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
        .putShort((short) 1).putInt(rate).putInt(rate).putShort((short) 1).putShort((short) 8)
        .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples);
    for (int i = 0; i < samples; i++) {
      b.put((byte) (128 + i % 64));
    }
    return b.array();
  }

  @Test
  void aWavWrittenHereIsMediaOfItsLength() throws IOException {
    Path file = Files.write(dir.resolve("ramp.wav"), wav(8000, 4000));
    assertThat(PROBE.probe(file, "ramp.wav")).isEqualTo(new ProbeResult.Media("audio/vnd.wave",
        4044, java.time.Duration.ofMillis(500)));
  }

  @Test
  void aPngIsAnImage() throws IOException {
    Path file = dir.resolve("logo.png");
    ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    assertThat(PROBE.probe(file, "logo.png")).isEqualTo(
        new ProbeResult.Media("image/png", Files.size(file), null));
  }

  /**
   * The check before billing tries the magic of the type the name claims first; whether it hits
   * (a WAV, an ID3 MP3) or misses (an {@code isom} MP4, which Tika calls QuickTime; an image
   * named .wav), it answers as the full detection does.
   */
  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({
      "tone.wav, tone.wav", "tone.flac, tone.flac", "tone.mp3, tone.mp3", "cbr.mp3, cbr.mp3",
      "tone.ogg, tone.ogg", "opus.ogg, opus.ogg", "tone.m4a, tone.m4a", "clip.mp4, clip.mp4",
      "tone.m4a, voice.mp4", "clip.webm, clip.webm"})
  void theCheckBeforeBillingPassesEveryMediaSample(String sample, String name)
      throws IOException {
    assertThat(PROBE.notMedia(sample(sample), name)).isNull();
  }

  @Test
  void theCheckBeforeBillingSaysWhatAnImageNamedAsAudioIs() throws IOException {
    Path file = dir.resolve("cover.mp3");
    ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    assertThat(PROBE.notMedia(file, "cover.mp3"))
        .isEqualTo("its bytes are an image (image/png), not the audio a .mp3 file holds");
    Path text = Files.writeString(dir.resolve("take.wav"), "RIFF? no, a script.\n");
    assertThat(PROBE.notMedia(text, "take.wav")).isEqualTo(
        "not media: its bytes look like text (text/plain), not the audio a .wav file holds");
  }
}
