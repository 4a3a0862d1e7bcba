package io.github.resemblegate.client.internal;

import io.github.resemblegate.client.ProxyConfig;
import java.net.Proxy;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
  private static final class Tls {
    static final OkHttpClient BASE = new OkHttpClient();
  }

  /**
   * Loads and sets up, once per JVM, what {@link #create} derives from, without a request: a
   * caller that knows early that it will call the API does this on a thread of its own.
   */
  static void prepare() {
    Tls.BASE.connectionSpecs();
  }

  static HttpClients create(ClientSettings.Timeouts timeouts, ProxyConfig proxy) {
    OkHttpClient.Builder http = Tls.BASE.newBuilder()
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
