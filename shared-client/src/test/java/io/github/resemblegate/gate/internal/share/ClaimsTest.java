package io.github.resemblegate.gate.internal.share;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.gate.internal.ledger.Sha256;
import io.github.resemblegate.gate.internal.store.ResultKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimsTest {

  private static final String API = "http://127.0.0.1:8089/api/v2";
  private static final ResultKey KEY = ResultKey.of(API, BatchOptions.DEFAULTS);
  private static final String A = Sha256.ofText("a");
  private static final String B = Sha256.ofText("b");

  @TempDir Path cache;
  private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

  private Claims claims(ResultKey key) {
    return new Claims(cache, key, warnings::add);
  }

  @Test
  void aContentHeldByOneRunIsRefusedToAnotherUntilItIsReleased() {
    try (Claims first = claims(KEY); Claims second = claims(KEY)) {
      assertThat(first.claim(A)).isTrue();
      assertThat(first.claim(A)).isTrue();
      assertThat(second.claim(A)).isFalse();
      assertThat(second.holds(A)).isFalse();
      long before = second.version();
      first.release(A);
      assertThat(second.version()).isNotEqualTo(before);
      assertThat(second.claim(A)).isTrue();
      assertThat(first.claim(A)).isFalse();
    }
    assertThat(warnings).isEmpty();
  }

  @Test
  void spreadsALargeRunsClaimsOverItsLockFilesAndStillKeepsThemFromOtherRuns() throws Exception {
    List<String> contents = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      contents.add(Sha256.ofText("content " + i));
    }
    try (Claims first = claims(KEY); Claims second = claims(KEY)) {
      assertThat(contents).allMatch(first::claim);
      assertThat(contents).noneMatch(second::claim);
      // Each lock file holds a share, so no single file's lock list grows with the run.
      try (var files = Files.list(cache.resolve("claims"))) {
        assertThat(files.filter(p -> p.getFileName().toString().endsWith(".lock")))
            .hasSize(Claims.SHARDS);
      }
      first.release(contents.subList(0, 500));
      assertThat(contents.subList(0, 500)).allMatch(second::claim);
      assertThat(contents.subList(500, 1000)).noneMatch(second::claim);
    }
  }

  @Test
  void otherContentAndOtherResultKeysAreClaimedIndependently() {
    ResultKey otherOptions = ResultKey.of(API, BatchOptions.builder().frameLength(4).build());
    try (Claims first = claims(KEY); Claims second = claims(KEY);
        Claims third = claims(otherOptions)) {
      assertThat(first.claim(A)).isTrue();
      assertThat(second.claim(B)).isTrue();
      assertThat(third.claim(A)).isTrue();
    }
  }

  @Test
  void closingLetsGoOfEveryClaim() {
    Claims first = claims(KEY);
    first.claim(A);
    first.claim(B);
    first.close();
    try (Claims second = claims(KEY)) {
      assertThat(second.claim(A)).isTrue();
      assertThat(second.claim(B)).isTrue();
    }
  }

  @Test
  void aRunWhoseThreadEndedWithoutLettingGoLosesItsClaims() throws Exception {
    Thread lost = new Thread(() -> claims(KEY).claim(A));
    lost.start();
    lost.join();
    try (Claims next = claims(KEY)) {
      assertThat(next.claim(A)).isTrue();
    }
  }

  @Test
  void anUnusableCacheDirectoryTurnsClaimsOffWithOneWarning() throws Exception {
    Path notADirectory = Files.writeString(cache.resolve("file"), "x");
    try (Claims off = new Claims(notADirectory, KEY, warnings::add);
        Claims alsoOff = new Claims(notADirectory, KEY, m -> { })) {
      assertThat(off.claim(A)).isTrue();
      assertThat(off.claim(B)).isTrue();
      assertThat(alsoOff.claim(A)).isTrue();
      assertThat(off.holds(A)).isFalse();
    }
    assertThat(warnings).singleElement().asString()
        .startsWith("Cannot coordinate with other builds through ")
        .endsWith("content shared with a build running at the same time may be uploaded by both.");
  }
}
