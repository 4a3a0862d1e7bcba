package io.github.resemblegate.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/** The Detect API's behaviour: validation, state changes and answers, endpoint by endpoint. */
final class DetectApi {
  static final int MAX_BATCH_FILES = 50;
  static final long MAX_BATCH_BYTES = 500_000_000L;
  static final long MAX_UPLOAD_BYTES = 150_000_000L;
  static final double URL_MEDIA_SECONDS = 10.0;
  static final Duration MEDIA_TOKEN_LIFETIME = Duration.ofHours(1);

  private final DetectStore store;
  private final CounterRecorder counters;
  private final Supplier<ScoringRules> rules;
  private final Supplier<Duration> processingTime;
  private final Duration syncWaitLimit;
  private final Clock clock;
  private final Callbacks callbacks;
  private final SecureRandom random = new SecureRandom();

  DetectApi(DetectStore store, CounterRecorder counters, Supplier<ScoringRules> rules,
      Supplier<Duration> processingTime, Duration syncWaitLimit, Clock clock, Callbacks callbacks) {
    this.store = store;
    this.counters = counters;
    this.rules = rules;
    this.processingTime = processingTime;
    this.syncWaitLimit = syncWaitLimit;
    this.clock = clock;
    this.callbacks = callbacks;
  }

  ApiResponse handle(ApiRequest request) {
    try {
      if (request.upload() != null && request.upload().tooLarge()) {
        return ApiResponse.error(413, "The request body is too large for this endpoint.");
      }
      DetectJson json = new DetectJson(request.mediaBaseUrl());
      checkQuery(request);
      return switch (request.endpoint()) {
        case CREATE_BATCH -> createBatch(request, json);
        case GET_BATCH -> getBatch(request.id(), json);
        case CREATE_DETECT -> createDetect(request, json);
        case GET_DETECT -> getDetect(request.id(), json);
        case LIST_DETECTS -> list(request, json);
        case SECURE_UPLOAD -> secureUpload(request);
        case OTHER -> ApiResponse.error(404, "Not found");
      };
    } catch (ApiError e) {
      return ApiResponse.error(e.status(), e.getMessage());
    }
  }

  /**
   * The reads take only the query parameters their pages document: the list {@code page} and
   * {@code page_size}, the others none. Anything else is refused, as an API validating its
   * parameters would, rather than ignored.
   */
  private static void checkQuery(ApiRequest request) {
    java.util.Set<String> allowed = switch (request.endpoint()) {
      case LIST_DETECTS -> java.util.Set.of("page", "page_size");
      case GET_DETECT, GET_BATCH -> java.util.Set.of();
      default -> null;
    };
    if (allowed == null) {
      return;
    }
    for (String name : new TreeSet<>(request.queryNames())) {
      if (!allowed.contains(name)) {
        throw ApiError.badRequest("Unknown query parameter " + name + "; "
            + (allowed.isEmpty() ? "this endpoint takes none."
            : "this endpoint takes " + String.join(" and ", new TreeSet<>(allowed)) + "."));
      }
    }
  }

  // ---- POST /detect/batch ----

  private record Incoming(String fileName, long size, Double wavSeconds) {}

  private ApiResponse createBatch(ApiRequest request, DetectJson json) {
    if (preferWait(request.header().apply("Prefer")) != null) {
      throw ApiError.badRequest("Prefer: wait is not supported for batches; poll GET /detect/batch/{uuid} instead.");
    }
    StreamedUpload upload = multipartOf(request);
    List<StreamedPart> files = upload.files("files[]");
    List<StreamedPart> zips = upload.files("file");
    if (!files.isEmpty() && !zips.isEmpty()) {
      throw ApiError.badRequest("Send either files[] parts or one zip in file, not both.");
    }
    if (files.isEmpty() && zips.isEmpty()) {
      throw ApiError.badRequest("No files were provided; send files[] parts or one zip in file.");
    }
    if (zips.size() > 1) {
      throw ApiError.badRequest("Send a single zip archive in file, not " + zips.size() + ".");
    }
    boolean zipIntake = !zips.isEmpty();
    List<Incoming> incoming = zipIntake ? zipEntries(zips.get(0)) : direct(files);
    if (incoming.size() > MAX_BATCH_FILES) {
      throw ApiError.badRequest("A batch holds at most " + MAX_BATCH_FILES + " files; this one has "
          + incoming.size() + ". Split it into several batches.");
    }
    long total = incoming.stream().mapToLong(Incoming::size).sum();
    if (total > MAX_BATCH_BYTES) {
      throw ApiError.badRequest(String.format(Locale.ROOT,
          "A batch holds at most 500 MB in total; this one has %.1f MB.", total / 1e6));
    }
    for (Incoming file : incoming) {
      if (!MediaKind.BATCH_EXTENSIONS.contains(MediaKind.extension(file.fileName()))) {
        throw ApiError.badRequest(file.fileName() + " is not a supported file type for a batch; supported: "
            + extensionList(MediaKind.BATCH_EXTENSIONS) + ".");
      }
      if (file.size() == 0) {
        throw ApiError.badRequest(file.fileName() + " is empty.");
      }
    }
    DetectSettings settings = DetectSettings.forBatch(name -> upload.field(name).orElse(null));

    Instant now = clock.instant();
    String batchUuid = UUID.randomUUID().toString();
    int n = incoming.size();
    List<DetectRecord> children = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Incoming file = incoming.get(i);
      ScoringRule rule = rules.get().match(file.fileName());
      // Children finish spread out, the last after exactly its processing time, so that progress
      // (completed_count) is visible while a batch runs.
      long nanos = processingOf(rule).toNanos() * (n + i + 1) / (2L * n);
      children.add(newDetect(file.fileName(), file.size(), file.wavSeconds(), now, now.plusNanos(nanos),
          rule, settings, batchUuid, ReceivedDetect.Source.BATCH, null));
    }
    BatchRecord batch = new BatchRecord(batchUuid, now, children.stream().map(DetectRecord::uuid).toList(),
        incoming.stream().map(Incoming::fileName).toList(), zipIntake, settings);
    store.addBatch(batch, children);
    counters.created(1, n);
    if (hasCallback(settings)) {
      // The batch page: the API calls callback_url with the batch payload once it is terminal.
      Instant ends = children.stream().map(DetectRecord::completesAt).max(Instant::compareTo)
          .orElse(now);
      callbacks.schedule(settings.callbackUrl(), ends, () -> envelope(
          json.batch(batch, store.children(batch), ends)));
    }
    return ApiResponse.item(202, json.createdBatch(batch));
  }

  private static List<Incoming> direct(List<StreamedPart> parts) {
    List<Incoming> files = new ArrayList<>();
    for (StreamedPart part : parts) {
      String name = part.fileName() == null || part.fileName().isBlank() ? "" : part.fileName();
      if (name.isEmpty()) {
        throw ApiError.badRequest("A files[] part has no filename; send each file with its name.");
      }
      checkContentType(name, part.contentType());
      files.add(new Incoming(name, part.size(), part.wavSeconds()));
    }
    return files;
  }

  private static List<Incoming> zipEntries(StreamedPart zip) {
    if (zip.zipError() != null) {
      throw ApiError.badRequest("The zip archive could not be read: " + zip.zipError() + ".");
    }
    if (zip.zipEntries() == null) {
      throw ApiError.badRequest("The file part must be a .zip archive; send media files as files[] parts.");
    }
    List<Incoming> files = zip.mediaEntries().stream()
        .map(entry -> new Incoming(entry.fileName(), entry.size(), entry.wavSeconds()))
        .toList();
    if (files.isEmpty()) {
      throw ApiError.badRequest("The zip archive holds no supported media files.");
    }
    return files;
  }

  // ---- GET /detect/batch/{uuid} and GET /detect/{uuid} ----

  private ApiResponse getBatch(String uuid, DetectJson json) {
    BatchRecord batch = store.batch(uuid);
    if (batch == null) {
      return ApiResponse.error(404, "Detect batch not found");
    }
    return ApiResponse.item(200, json.batch(batch, store.children(batch), clock.instant()));
  }

  private ApiResponse getDetect(String uuid, DetectJson json) {
    DetectRecord detect = store.detect(uuid);
    if (detect == null) {
      return ApiResponse.error(404, "Detect not found");
    }
    ErrorAnswer error = detect.rule().answer().error();
    if (error != null) {
      return error.response();
    }
    return ApiResponse.item(200, json.item(detect, clock.instant(), DetectJson.Shape.SINGLE));
  }

  // ---- GET /detect ----

  private ApiResponse list(ApiRequest request, DetectJson json) {
    String pageText = request.query().apply("page");
    if (pageText == null) {
      throw ApiError.badRequest("page is required; pages start at 1.");
    }
    int page = wholeNumber("page", pageText);
    if (page < 1) {
      throw ApiError.badRequest("page must be 1 or more, not " + page + ".");
    }
    String sizeText = request.query().apply("page_size");
    int pageSize = sizeText == null ? 10 : wholeNumber("page_size", sizeText);
    if (pageSize < 10 || pageSize > 1000) {
      throw ApiError.badRequest("page_size must be from 10 to 1000, not " + pageSize + ".");
    }
    Instant now = clock.instant();
    List<DetectRecord> all = store.newestFirst();
    int totalCount = all.size();
    int numPages = (totalCount + pageSize - 1) / pageSize;
    ObjectNode body = LooseJson.object();
    body.put("success", true);
    body.put("page", page);
    body.put("num_pages", numPages);
    body.put("page_size", pageSize);
    body.put("total_count", totalCount);
    ArrayNode items = body.putArray("items");
    long from = (long) (page - 1) * pageSize;
    for (long i = from; i < Math.min(totalCount, from + pageSize); i++) {
      items.add(json.item(all.get((int) i), now, DetectJson.Shape.LIST));
    }
    return ApiResponse.json(200, body);
  }

  private static int wholeNumber(String name, String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(name + " must be a whole number, not \"" + text + "\".");
    }
  }

  // ---- POST /detect ----

  private ApiResponse createDetect(ApiRequest request, DetectJson json) {
    Function<String, String> field;
    List<StreamedPart> files = List.of();
    if (request.upload() != null) {
      StreamedUpload upload = multipartOf(request);
      files = upload.files("file");
      field = name -> upload.field(name).orElse(null);
    } else if (request.isJson()) {
      JsonNode body = jsonBody(request);
      field = name -> fieldText(body.get(name));
    } else if (request.contentType() != null && request.contentType().contains("x-www-form-urlencoded")) {
      field = request.form();
    } else {
      throw ApiError.badRequest(
          "Send multipart/form-data with a file, or JSON with url or media_token.");
    }
    String url = blankToNull(field.apply("url"));
    String mediaToken = blankToNull(field.apply("media_token"));
    int sources = files.size() + (url == null ? 0 : 1) + (mediaToken == null ? 0 : 1);
    if (sources != 1) {
      throw ApiError.badRequest(sources == 0
          ? "Exactly one of file, url or media_token must be provided; none was."
          : "Exactly one of file, url or media_token must be provided; got " + sources + ".");
    }
    DetectSettings settings = DetectSettings.forDetect(field);

    String fileName;
    long size;
    Double wavSeconds = null;
    ReceivedDetect.Source source;
    String sourceUrl = null;
    if (!files.isEmpty()) {
      StreamedPart file = files.get(0);
      fileName = file.fileName() == null ? "" : file.fileName();
      checkUpload(fileName, file.size(), file.contentType());
      size = file.size();
      wavSeconds = file.wavSeconds();
      source = ReceivedDetect.Source.UPLOAD;
    } else if (url != null) {
      if (!(url.startsWith("https://") || url.startsWith("http://"))) {
        throw ApiError.badRequest("url must be an http(s) URL of the media.");
      }
      String path = url.replaceFirst("[?#].*$", "");
      fileName = path.substring(path.lastIndexOf('/') + 1);
      if (!MediaKind.URL_EXTENSIONS.contains(MediaKind.extension(fileName))) {
        throw ApiError.badRequest("The media at url has an unsupported type; supported: "
            + extensionList(MediaKind.URL_EXTENSIONS) + ".");
      }
      size = 0;
      source = ReceivedDetect.Source.URL;
      sourceUrl = url;
    } else {
      DetectStore.SecureUploadRecord upload = store.secureUpload(mediaToken);
      if (upload == null || !clock.instant().isBefore(upload.expiresAt())) {
        throw ApiError.badRequest("media_token is invalid or expired; create a new one with POST /secure_uploads.");
      }
      fileName = upload.fileName();
      if (!MediaKind.UPLOAD_EXTENSIONS.contains(MediaKind.extension(fileName))) {
        throw ApiError.badRequest(fileName + " is not a supported file type; supported: "
            + extensionList(MediaKind.UPLOAD_EXTENSIONS) + ".");
      }
      size = upload.sizeBytes();
      wavSeconds = upload.wavSeconds();
      source = ReceivedDetect.Source.MEDIA_TOKEN;
    }

    Instant now = clock.instant();
    ScoringRule rule = rules.get().match(fileName);
    DetectRecord detect = newDetect(fileName, size, wavSeconds, now, now.plus(processingOf(rule)), rule,
        settings, null, source, sourceUrl);
    store.addDetect(detect);
    counters.created(0, 1);
    if (hasCallback(settings)) {
      // The create page: the callback carries the same payload as the synchronous answer.
      callbacks.schedule(settings.callbackUrl(), detect.completesAt(), () -> envelope(
          json.item(detect, detect.completesAt(), DetectJson.Shape.SYNC)));
    }

    Duration wait = preferWait(request.header().apply("Prefer"));
    if (wait == null) {
      return ApiResponse.item(200, json.item(detect, now, DetectJson.Shape.CREATED));
    }
    Duration bound = wait.isZero() || wait.compareTo(syncWaitLimit) > 0 ? syncWaitLimit : wait;
    long delay = Math.max(0, Math.min(Duration.between(now, detect.completesAt()).toMillis(), bound.toMillis()));
    Instant answeredAt = now.plusMillis(delay);
    // The answer is what the detect will look like when the wait ends; WireMock holds it back
    // until then without tying up a thread.
    return ApiResponse.item(200, json.item(detect, answeredAt.isBefore(detect.completesAt())
            ? answeredAt : detect.completesAt(), DetectJson.Shape.SYNC))
        .delayedBy(delay);
  }

  private static void checkUpload(String fileName, long size, String contentType) {
    if (fileName.isBlank()) {
      throw ApiError.badRequest("The file part has no filename; send the file with its name.");
    }
    if (!MediaKind.UPLOAD_EXTENSIONS.contains(MediaKind.extension(fileName))) {
      throw ApiError.badRequest(fileName + " is not a supported file type; supported: "
          + extensionList(MediaKind.UPLOAD_EXTENSIONS) + ".");
    }
    checkContentType(fileName, contentType);
    if (size == 0) {
      throw ApiError.badRequest(fileName + " is empty.");
    }
    if (size > MAX_UPLOAD_BYTES) {
      throw ApiError.badRequest(String.format(Locale.ROOT,
          "%s is %.1f MB; direct uploads are limited to 150 MB. Use the Secure Uploads API "
              + "(POST /secure_uploads) and pass its media_token instead.", fileName, size / 1e6));
    }
  }

  /** Media parts must say audio/*, video/* or image/*, or application/octet-stream, or nothing. */
  private static void checkContentType(String fileName, String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return;
    }
    String type = contentType.toLowerCase(Locale.ROOT).trim();
    if (type.startsWith("audio/") || type.startsWith("video/") || type.startsWith("image/")
        || type.startsWith("application/octet-stream")) {
      return;
    }
    throw ApiError.badRequest("The content type " + contentType + " of " + fileName
        + " is not a media type; send audio/*, video/*, image/* or application/octet-stream.");
  }

  // ---- POST /secure_uploads ----

  private ApiResponse secureUpload(ApiRequest request) {
    StreamedUpload upload = multipartOf(request);
    List<StreamedPart> files = upload.files("file");
    if (files.size() != 1) {
      throw ApiError.badRequest("Send exactly one file part named file.");
    }
    StreamedPart file = files.get(0);
    String fileName = file.fileName() == null ? "" : file.fileName();
    if (fileName.isBlank()) {
      throw ApiError.badRequest("The file part has no filename; send the file with its name.");
    }
    if (file.size() == 0) {
      throw ApiError.badRequest(fileName + " is empty.");
    }
    Instant expires = clock.instant().plus(MEDIA_TOKEN_LIFETIME);
    String token = mediaToken(expires);
    store.addSecureUpload(new DetectStore.SecureUploadRecord(token, fileName, file.size(), file.wavSeconds(), expires));
    ObjectNode body = LooseJson.object();
    body.put("success", true);
    body.put("token", token);
    return ApiResponse.json(200, body);
  }

  /** A JWT-shaped token; nobody verifies its signature, it only has to look and act like one. */
  private String mediaToken(Instant expires) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    ObjectNode header = LooseJson.object().put("alg", "HS256").put("typ", "JWT");
    ObjectNode payload = LooseJson.object()
        .put("sub", UUID.randomUUID().toString())
        .put("purpose", "detect")
        .put("exp", expires.getEpochSecond());
    byte[] signature = new byte[32];
    random.nextBytes(signature);
    return b64.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(signature);
  }

  // ---- shared ----

  private static boolean hasCallback(DetectSettings settings) {
    return settings.callbackUrl() != null && !settings.callbackUrl().isBlank();
  }

  private static String envelope(ObjectNode item) {
    ObjectNode body = LooseJson.object();
    body.put("success", true);
    body.set("item", item);
    return body.toString();
  }

  private DetectRecord newDetect(String fileName, long size, Double wavSeconds, Instant created,
      Instant completes, ScoringRule rule, DetectSettings settings, String batchUuid,
      ReceivedDetect.Source source, String sourceUrl) {
    MediaKind kind = MediaKind.ofFileName(fileName);
    Double seconds = source == ReceivedDetect.Source.URL && kind != MediaKind.IMAGE
        ? Double.valueOf(URL_MEDIA_SECONDS)
        : kind.durationSeconds(fileName, size, wavSeconds);
    // The documented token is 24 hex digits: redacted_abc123def4567890abcd1234.mp3.
    byte[] token = new byte[12];
    random.nextBytes(token);
    return new DetectRecord(UUID.randomUUID().toString(), fileName, kind, size, seconds, created,
        completes, rule, settings, batchUuid, source, sourceUrl, HexFormat.of().formatHex(token));
  }

  private Duration processingOf(ScoringRule rule) {
    return rule.processingTime() != null ? rule.processingTime() : processingTime.get();
  }

  private static StreamedUpload multipartOf(ApiRequest request) {
    StreamedUpload upload = request.upload();
    if (upload == null) {
      throw ApiError.badRequest("Send the request as multipart/form-data.");
    }
    if (upload.error() != null) {
      throw ApiError.badRequest(upload.error());
    }
    return upload;
  }

  private static JsonNode jsonBody(ApiRequest request) {
    try {
      JsonNode body = LooseJson.MAPPER.readTree(request.body());
      if (body != null && body.isObject()) {
        return body;
      }
    } catch (IOException e) {
      // reported below
    }
    throw ApiError.badRequest("The body is not a JSON object.");
  }

  private static String fieldText(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  /**
   * The wait a {@code Prefer} header asks for: null when it does not ask, zero for a bare {@code
   * wait}, else {@code wait=N} seconds.
   */
  static Duration preferWait(String prefer) {
    if (prefer == null) {
      return null;
    }
    for (String preference : prefer.split(",")) {
      String p = preference.trim().toLowerCase(Locale.ROOT);
      if (p.equals("wait")) {
        return Duration.ZERO;
      }
      if (p.startsWith("wait=")) {
        try {
          return Duration.ofSeconds(Math.max(0, Long.parseLong(p.substring(5).trim())));
        } catch (NumberFormatException e) {
          return Duration.ZERO;
        }
      }
    }
    return null;
  }

  private static String extensionList(java.util.Set<String> extensions) {
    return String.join(", ", new TreeSet<>(extensions).stream().map(e -> "." + e).toList());
  }
}
