package io.github.resemblegate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Base of tests that call a default simulator over HTTP, one simulator per test class. */
@ResourceLock("io.github.resemblegate.simulator.SimulatorFixture")
abstract class SimulatorFixture {

  // Every subclass shares this one instance: it starts a fresh simulator in each class's beforeAll
  // and stops it in afterAll, so the lock above keeps two subclasses from ever running at once.
  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  Api api;

  // Final: a subclass method of the same name would silently replace it and leave api null.
  @BeforeEach
  final void client() {
    api = new Api(SIM.baseUrl());
  }

  static void assertBadRequest(Api.Response response, String messagePart) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("success").asBoolean()).isFalse();
    assertThat(response.json().get("message").asText()).contains(messagePart);
  }
}
