package io.github.resemblegate.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * What a ResembleClient shares with its call-limited views, checked and built from its Builder.
 *
 * @param caller the client's own caller, without a view's limits
 */
record ClientParts(HttpUrl baseUrl, String userAgent, double requestsPerSecond,
    Exchanges exchanges, HttpClients http, ApiCaller caller, ObjectMapper mapper) {

  /** One mapper for the API's JSON, shared by every client of the JVM and made on first use. */
  private static final class ApiJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /** Checks the Builder's settings and builds the parts from them. */
  static ClientParts of(ResembleClient.Builder builder) {
    String secret = ClientArguments.secret(builder.token);
    ClientArguments.requireRetries(builder.maxRetries);
    ClientArguments.requirePositive("retryBudget", builder.retryBudget, true);
    ClientArguments.requirePositive("connectTimeout", builder.connectTimeout, false);
    ClientArguments.requirePositive("readTimeout", builder.readTimeout, false);
    ClientArguments.requirePositive("writeTimeout", builder.writeTimeout, false);
    ClientArguments.requirePositive("callTimeout", builder.callTimeout, false);
    ObjectMapper mapper = ApiJson.MAPPER;
    HttpUrl baseUrl = BaseUrl.parse(builder.baseUrl);
    String userAgent = userAgent(builder.userAgentSuffix);
    RequestRateLimit rateLimit = new RequestRateLimit(builder.requestsPerSecond,
        builder.rateLimitTime);

    HttpClients http = HttpClients.create(builder.connectTimeout, builder.readTimeout,
        builder.writeTimeout, builder.proxy);
    List<String> secrets = new ArrayList<>(List.of(secret));
    if (HttpClients.authenticatesProxy(builder.proxy)) {
      secrets.add(builder.proxy.password());
    }
    Failures failures = new Failures(new Redactor(secrets));
    ApiCaller caller = new ApiCaller(http.pooled(), http.fresh(), "Bearer " + secret, userAgent,
        rateLimit, new Backoff(builder.backoffBase, builder.jitter), builder.time,
        builder.maxRetries, builder.retryBudget, builder.callTimeout, builder.listener, failures,
        mapper);
    return new ClientParts(baseUrl, userAgent, builder.requestsPerSecond, new Exchanges(baseUrl),
        http, caller, mapper);
  }

  private static String userAgent(String suffix) {
    String agent = "resemble-gate/" + Version.get();
    if (suffix == null || suffix.isBlank()) {
      return agent;
    }
    String s = suffix.strip();
    if (!s.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("The User-Agent suffix '" + PartNames.printable(s)
          + "' contains characters an HTTP header cannot carry; use plain ASCII.");
    }
    return agent + " " + s;
  }
}
