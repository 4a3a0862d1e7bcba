package io.github.resemblegate.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resemblegate.client.BadRequestException;
import io.github.resemblegate.client.BatchRequest;
import io.github.resemblegate.client.DetectBatch;
import io.github.resemblegate.client.DetectPage;
import io.github.resemblegate.client.DetectRequest;
import io.github.resemblegate.client.DetectResult;
import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.MalformedResponseException;
import io.github.resemblegate.client.NotFoundException;
import io.github.resemblegate.client.ResembleException;
import io.github.resemblegate.client.SecureUpload;
import io.github.resemblegate.client.ServerErrorException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.RequestBody;

/**
 * The Detect API's calls, each one request built, sent through the {@link ApiCaller} and parsed:
 * what a ResembleClient does behind its face. A call-limited view shares everything but the
 * caller.
 */
public final class Endpoints {
  /** The list's smallest documented page size. */
  static final int MIN_PAGE_SIZE = 10;

  /** One mapper for the API's JSON, shared by every client of the JVM and made on first use. */
  private static final class ApiJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final HttpUrl baseUrl;
  private final String userAgent;
  private final Exchanges exchanges;
  private final HttpClients http;
  private final ApiCaller caller;
  private final ClientSettings settings;

  private Endpoints(ClientSettings settings, HttpUrl baseUrl, String userAgent, HttpClients http,
      ApiCaller caller) {
    this.baseUrl = baseUrl;
    this.userAgent = userAgent;
    this.exchanges = new Exchanges(baseUrl);
    this.http = http;
    this.caller = caller;
    this.settings = settings;
  }

  /**
   * Loads and sets up what every client needs, HTTP and the reader of the API's JSON, without a
   * request; see {@link io.github.resemblegate.client.ResembleClient#prepare}.
   */
  public static void prepare() {
    HttpClients.prepare();
    try {
      ApiJson.MAPPER.readTree("{\"items\":[{\"uuid\":\"a\",\"score\":0.5}]}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Checks the settings, each mistake one sentence, and builds the client's parts from them. */
  public static Endpoints of(ClientSettings s) {
    String secret = ClientArguments.secret(s.token());
    ClientSettings.Retries retries = s.retries();
    ClientSettings.Timeouts timeouts = s.timeouts();
    ClientArguments.requireRetries(retries.maxRetries());
    ClientArguments.requirePositive("retryBudget", retries.budget(), true);
    ClientArguments.requirePositive("connectTimeout", timeouts.connect(), false);
    ClientArguments.requirePositive("readTimeout", timeouts.read(), false);
    ClientArguments.requirePositive("writeTimeout", timeouts.write(), false);
    ClientArguments.requirePositive("callTimeout", timeouts.call(), false);
    HttpUrl baseUrl = BaseUrl.parse(s.baseUrl());
    String userAgent = userAgent(s.userAgentSuffix());
    RequestRateLimit rateLimit = new RequestRateLimit(s.requestsPerSecond(),
        s.clocks().rateLimit());
    HttpClients http = HttpClients.create(timeouts, s.proxy());
    List<String> secrets = new ArrayList<>(List.of(secret));
    if (HttpClients.authenticatesProxy(s.proxy())) {
      secrets.add(s.proxy().password());
    }
    ApiCaller.Wiring wiring = new ApiCaller.Wiring(http, "Bearer " + secret, userAgent, rateLimit,
        s.listener(), new Failures(new Redactor(secrets)));
    ApiCaller.Rules rules = new ApiCaller.Rules(s.clocks().retries(),
        new Backoff(retries.backoffBase(), retries.jitter()), retries.maxRetries(),
        retries.budget(), timeouts.call(), null);
    return new Endpoints(s, baseUrl, userAgent, http, new ApiCaller(wiring, rules, ApiJson.MAPPER));
  }

  /** The same calls, each ending within {@code timeLimit} with at most {@code maxRetries}. */
  public Endpoints limited(Duration timeLimit, int maxRetries) {
    ClientArguments.requirePositive("timeLimit", timeLimit, true);
    ClientArguments.requireRetries(maxRetries);
    return new Endpoints(settings, baseUrl, userAgent, http, caller.limited(timeLimit, maxRetries));
  }

  public DetectBatch createBatch(BatchRequest request) {
    List<SizedFile> files = UploadRules.checkBatch(request);
    RequestBody body = Uploads.batch(files, request.options(), request.mode());
    return caller.call(exchanges.post("detect/batch", body, true, "batch"),
        json -> ResponseParser.batch(json, null));
  }

  public DetectBatch getBatch(String batchUuid) {
    String uuid = ClientArguments.id("batch", batchUuid);
    return caller.call(exchanges.get("detect", "batch", uuid),
        json -> ResponseParser.batch(json, uuid));
  }

  public Detection getDetect(String detectUuid) {
    String uuid = ClientArguments.id("detection", detectUuid);
    return caller.call(exchanges.get("detect", uuid), json -> ResponseParser.detection(json, uuid));
  }

  /**
   * Where one detection stands. The file's own errors become {@link DetectResult.Failed}: 404,
   * other 4xx and a body marked {@code "success": false} definitely, a 5xx or an unreadable
   * answer (after the usual retries) with leave to ask again. Errors of the run, not of the file
   * (401, 403, 402, 429, transport), are thrown.
   */
  public DetectResult getResult(String detectUuid) {
    String uuid = ClientArguments.id("detection", detectUuid);
    try {
      return caller.call(exchanges.get("detect", uuid), ApiCaller.readingRefusals(json -> {
        if (ApiCaller.refused(json)) {
          String words = ErrorBodies.message(json);
          return new DetectResult.Failed(uuid, "the API answered this file's result with"
              + " \"success\": false" + (words == null ? "" : ": " + words), words, 200, false);
        }
        return DetectResult.of(ResponseParser.detection(json, uuid));
      }));
    } catch (NotFoundException | BadRequestException | ServerErrorException e) {
      return failed(uuid, e, e instanceof ServerErrorException);
    } catch (MalformedResponseException e) {
      return new DetectResult.Failed(uuid, "the API's answer for this file's result could not be"
          + " read (" + Failures.statusText(e.httpStatus()) + ")", null, e.httpStatus(), true);
    }
  }

  private static DetectResult failed(String uuid, ResembleException e, boolean mayRetry) {
    String words = e.serverMessage();
    return new DetectResult.Failed(uuid, "the API answered " + Failures.statusText(e.httpStatus())
        + " for this file's result" + (words == null ? "" : ": " + words), words, e.httpStatus(),
        mayRetry);
  }

  /**
   * The cheapest documented authenticated read: the first page of the detections list at its
   * smallest documented size (10; the docs give 10 to 1000).
   */
  public void checkAccess() {
    caller.call(exchanges.get(listUrl(1, MIN_PAGE_SIZE)), ResponseParser::page);
  }

  public DetectPage listDetects(int page, int pageSize) {
    ClientArguments.requirePage(page, pageSize);
    return caller.call(exchanges.get(listUrl(page, pageSize)), ResponseParser::page);
  }

  private HttpUrl listUrl(int page, int pageSize) {
    return exchanges.url("detect").newBuilder()
        .addQueryParameter("page", Integer.toString(page))
        .addQueryParameter("page_size", Integer.toString(pageSize))
        .build();
  }

  public Detection createDetect(DetectRequest request) {
    Exchange exchange;
    if (request.source() instanceof DetectRequest.Upload upload) {
      String name = upload.partName() != null || upload.path() == null
          || upload.path().getFileName() == null ? upload.partName()
          : PartNames.assign(List.of(upload.path())).get(0).partName();
      SizedFile file = UploadRules.checkDirectUpload(upload.path(), name);
      exchange = exchanges.post("detect", Uploads.detect(file, request.options()), true,
          "detection");
    } else {
      RequestBody body = DetectBody.body(request.source(), request.options(), ApiJson.MAPPER);
      exchange = exchanges.post("detect", body, false, "detection");
    }
    return caller.call(exchange, json -> ResponseParser.detection(json, null));
  }

  public SecureUpload createSecureUpload(Path file) {
    SizedFile checked = UploadRules.checkSecureUpload(file);
    return caller.call(exchanges.post("secure_uploads", Uploads.secureUpload(checked), true,
        "secure upload"), ResponseParser::secureUpload);
  }

  public HttpUrl baseUrl() {
    return baseUrl;
  }

  @Override
  public String toString() {
    return "ResembleClient[baseUrl=" + baseUrl + ", userAgent=" + userAgent
        + ", requestsPerSecond=" + settings.requestsPerSecond() + "]";
  }

  /** Ends the client's threads and closes its idle connections. */
  public void close() {
    http.close();
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
