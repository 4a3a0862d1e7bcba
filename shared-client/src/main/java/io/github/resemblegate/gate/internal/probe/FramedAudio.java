package io.github.resemblegate.gate.internal.probe;

import static io.github.resemblegate.gate.internal.probe.PlayingTime.ascii;
import static io.github.resemblegate.gate.internal.probe.PlayingTime.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Playing time of the formats made of frames or pages rather than one header that says it: Ogg
 * (RFC 3533: the last page's granule position counts samples; Vorbis I and RFC 7845 for Opus give
 * the rate) and MP3 (ISO 11172-3 frame headers; the Xing/Info or VBRI frame that encoders put
 * first counts the frames, else a constant bit rate is assumed).
 */
final class FramedAudio {

  /** How far from the end the last Ogg page, and from the start the first MP3 frame, is sought. */
  private static final int WINDOW = 64 * 1024;
  private static final int[] MPEG1_L3_KBPS = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192,
      224, 256, 320};
  private static final int[] MPEG2_L3_KBPS = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128,
      144, 160};
  private static final int[] MPEG1_RATES = {44100, 48000, 32000};

  private FramedAudio() {}

  static Double ogg(FileChannel ch) throws IOException {
    ByteBuffer first = read(ch, 0, 27 + 255 + 20, ByteOrder.LITTLE_ENDIAN);
    if (!ascii(first, 0, "OggS")) {
      return null;
    }
    int packet = 27 + (first.get(26) & 0xFF);
    long rate;
    long skip = 0;
    if (first.get(packet) == 1 && ascii(first, packet + 1, "vorbis")) {
      rate = Integer.toUnsignedLong(first.getInt(packet + 12));
    } else if (ascii(first, packet, "OpusHead")) {
      rate = 48_000; // Opus granule positions always count 48 kHz samples
      skip = first.getShort(packet + 10) & 0xFFFF;
    } else {
      return null;
    }
    long from = Math.max(0, ch.size() - WINDOW);
    ByteBuffer tail = read(ch, from, (int) (ch.size() - from), ByteOrder.LITTLE_ENDIAN);
    for (int at = tail.limit() - 27; at >= 0; at--) {
      if (ascii(tail, at, "OggS") && tail.get(at + 4) == 0) {
        long granule = tail.getLong(at + 6);
        return rate == 0 || granule <= skip ? null : (double) (granule - skip) / rate;
      }
    }
    return null;
  }

  static Double mp3(FileChannel ch) throws IOException {
    long start = 0;
    ByteBuffer id3 = read(ch, 0, 10, ByteOrder.BIG_ENDIAN);
    if (ascii(id3, 0, "ID3")) {
      long tag = (id3.get(6) & 0x7F) << 21 | (id3.get(7) & 0x7F) << 14 | (id3.get(8) & 0x7F) << 7
          | (id3.get(9) & 0x7F);
      start = 10 + tag + ((id3.get(5) & 0x10) != 0 ? 10 : 0);
    }
    ByteBuffer b = read(ch, start, WINDOW, ByteOrder.BIG_ENDIAN);
    for (int at = 0; at + 4 <= b.limit(); at++) {
      Double seconds = frame(ch, b, at, start);
      if (seconds != null) {
        return seconds;
      }
    }
    return null;
  }

  /** The playing time if a Layer III frame header starts at {@code at}, else null. */
  private static Double frame(FileChannel ch, ByteBuffer b, int at, long start)
      throws IOException {
    int h1 = b.get(at) & 0xFF;
    int h2 = b.get(at + 1) & 0xFF;
    int h3 = b.get(at + 2) & 0xFF;
    int version = (h2 >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5, 1: reserved
    int layer = (h2 >> 1) & 3; // 1: Layer III
    int bitrateIndex = h3 >> 4;
    int rateIndex = (h3 >> 2) & 3;
    if (h1 != 0xFF || (h2 & 0xE0) != 0xE0 || version == 1 || layer != 1 || bitrateIndex == 0
        || bitrateIndex == 15 || rateIndex == 3) {
      return null;
    }
    boolean mpeg1 = version == 3;
    int rate = MPEG1_RATES[rateIndex] / (mpeg1 ? 1 : version == 2 ? 2 : 4);
    int samplesPerFrame = mpeg1 ? 1152 : 576;
    boolean mono = ((b.get(at + 3) & 0xFF) >> 6) == 3;
    int xing = at + 4 + (mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17));
    if (ascii(b, xing, "Xing") || ascii(b, xing, "Info")) {
      if ((b.getInt(xing + 4) & 1) != 0) {
        return (double) Integer.toUnsignedLong(b.getInt(xing + 8)) * samplesPerFrame / rate;
      }
    } else if (ascii(b, at + 36, "VBRI")) {
      return (double) Integer.toUnsignedLong(b.getInt(at + 36 + 14)) * samplesPerFrame / rate;
    }
    int kbps = (mpeg1 ? MPEG1_L3_KBPS : MPEG2_L3_KBPS)[bitrateIndex];
    long audioBytes = ch.size() - start - at;
    if (audioBytes > 128 && ascii(read(ch, ch.size() - 128, 3, ByteOrder.BIG_ENDIAN), 0, "TAG")) {
      audioBytes -= 128; // an ID3v1 tag at the end is no audio
    }
    return audioBytes * 8.0 / (kbps * 1000.0);
  }
}
