package io.github.resemblegate.robustness;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures {@code System.out}, {@code System.err} and every {@code java.util.logging} record at
 * level ALL (OkHttp logs there) while open. Formatted records include their parameters and the
 * stack traces of their exceptions.
 */
final class ConsoleCapture implements AutoCloseable {

  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Logger root = Logger.getLogger("");
  private final Level originalLevel = root.getLevel();
  private final List<Logger> raised = new ArrayList<>();
  private final List<String> records = new ArrayList<>();
  private final Handler handler = new Handler() {
    private final SimpleFormatter format = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      synchronized (records) {
        records.add(format.format(record));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  private ConsoleCapture() {}

  static ConsoleCapture start() {
    ConsoleCapture c = new ConsoleCapture();
    System.setOut(new PrintStream(c.out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(c.err, true, StandardCharsets.UTF_8));
    c.handler.setLevel(Level.ALL);
    c.root.addHandler(c.handler);
    c.root.setLevel(Level.ALL);
    for (String name : List.of("okhttp3", "okhttp3.OkHttpClient", "io.github.resemblegate")) {
      Logger l = Logger.getLogger(name);
      l.setLevel(Level.ALL);
      c.raised.add(l);
    }
    return c;
  }

  String text() {
    synchronized (records) {
      return out.toString(StandardCharsets.UTF_8) + "\n" + err.toString(StandardCharsets.UTF_8)
          + "\n" + String.join("\n", records);
    }
  }

  int julRecords() {
    synchronized (records) {
      return records.size();
    }
  }

  @Override
  public void close() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    root.removeHandler(handler);
    root.setLevel(originalLevel);
    raised.forEach(l -> l.setLevel(null));
  }
}
