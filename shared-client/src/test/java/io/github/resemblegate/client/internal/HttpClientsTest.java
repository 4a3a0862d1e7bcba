package io.github.resemblegate.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.security.KeyStoreException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class HttpClientsTest {

  /** Throws a checked exception unchecked, as OkHttp's Kotlin code does with the trust store's. */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> OkHttpClient sneaky(Throwable t) throws E {
    throw (E) t;
  }

  @Test
  void aTrustStoreTheJvmCannotReadIsOneSentenceWithItsReason() {
    KeyStoreException unreadable = new KeyStoreException("problem accessing trust store",
        new IOException("Invalid keystore format"));

    assertThatThrownBy(() -> HttpClients.built(() -> sneaky(unreadable)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasCause(unreadable)
        .hasMessage("The JVM's TLS trust store could not be read (problem accessing trust store:"
            + " Invalid keystore format); check the javax.net.ssl.trustStore settings the JVM is"
            + " given (for example in JAVA_TOOL_OPTIONS or MAVEN_OPTS) and that store's"
            + " password.");
  }

  @Test
  void aWorkingSetupIsHandedBackAsBuilt() {
    OkHttpClient made = new OkHttpClient.Builder().build();

    assertThat(HttpClients.built(() -> made)).isSameAs(made);
  }
}
