package io.github.resemblegate.simulator;

import java.nio.charset.StandardCharsets;

/** Reads the duration of a PCM WAV file from its first bytes. */
final class WavProbe {
  /** Bytes of a file kept while streaming it, enough for the header of any ordinary WAV. */
  static final int HEAD_BYTES = 64 * 1024;

  private WavProbe() {}

  /**
   * The seconds of audio a RIFF/WAVE header states, or null when {@code head} is not a WAV header
   * this probe understands (then the caller estimates from the size).
   */
  static Double seconds(byte[] head, long fileSize) {
    if (head.length < 12 || !ascii(head, 0).equals("RIFF") || !ascii(head, 8).equals("WAVE")) {
      return null;
    }
    long byteRate = 0;
    int pos = 12;
    while (pos + 8 <= head.length) {
      String id = ascii(head, pos);
      long size = u32(head, pos + 4);
      int body = pos + 8;
      if (id.equals("fmt ")) {
        if (body + 16 > head.length) {
          return null;
        }
        byteRate = u32(head, body + 8);
      } else if (id.equals("data")) {
        if (byteRate <= 0) {
          return null;
        }
        long available = fileSize - body;
        // Streamed WAVs leave the size 0 or 0xFFFFFFFF; truncated ones overstate it.
        long dataSize = (size == 0 || size == 0xFFFFFFFFL || size > available) ? available : size;
        return Math.max(0, dataSize) / (double) byteRate;
      }
      if (size > head.length) {
        return null;
      }
      pos = body + (int) size + (int) (size & 1);
    }
    return null;
  }

  static boolean looksLikeWav(byte[] head) {
    return head.length >= 12 && ascii(head, 0).equals("RIFF") && ascii(head, 8).equals("WAVE");
  }

  private static String ascii(byte[] bytes, int offset) {
    return new String(bytes, offset, 4, StandardCharsets.ISO_8859_1);
  }

  private static long u32(byte[] b, int offset) {
    return (b[offset] & 0xFFL)
        | (b[offset + 1] & 0xFFL) << 8
        | (b[offset + 2] & 0xFFL) << 16
        | (b[offset + 3] & 0xFFL) << 24;
  }
}
