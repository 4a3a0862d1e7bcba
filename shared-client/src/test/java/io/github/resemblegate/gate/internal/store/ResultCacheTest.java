package io.github.resemblegate.gate.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.client.Detection.Retention;
import io.github.resemblegate.client.Detection.ReverseSearchSource;
import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.client.ScoreReading;
import io.github.resemblegate.gate.internal.ledger.Analysis;
import io.github.resemblegate.gate.policy.Findings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultCacheTest {

  @TempDir Path dir;
  private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
  private static final String SHA = "0123456789abcdef".repeat(4);
  private static final String SIM = "http://127.0.0.1:8089/api/v2";

  private static Analysis video() {
    return new Analysis("d1", "b1", MediaType.VIDEO,
        new ScoreReading.Scored(0.25, "video_metrics.score"), "real",
        new ScoreReading.NoSpeech("metrics.aggregated_score", -1.0), null,
        Arrays.asList(0.5, null), 2.0, List.of(0.1, 0.3));
  }

  private ResultCache cache(String api, BatchOptions options) {
    return new ResultCache(dir, ResultKey.of(api, options), warnings::add);
  }

  @Test
  void returnsWhatWasStored() {
    ResultCache cache = cache(SIM, BatchOptions.DEFAULTS);
    assertThat(cache.get(SHA)).isNull();
    cache.put(SHA, video());
    assertThat(cache.get(SHA)).isEqualTo(video());
    assertThat(warnings).isEmpty();
  }

  @Test
  void keepsWhatTheApiSaidBesideTheScoreSoACachedFileReportsTheSame() throws IOException {
    Findings found = new Findings("fraud.type: synthetic_media_fraud", "elevenlabs",
        List.of(new ReverseSearchSource("https://news.example/p", "Poster", "seen before",
            "known_fake", 0.9)), "Fake", 0.93,
        new Retention(true, true, true, "2026-11-25T10:16:00Z"));
    Analysis a = video();
    Analysis withFindings = new Analysis(a.detectId(), a.batchId(), a.mediaType(), a.primary(),
        a.primaryLabel(), a.audioTrack(), a.audioTrackLabel(), a.audioChunks(), a.chunkSeconds(),
        a.frameScores(), found);
    ResultCache cache = cache(SIM, BatchOptions.DEFAULTS);

    cache.put(SHA, withFindings);

    assertThat(cache.get(SHA)).isEqualTo(withFindings);
    // An entry without findings (every entry written before they were kept) has no such key.
    cache.put(SHA, video());
    assertThat(Files.readString(cache.entryFile(SHA))).doesNotContain("findings");
    assertThat(cache.get(SHA).findings()).isEqualTo(Findings.NONE);
    assertThat(warnings).isEmpty();
  }

  @Test
  void keysResultsByApiUrlAndResultChangingOptionsOnly() {
    cache(SIM, BatchOptions.DEFAULTS).put(SHA, video());
    assertThat(cache(ResembleDefaults.URL, BatchOptions.DEFAULTS).get(SHA)).isNull();
    assertThat(cache(SIM, BatchOptions.builder().frameLength(4).build()).get(SHA)).isNull();
    assertThat(cache(SIM, BatchOptions.builder().useLlm(true).build()).get(SHA)).isNull();
    assertThat(cache(SIM + "/", BatchOptions.builder().visualize(false).zeroRetentionMode(true)
        .callbackUrl("https://hooks.example/x").build()).get(SHA)).isEqualTo(video());
  }

  @Test
  void ignoresACorruptEntryWithAWarning() throws IOException {
    ResultCache cache = cache(SIM, BatchOptions.DEFAULTS);
    cache.put(SHA, video());
    Files.writeString(cache.entryFile(SHA), "{\"format\":1,\"sha256\":\"" + SHA + "\",\"res");
    assertThat(cache.get(SHA)).isNull();
    assertThat(warnings).singleElement().asString().startsWith("Ignoring a corrupt cache entry");
    cache.put(SHA, video());
    assertThat(cache.get(SHA)).isEqualTo(video());
  }

  @Test
  void ignoresAnEntryCopiedUnderAnotherHash() throws IOException {
    ResultCache cache = cache(SIM, BatchOptions.DEFAULTS);
    cache.put(SHA, video());
    String other = "f".repeat(64);
    Files.createDirectories(cache.entryFile(other).getParent());
    Files.copy(cache.entryFile(SHA), cache.entryFile(other));
    assertThat(cache.get(other)).isNull();
    assertThat(warnings).hasSize(1);
  }

  @Test
  void anUnwritableCacheWarnsOnceAndKeepsGoing() throws IOException {
    Files.writeString(dir.resolve("results"), "a file where the folder should be");
    ResultCache cache = cache(SIM, BatchOptions.DEFAULTS);
    cache.put(SHA, video());
    cache.put("f".repeat(64), video());
    assertThat(warnings).singleElement().asString().startsWith("Could not store results in the cache");
    assertThat(cache.get(SHA)).isNull();
    assertThat(cache.get("f".repeat(64))).isNull();
    assertThat(warnings).hasSize(2).last().asString().startsWith("Cannot read the cache");
  }

  @Test
  void parallelWritersLeaveOnlyWholeEntries() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(pool.submit(() -> {
          ResultCache cache = cache(SIM, BatchOptions.DEFAULTS);
          for (int i = 0; i < 50; i++) {
            String sha = String.format("%064x", i);
            cache.put(sha, video());
            Analysis back = cache.get(sha);
            if (!video().equals(back)) {
              throw new AssertionError("read back " + back);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(warnings).isEmpty();
    try (Stream<Path> files = Files.walk(dir.resolve("results"))) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .hasSize(50).allMatch(n -> n.endsWith(".json"));
    }
  }

  /** The default API URL, spelled out so the test does not depend on the client class. */
  private static final class ResembleDefaults {
    static final String URL = "https://app.resemble.ai/api/v2";
  }
}
