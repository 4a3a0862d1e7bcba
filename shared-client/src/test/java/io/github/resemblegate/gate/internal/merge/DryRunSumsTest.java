package io.github.resemblegate.gate.internal.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Findings;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A merged dry run says what its shards would have sent together, read back from the planner's
 * reasons and each file's billable facts: each content once, the playing times their reports
 * carry, and as unknown what a report does not say (a shard of schema 1.2).
 */
class DryRunSumsTest {

  private static FileResult wouldSend(String path, String sha, MediaType type, String reason,
      Double seconds) {
    return new FileResult(path, sha.repeat(64 / sha.length()), 1000, type, Outcome.SKIPPED,
        null, null, null, 0.5, List.of(), null, null, null, reason, null, false, null,
        Findings.NONE, 1000L, seconds);
  }

  @Test
  void sumsEachContentOnceWithThePlayingTimesTheShardsRead() {
    List<FileResult> one = List.of(
        wouldSend("a.wav", "a", MediaType.AUDIO, "dry run: would be submitted in batch 1/2", 90.0),
        wouldSend("b.wav", "b", MediaType.AUDIO, "dry run: would be submitted in batch 2/2", 60.0),
        wouldSend("copy-of-a.wav", "a", MediaType.AUDIO,
            "dry run: would be submitted in batch 1/2", 90.0));
    List<FileResult> two = List.of(
        wouldSend("big.mp4", "c", MediaType.VIDEO,
            "dry run: would be submitted on its own (larger than a batch allows)", null),
        wouldSend("logo.png", "d", MediaType.IMAGE, "dry run: would be submitted in batch 1/1",
            null),
        ShardReports.scored("cached.wav", 0.1));
    List<GateResult> shards = List.of(ShardReports.shard(1, 2, 6, one),
        ShardReports.shard(2, 2, 6, two));
    List<FileResult> all = new ArrayList<>(one);
    all.addAll(two);

    String sentence = DryRunSums.decision(Policy.DEFAULT, shards, all).sentence();

    assertThat(sentence).isEqualTo("Would send 4 files, 4.0 kB, about 2.5 min of media, the"
        + " length of 1 file unknown, in 3 batches and 1 single request; this dry run sent and"
        + " judged nothing.");
  }
}
