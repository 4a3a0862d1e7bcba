package io.github.resemblegate.gate.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resemblegate.gate.GateException;
import org.junit.jupiter.api.Test;

class AntPatternTest {

  private static boolean m(String pattern, String path) {
    return AntPattern.compile(pattern, "includes").matches(path);
  }

  @Test
  void doubleStarMatchesAnyNumberOfFolders() {
    assertThat(m("**/*.wav", "a.wav")).isTrue();
    assertThat(m("**/*.wav", "media/a.wav")).isTrue();
    assertThat(m("**/*.wav", "media/x/y/a.wav")).isTrue();
    assertThat(m("**/*.wav", "media/a.mp3")).isFalse();
    assertThat(m("media/**/intro.wav", "media/intro.wav")).isTrue();
    assertThat(m("media/**/intro.wav", "media/a/b/intro.wav")).isTrue();
    assertThat(m("media/**/intro.wav", "other/intro.wav")).isFalse();
  }

  @Test
  void singleStarStaysWithinOneName() {
    assertThat(m("*.png", "logo.png")).isTrue();
    assertThat(m("*.png", "img/logo.png")).isFalse();
    assertThat(m("img/*.png", "img/logo.png")).isTrue();
    assertThat(m("img/*", "img/sub/logo.png")).isFalse();
  }

  @Test
  void questionMarkMatchesExactlyOneCharacter() {
    assertThat(m("take?.wav", "take1.wav")).isTrue();
    assertThat(m("take?.wav", "take12.wav")).isFalse();
    assertThat(m("take?.wav", "take.wav")).isFalse();
  }

  @Test
  void trailingSlashMeansEverythingBelow() {
    assertThat(m("media/", "media/a.wav")).isTrue();
    assertThat(m("media/", "media/x/a.wav")).isTrue();
    assertThat(m("media/**", "media/x/a.wav")).isTrue();
    assertThat(m("media/", "mediax/a.wav")).isFalse();
  }

  @Test
  void matchingIsCaseSensitiveAndReadsBackslashesAsSlashes() {
    assertThat(m("**/*.wav", "a.WAV")).isFalse();
    assertThat(m("media\\*.wav", "media/a.wav")).isTrue();
    assertThat(m("/media/*.wav", "media/a.wav")).isTrue();
  }

  @Test
  void starsBacktrackWithinAName() {
    assertThat(AntPattern.matchName("*a*b*c", "xxaxxbxxbxc")).isTrue();
    assertThat(AntPattern.matchName("*.tar.gz", "x.tar.gz")).isTrue();
    assertThat(AntPattern.matchName("*.tar.gz", "x.tar.bz")).isFalse();
    assertThat(AntPattern.matchName("a*", "")).isFalse();
    assertThat(AntPattern.matchName("*", "")).isTrue();
  }

  @Test
  void tellsWhetherAFolderCanHoldMatches() {
    AntPattern media = AntPattern.compile("media/**/*.wav", "includes");
    assertThat(media.couldMatchBelow("media")).isTrue();
    assertThat(media.couldMatchBelow("media/deep/er")).isTrue();
    assertThat(media.couldMatchBelow("src")).isFalse();
    AntPattern top = AntPattern.compile("*.png", "includes");
    assertThat(top.couldMatchBelow("")).isTrue();
    assertThat(top.couldMatchBelow("img")).isFalse();
    AntPattern exact = AntPattern.compile("a/b.wav", "includes");
    assertThat(exact.couldMatchBelow("a")).isTrue();
    assertThat(exact.couldMatchBelow("a/b.wav")).isFalse();
  }

  @Test
  void tellsWhetherAnExcludeCoversAWholeFolder() {
    AntPattern git = AntPattern.compile("**/.git/**", "excludes");
    assertThat(git.matchesEverythingBelow(".git")).isTrue();
    assertThat(git.matchesEverythingBelow("sub/.git")).isTrue();
    assertThat(git.matchesEverythingBelow("src")).isFalse();
    assertThat(AntPattern.compile("**/*.wav", "excludes").matchesEverythingBelow("a")).isFalse();
  }

  @Test
  void namesTheExtensionAPatternSpellsOut() {
    assertThat(AntPattern.compile("**/*.txt", "includes").literalExtension()).isEqualTo("txt");
    assertThat(AntPattern.compile("docs/Notes.MD", "includes").literalExtension()).isEqualTo("md");
    assertThat(AntPattern.compile("**/*", "includes").literalExtension()).isNull();
    assertThat(AntPattern.compile("**/*.*", "includes").literalExtension()).isNull();
    assertThat(AntPattern.compile("a/**", "includes").literalExtension()).isNull();
  }

  @Test
  void refusesBlankPatternsAndDoubleStarInsideANameWithOneSentence() {
    assertThatThrownBy(() -> AntPattern.compile(" ", "includes"))
        .isInstanceOf(GateException.class).hasMessageStartingWith("includes contains an empty");
    assertThatThrownBy(() -> AntPattern.compile("media/**.wav", "excludes"))
        .isInstanceOf(GateException.class).hasMessageContaining("media/**.wav");
  }
}
