package io.github.resemblegate.simulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone simulator: {@code java -jar resemble-simulator-<version>.jar --port 8089}. Prints
 * one line with the base URL and serves until killed.
 */
public final class Main {
  static final String USAGE = """
      Usage: java -jar resemble-simulator.jar [options]
        --port N            port to listen on; 0 picks a free one (default 0)
        --host H            address to bind (default 127.0.0.1)
        --token T           accept only this Bearer token (default: any non-empty token)
        --processing-ms MS  processing time of a file in milliseconds (default 2000)
        --rules FILE        JSON scoring rules (format in the README)
        --journal-limit N   requests kept in WireMock's journal (default 500)
        --seed N            seed of rate-based faults (default 42)
        --upload-bandwidth B  bytes per second each connection may upload (default: no limit)
        --verbose           print one line per request (never headers or bodies)
        --help              show this help""";

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    ResembleSimulator simulator;
    try {
      simulator = start(args, System.out);
    } catch (HelpRequested e) {
      System.out.println(USAGE);
      return;
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    if (simulator == null) {
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      simulator.close();
      stopped.countDown();
    }, "resemble-simulator-shutdown"));
    stopped.await();
  }

  /**
   * Parses the arguments, starts a simulator and prints its listening line to {@code out}.
   *
   * @throws IllegalArgumentException with one sentence for a bad argument or rules file
   * @throws IllegalStateException when the port is taken
   */
  static ResembleSimulator start(String[] args, PrintStream out) {
    SimulatorOptions options = parse(args);
    ResembleSimulator simulator = ResembleSimulator.start(options);
    out.println("Resemble simulator listening on " + simulator.baseUrl());
    out.flush();
    return simulator;
  }

  static SimulatorOptions parse(String[] args) {
    SimulatorOptions.Builder options = SimulatorOptions.builder();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help", "-h" -> throw new HelpRequested();
        case "--verbose" -> options.verbose(true);
        case "--port" -> options.port(intValue(arg, value(args, ++i, arg)));
        case "--host" -> options.host(value(args, ++i, arg));
        case "--token" -> options.token(value(args, ++i, arg));
        case "--processing-ms" -> {
          long ms = longValue(arg, value(args, ++i, arg));
          if (ms < 0) {
            throw new IllegalArgumentException("--processing-ms must be 0 or more milliseconds.");
          }
          options.processingTime(Duration.ofMillis(ms));
        }
        case "--rules" -> options.rulesFile(Path.of(value(args, ++i, arg)));
        case "--journal-limit" -> options.journalLimit(intValue(arg, value(args, ++i, arg)));
        case "--seed" -> options.seed(longValue(arg, value(args, ++i, arg)));
        case "--upload-bandwidth" -> options.uploadBandwidth(longValue(arg, value(args, ++i, arg)));
        default -> throw new IllegalArgumentException(
            "Unknown option " + arg + "; run with --help to see the options.");
      }
    }
    return options.build();
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value; run with --help to see the options.");
    }
    return args[index];
  }

  private static int intValue(String option, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, not \"" + text + "\".");
    }
  }

  private static long longValue(String option, String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, not \"" + text + "\".");
    }
  }

  /** --help: print usage, start nothing. */
  static final class HelpRequested extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HelpRequested() {
      super("help", null, false, false);
    }
  }
}
