package io.github.resemblegate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthTest {

  @RegisterExtension
  static final SimulatorExtension ANY_TOKEN = new SimulatorExtension();

  @RegisterExtension
  static final SimulatorExtension ONE_TOKEN =
      new SimulatorExtension(SimulatorOptions.builder().token("s3cret").build());

  @Test
  void acceptsAnyNonEmptyBearerTokenWhenNoneIsConfigured() {
    Api api = new Api(ANY_TOKEN.baseUrl(), "whatever-key");

    assertThat(api.get("/detect?page=1").status()).isEqualTo(200);
  }

  @Test
  void answers401WithoutAuthorizationHeader() {
    Api.Response response = new Api(ANY_TOKEN.baseUrl(), null).get("/detect?page=1");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().get("success").asBoolean()).isFalse();
    assertThat(ANY_TOKEN.counters().unauthorized()).isEqualTo(1);
  }

  @Test
  void answers401ForEmptyToken() {
    assertThat(new Api(ANY_TOKEN.baseUrl(), " ").get("/detect?page=1").status()).isEqualTo(401);
  }

  @Test
  void answers401ForTheLegacyTokenScheme() {
    Api.Response response = new Api(ANY_TOKEN.baseUrl(), null)
        .get("/detect?page=1", "Authorization", "Token token=abc");

    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void acceptsOnlyTheConfiguredToken() {
    assertThat(new Api(ONE_TOKEN.baseUrl(), "s3cret").get("/detect?page=1").status()).isEqualTo(200);
    assertThat(new Api(ONE_TOKEN.baseUrl(), "wrong").get("/detect?page=1").status()).isEqualTo(401);
  }

  @Test
  void checksTheTokenBeforeAnythingElse() {
    Api.Response response = new Api(ONE_TOKEN.baseUrl(), "wrong").get("/detect/no-such-id");

    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void neverShowsTheTokenInOptionsText() {
    assertThat(ONE_TOKEN.simulator().options().toString()).doesNotContain("s3cret").contains("****");
  }
}
