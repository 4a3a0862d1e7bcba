package io.github.resemblegate.simulator;

import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link ResembleSimulator} for JUnit 5 tests.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SimulatorExtension SIM = new SimulatorExtension();
 *
 * @Test
 * void flagsFakeFiles() {
 *   var client = ResembleClient.builder().baseUrl(SIM.baseUrl())...;
 *   SIM.faults().inject(Fault.serverError(503).on(Endpoint.GET_BATCH));
 * }
 * }</pre>
 *
 * <p>On a {@code static} field it starts one simulator for the test class; on an instance field,
 * one per test. Before each test it calls {@link ResembleSimulator#reset()}: batches, detects,
 * secure uploads, armed faults, counters, the request journal, and rules or processing time changed
 * at run time are all forgotten, so tests never see each other's traffic. Test methods may also
 * declare a {@link ResembleSimulator} parameter (not when a class registers two extensions: then
 * use each one's {@link #simulator()}).
 */
public final class SimulatorExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  /** Processing time of {@link #SimulatorExtension()}: fast tests that still see {@code processing}. */
  public static final Duration TEST_PROCESSING_TIME = Duration.ofMillis(20);

  private final SimulatorOptions options;
  private ResembleSimulator simulator;
  private boolean perTest;

  /** Default options with a {@link #TEST_PROCESSING_TIME} processing time. */
  public SimulatorExtension() {
    this(SimulatorOptions.builder().processingTime(TEST_PROCESSING_TIME).build());
  }

  public SimulatorExtension(SimulatorOptions options) {
    this.options = options;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    simulator = ResembleSimulator.start(options);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (simulator == null) {
      perTest = true;
      simulator = ResembleSimulator.start(options);
    } else {
      simulator.reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (perTest) {
      stop();
    }
  }

  private void stop() {
    if (simulator != null) {
      simulator.close();
      simulator = null;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ResembleSimulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return simulator();
  }

  /** The running simulator. */
  public ResembleSimulator simulator() {
    if (simulator == null) {
      throw new IllegalStateException("The simulator runs only while a test of its class runs.");
    }
    return simulator;
  }

  /** {@code http://127.0.0.1:<port>/api/v2}. */
  public String baseUrl() {
    return simulator().baseUrl();
  }

  public Faults faults() {
    return simulator().faults();
  }

  public Counters counters() {
    return simulator().counters();
  }
}
