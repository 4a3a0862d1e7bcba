package io.github.resemblegate.gate.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaScannerTest {

  @TempDir Path base;
  @TempDir Path outside;
  private final List<String> warnings = new ArrayList<>();

  private Path file(String rel, String content) throws IOException {
    Path p = base.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  private MediaScanner.Result scan(List<String> includes, List<String> excludes) {
    GateConfig config = GateConfig.builder().baseDirectory(base).includes(includes)
        .excludes(excludes).cacheDirectory(base.resolve(".cache")).build();
    return MediaScanner.forConfig(config, warnings::add).scan();
  }

  private static List<String> paths(MediaScanner.Result r) {
    return r.files().stream().map(ScannedFile::path).toList();
  }

  private static ScannedFile find(MediaScanner.Result r, String path) {
    return r.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
  }

  @Test
  void findsMediaFilesInPathOrderAndIgnoresOtherFilesSilently() throws IOException {
    file("media/b.wav", "bb");
    file("media/a.mp3", "a");
    file("img/logo.png", "png");
    file("src/Main.java", "class Main {}");
    file("README.md", "# hi");
    MediaScanner.Result r = scan(List.of("**/*"), List.of());
    assertThat(paths(r)).containsExactly("img/logo.png", "media/a.mp3", "media/b.wav");
    assertThat(r.files()).allMatch(ScannedFile::isCandidate);
    assertThat(r.ignoredNonMedia()).isEqualTo(2);
    assertThat(candidateBytes(r)).isEqualTo(6);
  }

  @Test
  void tellsItsFirstCandidateOnceAndATreeWithoutMediaNever() throws IOException {
    file("media/a.wav", "a");
    file("media/b.wav", "b");
    file("media/empty.wav", "");
    file("src/Main.java", "class Main {}");
    GateConfig config = GateConfig.builder().baseDirectory(base).cacheDirectory(base.resolve(".c"))
        .build();
    List<Integer> told = new ArrayList<>();

    MediaScanner.forConfig(config, warnings::add).scan(() -> told.add(told.size()));
    Files.delete(base.resolve("media/a.wav"));
    Files.delete(base.resolve("media/b.wav"));
    MediaScanner.forConfig(config, warnings::add).scan(() -> told.add(told.size()));

    // The empty file and the Java source are no candidates: the second scan tells nothing.
    assertThat(told).containsExactly(0);
  }

  @Test
  void reportsAFileWhoseUnsupportedExtensionAPatternNamesAsSkipped() throws IOException {
    file("docs/notes.txt", "text");
    file("media/a.wav", "a");
    MediaScanner.Result r = scan(List.of("**/*.wav", "**/*.txt"), List.of());
    assertThat(find(r, "docs/notes.txt").skipReason())
        .startsWith("the Detect API does not accept .txt files (supported: .3gp");
    assertThat(find(r, "media/a.wav").isCandidate()).isTrue();
  }

  @Test
  void appliesExcludesAndTheDefaultExcludes() throws IOException {
    file("media/keep.wav", "k");
    file("media/drafts/old.wav", "o");
    file(".git/objects/x.wav", "g");
    file("sub/.svn/y.wav", "s");
    file("target/resemble/previous.wav", "r");
    file("media/.DS_Store", "junk");
    file("media/take.wav~", "junk");
    MediaScanner.Result r = scan(List.of("**/*"), List.of("media/drafts/"));
    assertThat(paths(r)).containsExactly("media/keep.wav");
  }

  @Test
  void defaultExcludesCanBeTurnedOff() throws IOException {
    file(".git/x.wav", "g");
    GateConfig config = GateConfig.builder().baseDirectory(base).defaultExcludes(false)
        .cacheDirectory(outside).build();
    assertThat(paths(MediaScanner.forConfig(config, warnings::add).scan()))
        .containsExactly(".git/x.wav");
  }

  @Test
  void reportsEmptyFilesAsSkipped() throws IOException {
    file("a.wav", "");
    MediaScanner.Result r = scan(List.of("**/*"), List.of());
    assertThat(find(r, "a.wav").skipReason()).isEqualTo("empty file");
    assertThat(candidates(r)).isZero();
  }

  @Test
  void reportsUnreadableFilesAsSkipped() throws IOException {
    Path p = file("locked.wav", "secret");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
    assumeThat(Files.isReadable(p)).as("running as root, permissions are not enforced").isFalse();
    assertThat(find(scan(List.of("**/*"), List.of()), "locked.wav").skipReason())
        .startsWith("not readable");
  }

  @Test
  void followsSymbolicLinksThatStayInsideTheBase() throws IOException {
    file("real/a.wav", "a");
    Files.createSymbolicLink(base.resolve("linked"), base.resolve("real"));
    Files.createSymbolicLink(base.resolve("alias.wav"), base.resolve("real/a.wav"));
    MediaScanner.Result r = scan(List.of("**/*"), List.of());
    assertThat(paths(r)).containsExactly("alias.wav", "linked/a.wav", "real/a.wav");
    assertThat(r.files()).allMatch(ScannedFile::isCandidate);
  }

  @Test
  void skipsASymbolicLinkThatLeadsOutOfTheBase() throws IOException {
    Files.writeString(outside.resolve("secret.wav"), "x");
    Files.createDirectories(outside.resolve("dir"));
    Files.writeString(outside.resolve("dir/b.wav"), "x");
    Files.createSymbolicLink(base.resolve("escape.wav"), outside.resolve("secret.wav"));
    Files.createSymbolicLink(base.resolve("escape-dir"), outside.resolve("dir"));
    MediaScanner.Result r = scan(List.of("**/*"), List.of());
    assertThat(find(r, "escape.wav").skipReason()).contains("outside the base directory");
    assertThat(find(r, "escape-dir/").skipReason()).contains("outside the base directory");
    assertThat(candidates(r)).isZero();
  }

  @Test
  void endsCleanlyOnASymbolicLinkLoop() throws IOException {
    file("a/x.wav", "x");
    Files.createSymbolicLink(base.resolve("a/up"), base);
    Files.createDirectories(base.resolve("b"));
    Files.createSymbolicLink(base.resolve("a/to-b"), base.resolve("b"));
    Files.createSymbolicLink(base.resolve("b/to-a"), base.resolve("a"));
    MediaScanner.Result r = scan(List.of("**/*"), List.of());
    assertThat(paths(r)).contains("a/x.wav", "b/to-a/x.wav");
    assertThat(warnings).contains("Not following a/up: the symbolic link leads back to the base"
        + " directory, a folder already being scanned (a loop).");
    assertThat(warnings).anyMatch(w -> w.startsWith("Not following b/to-a/to-b: the symbolic link"
        + " leads back to b, a folder already being scanned"));
  }

  @Test
  void reportsABrokenLinkThatMatchesAsSkipped() throws IOException {
    Files.createSymbolicLink(base.resolve("gone.wav"), base.resolve("nowhere.wav"));
    assertThat(find(scan(List.of("**/*"), List.of()), "gone.wav").skipReason())
        .isEqualTo("broken symbolic link");
  }

  @Test
  void topLevelPatternDoesNotEnterFolders() throws IOException {
    file("top.png", "t");
    file("img/deep.png", "d");
    assertThat(paths(scan(List.of("*.png"), List.of()))).containsExactly("top.png");
  }

  @Test
  void refusesAMissingBaseDirectoryWithOneSentence() {
    GateConfig config = GateConfig.builder().baseDirectory(base.resolve("nope"))
        .cacheDirectory(outside).build();
    assertThatThrownBy(() -> MediaScanner.forConfig(config, warnings::add).scan())
        .isInstanceOf(GateException.class)
        .hasMessageContaining("does not exist; point the scan at the folder");
  }

  private static long candidates(MediaScanner.Result r) {
    return r.files().stream().filter(ScannedFile::isCandidate).count();
  }

  private static long candidateBytes(MediaScanner.Result r) {
    return r.files().stream().filter(ScannedFile::isCandidate).mapToLong(ScannedFile::size).sum();
  }

  @Test
  void anIncludePatternThatMatchesNothingBesideOnesThatDoIsNamedOnce() throws IOException {
    // One pattern that matches nothing fails the run; a typo beside a working one must not pass
    // unseen either.
    file("media/a.wav", "a");
    file("drafts/b.wav", "b");
    MediaScanner.Result r = scan(List.of("media/**/*.wav", "**/*.wavv", "drafts/**"),
        List.of("drafts/**"));
    assertThat(paths(r)).containsExactly("media/a.wav");
    assertThat(warnings).containsExactly("The include pattern '**/*.wavv' matched no file in "
        + base + " (after excludes); check it for a typo.",
        "The include pattern 'drafts/**' matched no file in " + base
            + " (after excludes); check it for a typo.");
  }

  @Test
  void includesTheUserDidNotTypeAreNotWatched() throws IOException {
    file("media/a.wav", "a");
    GateConfig config = GateConfig.builder().baseDirectory(base).cacheDirectory(base.resolve(".c"))
        .defaultIncludes(List.of("media/**", "audio/**")).build();
    MediaScanner.forConfig(config, warnings::add).scan();
    assertThat(warnings).isEmpty();
  }
}
