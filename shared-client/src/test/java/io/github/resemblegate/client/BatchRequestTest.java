package io.github.resemblegate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class BatchRequestTest {

  private static List<String> names(String... paths) {
    return BatchRequest.of(java.util.Arrays.stream(paths).map(Path::of).toList(), null, null)
        .files().stream().map(BatchRequest.Part::partName).toList();
  }

  @Test
  void namesPartsAfterTheirBaseNames() {
    assertThat(names("media/intro.wav", "media/poster.PNG")).containsExactly("intro.wav", "poster.PNG");
  }

  @Test
  void renamesFilesSharingABaseNameAfterTheirFolderKeepingTheExtension() {
    assertThat(names("en/intro.wav", "fr/intro.wav", "outro.wav"))
        .containsExactly("en-intro.wav", "fr-intro.wav", "outro.wav");
  }

  @Test
  void neverTakesTheNameOfAnotherRealFile() {
    // en-intro.wav is a real file, so the renamed en/intro.wav must not become it.
    List<String> names = names("en/intro.wav", "fr/intro.wav", "x/en-intro.wav");

    assertThat(names).containsExactly("en-intro-2.wav", "fr-intro.wav", "en-intro.wav");
  }

  @Test
  void numbersNamesWhenTheFoldersShareANameToo() {
    assertThat(names("a/x/intro.wav", "b/x/intro.wav", "c/x/intro.wav", "intro.wav"))
        .containsExactly("x-intro.wav", "x-intro-2.wav", "x-intro-3.wav", "intro-2.wav");
  }

  @Test
  void treatsNamesDifferingOnlyInCaseAsTheSame() {
    List<String> names = names("en/Intro.wav", "fr/intro.WAV");

    assertThat(names).containsExactly("en-Intro.wav", "fr-intro.WAV");
    assertThat(names.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct()).hasSize(2);
  }

  @Test
  void everyNameIsUniqueAmongManyCollisions() {
    List<Path> paths = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      paths.add(Path.of("d" + (i % 3), "clip.mp3"));
      paths.add(Path.of("d" + (i % 3) + "-clip.mp3"));
    }

    List<String> names = BatchRequest.of(paths, null, null).files().stream()
        .map(f -> f.partName().toLowerCase(Locale.ROOT)).toList();

    assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.endsWith(".mp3"));
  }

  @Test
  void replacesCharactersThatCannotTravelInAPartName() {
    assertThat(names("dir/say \"hi\".wav")).containsExactly("say _hi_.wav");
  }

  @Test
  void defaultsOptionsAndMode() {
    BatchRequest request = BatchRequest.of(List.of(Path.of("a.wav")), null, null);

    assertThat(request.options()).isEqualTo(BatchOptions.DEFAULTS);
    assertThat(request.mode()).isEqualTo(IntakeMode.FILES);
    assertThat(request.files()).containsExactly(new BatchRequest.Part(Path.of("a.wav"), "a.wav"));
  }

  @Test
  void refusesAPathWithoutFileName() {
    assertThatThrownBy(() -> names("/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a path to a file");
  }
}
