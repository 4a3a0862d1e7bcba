package io.github.resemblegate.client.internal;

import io.github.resemblegate.client.ProxyConfig;
import java.net.Proxy;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/** The two OkHttp clients of one ResembleClient: pooled connections, and fresh ones for uploads. */
record HttpClients(OkHttpClient pooled, OkHttpClient fresh) {

  /**
   * The TLS setup every client derives from, made once per JVM: a new OkHttp client reads and
   * parses the JVM's trust store (about 140 certificates) when it is built, and a run builds two
   * clients (its own and the access check's), one of them in front of the first upload. Only
   * the TLS setup is shared: each client gets its own dispatcher and connection pool.
   */
  private static OkHttpClient base;

  /**
   * Loads and sets up, once per JVM, what {@link #create} derives from, without a request: a
   * caller that knows early that it will call the API does this on a thread of its own.
   */
  static void prepare() {
    base();
  }

  private static synchronized OkHttpClient base() {
    if (base == null) {
      base = built(OkHttpClient::new);
    }
    return base;
  }

  /**
   * The base client {@code make} builds, or one sentence when the JVM's TLS setup fails: a trust
   * store that cannot be read (a wrong path, format or password handed to the JVM) is the user's
   * to fix, not a stack trace. Nothing is kept on failure, so whoever asks next (the run, after a
   * warm-up thread met it first) meets the same sentence.
   */
  static OkHttpClient built(Supplier<OkHttpClient> make) {
    try {
      return make.get();
    } catch (Exception e) { // OkHttp is Kotlin: the trust store's KeyStoreException comes unchecked
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (root != e && root.getMessage() != null) {
        why += ": " + root.getMessage();
      }
      throw new IllegalArgumentException("The JVM's TLS trust store could not be read (" + why
          + "); check the javax.net.ssl.trustStore settings the JVM is given (for example in"
          + " JAVA_TOOL_OPTIONS or MAVEN_OPTS) and that store's password.", e);
    }
  }

  static HttpClients create(ClientSettings.Timeouts timeouts, ProxyConfig proxy) {
    OkHttpClient.Builder http = base().newBuilder()
        .dispatcher(new Dispatcher())
        .connectionPool(new ConnectionPool())
        .connectTimeout(timeouts.connect())
        .readTimeout(timeouts.read())
        .writeTimeout(timeouts.write())
        // The retry loop decides what may be sent twice; OkHttp's silent retries could double-bill.
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .eventListenerFactory(call -> {
          SendTracker tracker = call.request().tag(SendTracker.class);
          return tracker != null ? tracker : okhttp3.EventListener.NONE;
        });
    if (proxy == null) {
      // Never the JVM-wide proxy settings: each client is configured explicitly.
      http.proxy(Proxy.NO_PROXY);
    } else {
      http.proxySelector(new ClientProxySelector(proxy));
      if (authenticatesProxy(proxy)) {
        http.proxyAuthenticator(new ProxyCredentials(proxy.username(), proxy.password()));
      }
    }
    OkHttpClient pooled = http.build();
    // Uploads always open a new connection: a pooled one the server already closed would fail
    // after the request was written, and such a POST can never be retried.
    OkHttpClient fresh = pooled.newBuilder()
        .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
        .build();
    return new HttpClients(pooled, fresh);
  }

  /** True when the clients log in to the proxy, so its password is a secret to mask. */
  static boolean authenticatesProxy(ProxyConfig proxy) {
    return proxy != null && proxy.username() != null && !proxy.username().isBlank();
  }

  /** Ends the clients' threads and closes their idle connections. */
  void close() {
    for (OkHttpClient http : List.of(pooled, fresh)) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
