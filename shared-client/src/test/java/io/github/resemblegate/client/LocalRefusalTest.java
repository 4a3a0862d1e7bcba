package io.github.resemblegate.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What the API would refuse is refused here first, before a single request goes out. */
class LocalRefusalTest {
  @RegisterExtension
  static WireMockExtension wm = TestClients.wireMock();

  @TempDir
  Path dir;

  private ResembleClient client;

  @BeforeEach
  void setUp() {
    client = TestClients.client(wm, new FakeTime()).build();
  }

  @AfterEach
  void tearDown() {
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).as("requests sent").isEmpty();
    client.close();
  }

  /** A file of the given size that takes (almost) no disk space. */
  private Path sparse(String name, long size) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(size);
    }
    return file;
  }

  private void assertRejected(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOf(BadRequestException.class)
        .hasMessage(message)
        .hasNoCause()
        .extracting(e -> ((BadRequestException) e).httpStatus()).isEqualTo(0);
  }

  private BatchRequest batch(IntakeMode mode, Path... files) {
    return BatchRequest.of(List.of(files), null, mode);
  }

  @Test
  void refusesMoreThanFiftyFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      files.add(TestClients.write(dir.resolve("f" + i + ".wav"), "x"));
    }

    assertRejected(() -> client.createBatch(BatchRequest.of(files, null, IntakeMode.FILES)),
        "The batch has 51 files, more than the 50 files one batch may hold."
            + " Split the files into batches of at most 50.");
  }

  @Test
  void refusesABatchOneByteOverFiveHundredMegabytes() throws IOException {
    Path a = sparse("a.wav", 250_000_000);
    Path b = sparse("b.mp4", 250_000_001);

    assertRejected(() -> client.createBatch(batch(IntakeMode.FILES, a, b)),
        "The batch's 2 files total 500,000,001 bytes, more than the 500 MB (500,000,000 bytes)"
            + " one batch may hold. Split the files into smaller batches.");
  }

  @Test
  void refusesAZipThatWouldExceedTheLimitThoughTheFilesDoNot() throws IOException {
    Path a = sparse("a.wav", 250_000_000);
    Path b = sparse("b.mp4", 250_000_000);

    assertRejected(() -> client.createBatch(batch(IntakeMode.ZIP, a, b)),
        "The zip holding the batch's 2 files would be 500,000,194 bytes, more than the 500 MB"
            + " (500,000,000 bytes) one batch may hold. Split the files into smaller batches.");
  }

  @Test
  void refusesAnExtensionOutsideTheBatchAllowlist() {
    Path notes = TestClients.write(dir.resolve("notes.txt"), "hello");

    assertRejected(() -> client.createBatch(batch(IntakeMode.FILES, notes)),
        "The file " + notes + " has the extension '.txt', which a batch does not accept (accepted:"
            + " .aac, .avi, .flac, .gif, .jpeg, .jpg, .m4a, .mkv, .mov, .mp3, .mp4, .ogg, .png,"
            + " .wav, .webm, .webp). Convert it to an accepted format or leave it out.");
  }

  @Test
  void refusesAmrInABatchButAcceptsItForADirectUpload() {
    Path amr = TestClients.write(dir.resolve("call.amr"), "#!AMR");

    assertThatThrownBy(() -> client.createBatch(batch(IntakeMode.FILES, amr)))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("'.amr'");
  }

  @Test
  void refusesAFileWithoutExtension() {
    Path bare = TestClients.write(dir.resolve("README"), "x");

    assertThatThrownBy(() -> client.createBatch(batch(IntakeMode.ZIP, bare)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageStartingWith("The file " + bare + " has no file extension, which a batch does not accept");
  }

  @Test
  void refusesAnEmptyFile() {
    Path empty = TestClients.write(dir.resolve("silence.wav"), "");

    assertRejected(() -> client.createBatch(batch(IntakeMode.FILES, empty)),
        "The file " + empty + " is empty (0 bytes), and the Resemble API refuses empty files."
            + " Leave it out or replace it with real media.");
  }

  @Test
  void refusesAFileThatDoesNotExist() {
    Path missing = dir.resolve("gone.wav");

    assertRejected(() -> client.createBatch(batch(IntakeMode.FILES, missing)),
        "The file " + missing + " does not exist or is not a regular file."
            + " Check the path, or leave the file out.");
  }

  @Test
  void refusesAnEmptyBatch() {
    assertRejected(() -> client.createBatch(BatchRequest.of(List.of(), null, IntakeMode.FILES)),
        "The batch has no files, and a batch needs between 1 and 50 files. Add at least one media file.");
  }

  @Test
  void refusesTwoFilesUploadingUnderTheSameName() {
    Path en = TestClients.write(dir.resolve("en/intro.wav"), "a");
    Path fr = TestClients.write(dir.resolve("fr/intro.wav"), "b");
    BatchRequest clash = new BatchRequest(
        List.of(new BatchRequest.Part(en, "intro.wav"), new BatchRequest.Part(fr, "INTRO.wav")), null, null);

    assertRejected(() -> client.createBatch(clash),
        "The files " + en + " and " + fr + " would both upload as 'INTRO.wav', so their results"
            + " could not be told apart. Build the request with BatchRequest.of, which gives every"
            + " file a unique name.");
  }

  @Test
  void refusesAnUploadNameWithAPathSeparator() {
    Path en = TestClients.write(dir.resolve("en/intro.wav"), "a");
    BatchRequest request = new BatchRequest(List.of(new BatchRequest.Part(en, "en/intro.wav")), null, null);

    assertThatThrownBy(() -> client.createBatch(request))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("'en/intro.wav'").hasMessageContaining("path separator");
  }

  @Test
  void refusesADirectUploadOverOneHundredFiftyMegabytes() throws IOException {
    Path big = sparse("long.wav", 150_000_001);

    assertRejected(() -> client.createDetect(new DetectRequest(new DetectRequest.Upload(big, null), null)),
        "The file " + big + " is 150,000,001 bytes, more than the 150 MB (150,000,000 bytes) a direct"
            + " upload may hold. Upload it with createSecureUpload and detect it by its media token"
            + " instead.");
  }

  @Test
  void refusesAnEmptySecureUpload() {
    Path empty = TestClients.write(dir.resolve("empty.mov"), "");

    assertThatThrownBy(() -> client.createSecureUpload(empty))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("is empty (0 bytes)");
  }
}
