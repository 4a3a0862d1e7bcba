package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretMaskerTest {

  @Test
  void masksEverySecretWhereverItAppears() {
    SecretMasker m = new SecretMasker("tok-1", "proxy-pw");

    assertThat(m.mask("Bearer tok-1 via ci:proxy-pw@proxy, again tok-1"))
        .isEqualTo("Bearer **** via ci:****@proxy, again ****");
  }

  @Test
  void aSecretContainingAnotherIsMaskedWhole() {
    assertThat(new SecretMasker("abc", "abcdef").mask("key abcdef")).isEqualTo("key ****");
  }

  @Test
  void missingSecretsLeaveTextAlone() {
    assertThat(new SecretMasker(null, "").mask("nothing secret")).isEqualTo("nothing secret");
    assertThat(new SecretMasker("x").mask(null)).isNull();
  }
}
