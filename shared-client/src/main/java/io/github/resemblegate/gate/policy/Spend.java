package io.github.resemblegate.gate.policy;

import io.github.resemblegate.client.MediaType;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What a run sends, or would send, and so bills: distinct files, their bytes, the playing time
 * their containers state, and how many audio and video files state none (unknown, not 0).
 */
public record Spend(int files, long bytes, double playingSeconds, int unknownPlayingTimes) {

  /**
   * The spend of sending {@code files}: each content once, its {@link FileResult#billableBytes}
   * (its size when a report did not say), and the playing times they carry.
   */
  public static Spend of(Collection<FileResult> files) {
    Set<String> seen = new HashSet<>();
    int n = 0;
    long bytes = 0;
    double seconds = 0;
    int unknown = 0;
    for (FileResult f : files) {
      if (f.sha256() != null && !seen.add(f.sha256())) {
        continue;
      }
      n++;
      bytes += f.billableBytes() == null ? f.size() : f.billableBytes();
      if (f.playingSeconds() != null) {
        seconds += f.playingSeconds();
      } else if (f.mediaType() != MediaType.IMAGE) {
        unknown++;
      }
    }
    return new Spend(n, bytes, seconds, unknown);
  }

  /** What a finished run's files bill: those that carry a {@link FileResult#billableBytes}. */
  public static Spend billed(Collection<FileResult> files) {
    return of(files.stream().filter(f -> f.billableBytes() != null).toList());
  }

  /** {@code 3 files, 1.2 MB, about 4.5 min of media, the length of 1 file unknown}. */
  public String words() {
    String media = SizeFormat.playingTime(playingSeconds, unknownPlayingTimes);
    return files + (files == 1 ? " file, " : " files, ") + SizeFormat.bytes(bytes)
        + (media.isEmpty() ? "" : ", " + media);
  }
}
