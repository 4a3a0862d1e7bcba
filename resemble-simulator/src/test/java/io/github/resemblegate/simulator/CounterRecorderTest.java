package io.github.resemblegate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CounterRecorderTest {
  private final AtomicLong now = new AtomicLong();
  private final CounterRecorder recorder = new CounterRecorder(now::get);

  @Test
  void peakCountsTheBusiestOneSecondWindow() {
    at(0, 100, 900);
    at(1600);
    at(2000, 2050, 2100, 2500);

    assertThat(recorder.snapshot().peakRequestsPerSecond()).isEqualTo(5);
    assertThat(recorder.snapshot().totalRequests()).isEqualTo(8);
  }

  @Test
  void windowIsHalfOpenAtOneSecond() {
    at(0, 1000);

    assertThat(recorder.snapshot().peakRequestsPerSecond()).isEqualTo(1);
  }

  @Test
  void countsPerEndpointAndBytes() {
    recorder.request(Endpoint.CREATE_BATCH, 500);
    recorder.request(Endpoint.GET_BATCH, 0);
    recorder.request(Endpoint.GET_BATCH, 0);
    recorder.created(1, 3);

    Counters counters = recorder.snapshot();

    assertThat(counters.requests(Endpoint.CREATE_BATCH)).isEqualTo(1);
    assertThat(counters.requests(Endpoint.GET_BATCH)).isEqualTo(2);
    assertThat(counters.requests(Endpoint.SECURE_UPLOAD)).isZero();
    assertThat(counters.batchPosts()).isEqualTo(1);
    assertThat(counters.batchesCreated()).isEqualTo(1);
    assertThat(counters.detectsCreated()).isEqualTo(3);
    assertThat(counters.bytesReceived()).isEqualTo(500);
  }

  @Test
  void clearsEverything() {
    at(0, 1, 2);
    recorder.unauthorized();
    recorder.fault();
    recorder.clear();

    Counters counters = recorder.snapshot();
    assertThat(counters.totalRequests()).isZero();
    assertThat(counters.peakRequestsPerSecond()).isZero();
    assertThat(counters.unauthorized()).isZero();
    assertThat(counters.faultsFired()).isZero();
  }

  private void at(long... millis) {
    for (long ms : millis) {
      now.set(TimeUnit.MILLISECONDS.toNanos(ms));
      recorder.request(Endpoint.LIST_DETECTS, 0);
    }
  }
}
