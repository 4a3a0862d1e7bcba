package io.github.resemblegate.jenkins;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A short valid WAV file (16 kHz, 16-bit mono tone), so the scan sees real audio. */
final class TestMedia {

  private TestMedia() {}

  static byte[] wav(double seconds) {
    int rate = 16_000;
    int samples = (int) (rate * seconds);
    ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate)
        .putInt(rate * 2).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes()).putInt(samples * 2);
    for (int i = 0; i < samples; i++) {
      b.putShort((short) (Math.sin(2 * Math.PI * 440 * i / rate) * 8000));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(b.array());
    return out.toByteArray();
  }
}
