package io.github.resemblegate.gate.internal.probe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How long a media file plays, where its container says so in a few header fields, read without
 * decoding anything (no well-kept Java library reads only headers without also bringing a parser
 * stack, so the few fields are read here, each as its format's specification places it):
 * <ul>
 *   <li>WAV: the {@code fmt } chunk's byte rate and the {@code data} chunk's size;</li>
 *   <li>FLAC: STREAMINFO's sample rate and total samples;</li>
 *   <li>MP4, M4A, MOV, 3GP: the {@code moov/mvhd} box's time scale and duration;</li>
 *   <li>Ogg (Vorbis, Opus): the last page's granule position over the sample rate;</li>
 *   <li>MP3: a Xing/Info or VBRI frame count, else the first frame's bit rate over the size.</li>
 * </ul>
 * Anything else, or a header that does not add up, gives null: the duration is then unknown, never
 * guessed.
 */
final class PlayingTime {

  private PlayingTime() {}

  /** The playing time of {@code file}, whose bytes Tika named {@code mediaType}; null if unknown. */
  static Duration of(Path file, String mediaType) {
    try (FileChannel ch = FileChannel.open(file)) {
      return duration(switch (mediaType) {
        case "audio/vnd.wave", "audio/wav", "audio/x-wav" -> wav(ch);
        case "audio/x-flac", "audio/flac" -> flac(ch);
        case "video/mp4", "audio/mp4", "video/quicktime", "video/3gpp", "audio/3gpp",
            "video/x-m4v", "audio/x-m4a", "application/mp4" -> isoMedia(ch);
        case "audio/ogg", "audio/vorbis", "audio/opus", "application/ogg", "video/ogg" ->
            FramedAudio.ogg(ch);
        case "audio/mpeg" -> FramedAudio.mp3(ch);
        default -> null;
      });
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The playing time of {@code file}, its format told by its first twelve bytes, each format's
   * own signature; null if unknown. For a file already known to be media (the content check
   * passed it): far cheaper than asking Tika again, so a plan of many files stays fast.
   */
  static Duration of(Path file) {
    try (FileChannel ch = FileChannel.open(file)) {
      ByteBuffer head = read(ch, 0, 12, ByteOrder.BIG_ENDIAN);
      return duration(ascii(head, 0, "RIFF") && ascii(head, 8, "WAVE") ? wav(ch)
          : ascii(head, 0, "fLaC") ? flac(ch)
          : ascii(head, 4, "ftyp") ? isoMedia(ch)
          : ascii(head, 0, "OggS") ? FramedAudio.ogg(ch)
          : ascii(head, 0, "ID3") || (head.get(0) & 0xFF) == 0xFF && (head.get(1) & 0xE0) == 0xE0
              ? FramedAudio.mp3(ch) : null);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Duration duration(Double seconds) {
    return seconds == null || !(seconds > 0) || seconds.isInfinite() ? null
        : Duration.ofNanos(Math.round(seconds * 1e9));
  }

  private static Double wav(FileChannel ch) throws IOException {
    ByteBuffer riff = read(ch, 0, 12, ByteOrder.LITTLE_ENDIAN);
    if (!ascii(riff, 0, "RIFF") || !ascii(riff, 8, "WAVE")) {
      return null;
    }
    long at = 12;
    long byteRate = 0;
    while (at + 8 <= ch.size()) {
      ByteBuffer head = read(ch, at, 8, ByteOrder.LITTLE_ENDIAN);
      long size = Integer.toUnsignedLong(head.getInt(4));
      if (ascii(head, 0, "fmt ")) {
        byteRate = Integer.toUnsignedLong(read(ch, at + 8, 12, ByteOrder.LITTLE_ENDIAN).getInt(8));
      } else if (ascii(head, 0, "data")) {
        // A streamed WAV may leave the size at 0 or all ones: the data then runs to the end.
        long data = size == 0 || size == 0xFFFFFFFFL ? ch.size() - at - 8 : size;
        return byteRate == 0 ? null : (double) data / byteRate;
      }
      at += 8 + size + (size & 1);
    }
    return null;
  }

  private static Double flac(FileChannel ch) throws IOException {
    ByteBuffer b = read(ch, 0, 4 + 4 + 18, ByteOrder.BIG_ENDIAN);
    if (!ascii(b, 0, "fLaC") || (b.get(4) & 0x7F) != 0) {
      return null; // STREAMINFO must be the first metadata block
    }
    long packed = b.getLong(8 + 10);
    long rate = packed >>> 44;
    long samples = packed & 0xFFFFFFFFFL;
    return rate == 0 || samples == 0 ? null : (double) samples / rate;
  }

  /** Walks boxes to {@code moov}, then to {@code mvhd}. */
  private static Double isoMedia(FileChannel ch) throws IOException {
    long[] moov = box(ch, 0, ch.size(), "moov");
    long[] mvhd = moov == null ? null : box(ch, moov[0], moov[1], "mvhd");
    if (mvhd == null) {
      return null;
    }
    ByteBuffer b = read(ch, mvhd[0], 32, ByteOrder.BIG_ENDIAN);
    boolean wide = b.get(0) == 1;
    long scale = Integer.toUnsignedLong(b.getInt(wide ? 20 : 12));
    long length = wide ? b.getLong(24) : Integer.toUnsignedLong(b.getInt(16));
    return scale == 0 ? null : (double) length / scale;
  }

  /** The content start and end of the first box named {@code type} in [from, to), or null. */
  private static long[] box(FileChannel ch, long from, long to, String type) throws IOException {
    long at = from;
    while (at + 8 <= to) {
      ByteBuffer head = read(ch, at, 16, ByteOrder.BIG_ENDIAN);
      long size = Integer.toUnsignedLong(head.getInt(0));
      int header = 8;
      if (size == 1) {
        size = head.getLong(8);
        header = 16;
      } else if (size == 0) {
        size = to - at;
      }
      if (size < header) {
        return null;
      }
      if (ascii(head, 4, type)) {
        return new long[] {at + header, Math.min(to, at + size)};
      }
      at += size;
    }
    return null;
  }

  /** {@code length} bytes at {@code at} (fewer at the end of the file, zero-filled). */
  static ByteBuffer read(FileChannel ch, long at, int length, ByteOrder order)
      throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length);
    while (b.hasRemaining() && ch.read(b, at + b.position()) > 0) {
      // keep reading: a channel may return fewer bytes than asked
    }
    return b.clear().order(order);
  }

  static boolean ascii(ByteBuffer b, int at, String text) {
    byte[] want = text.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < want.length; i++) {
      if (at + i >= b.limit() || b.get(at + i) != want[i]) {
        return false;
      }
    }
    return true;
  }
}
