package io.github.resemblegate.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredZipBodyTest {
  @TempDir
  Path dir;

  private SizedFile file(String partName, String content) throws Exception {
    Path path = Files.writeString(dir.resolve("f" + partName.hashCode()), content);
    return new SizedFile(path, partName, Files.size(path));
  }

  @Test
  void announcesExactlyTheLengthItWrites() throws Exception {
    List<SizedFile> files = List.of(file("a.wav", "abc"), file("ünïcödé name.mp3", "x".repeat(70_000)),
        file("c.png", "PNG"));
    StoredZipBody body = new StoredZipBody(files);
    Buffer sink = new Buffer();

    body.writeTo(sink);

    assertThat(sink.size()).isEqualTo(body.contentLength());
  }

  @Test
  void writesAZipThatUnpacksToTheFiles() throws Exception {
    StoredZipBody body = new StoredZipBody(List.of(file("a.wav", "abc"), file("b.mp4", "defg")));
    Buffer sink = new Buffer();
    body.writeTo(sink);

    List<String> entries = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(sink.readByteArray()))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        entries.add(e.getName() + "=" + new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(entries).containsExactly("a.wav=abc", "b.mp4=defg");
  }

  @Test
  void failsAsALocalFileProblemWhenAFileShrankAfterItWasChecked() throws Exception {
    SizedFile checked = file("a.wav", "abcdef");
    Files.writeString(checked.path(), "abc");

    assertThatThrownBy(() -> new StoredZipBody(List.of(checked)).writeTo(new Buffer()))
        .isInstanceOf(LocalFileException.class)
        .hasMessage("it became shorter during the upload");
  }

  @Test
  void fileBodyFailsAsALocalFileProblemWhenAFileGrewAfterItWasChecked() throws Exception {
    SizedFile checked = file("a.wav", "abc");
    Files.writeString(checked.path(), "abcdef");

    assertThatThrownBy(() -> new FileBody(checked, MediaTypes.OCTET_STREAM).writeTo(new Buffer()))
        .isInstanceOf(LocalFileException.class)
        .hasMessage("it became longer during the upload");
  }
}
