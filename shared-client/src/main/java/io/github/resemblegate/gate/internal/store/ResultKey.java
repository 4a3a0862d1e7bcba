package io.github.resemblegate.gate.internal.store;

import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.client.DetectOptions;
import io.github.resemblegate.gate.internal.ledger.Sha256;
import java.net.URI;
import java.util.Locale;

/**
 * What, besides the content, decides a detection's result: the API it came from and the request
 * options that change the analysis. Options that only change delivery ({@code callback_url},
 * {@code visualize}, {@code zero_retention_mode}) and the threshold (a judging setting) are left
 * out, so changing them reuses cached results. Simulator results never answer for the real API
 * because the API URL is part of the key.
 *
 * @param canonical a readable, stable description, stored with cache entries and journal intents
 * @param id a short hash of {@code canonical}, used in file names
 */
public record ResultKey(String canonical, String id) {

  /**
   * The key of a run whose files sent alone also carry {@code single}'s own options. Those are
   * added only when set, so every key written before they existed stays the same.
   */
  public static ResultKey of(String apiUrl, BatchOptions o, DetectOptions single) {
    ResultKey shared = of(apiUrl, o);
    DetectOptions s = single == null ? DetectOptions.DEFAULTS : single;
    if (s.modelTypes() == null && s.useReverseSearch() == null && s.useOodDetector() == null
        && s.maxVideoFps() == null) {
      return shared;
    }
    String text = shared.canonical() + ";model_types=" + str(s.modelTypes())
        + ";use_reverse_search=" + str(s.useReverseSearch())
        + ";use_ood_detector=" + str(s.useOodDetector())
        + ";max_video_fps=" + str(s.maxVideoFps());
    return new ResultKey(text, Sha256.ofText(text).substring(0, 16));
  }

  public static ResultKey of(String apiUrl, BatchOptions o) {
    String text = "api=" + normalizeUrl(apiUrl)
        + ";frame_length=" + str(o.frameLength())
        + ";start_region=" + str(o.startRegion())
        + ";end_region=" + str(o.endRegion())
        + ";max_video_secs=" + str(o.maxVideoSecs())
        + ";use_llm=" + str(o.useLlm())
        + ";intelligence=" + str(o.intelligence())
        + ";search_identity=" + str(o.searchIdentity())
        + ";audio_source_tracing=" + str(o.audioSourceTracing());
    return new ResultKey(text, Sha256.ofText(text).substring(0, 16));
  }

  /** Scheme and host lower-cased, default port and trailing slashes dropped. */
  public static String normalizeUrl(String apiUrl) {
    String url = apiUrl == null ? "" : apiUrl.strip();
    try {
      URI u = URI.create(url);
      if (u.getScheme() == null || u.getHost() == null) {
        return stripSlashes(url);
      }
      String scheme = u.getScheme().toLowerCase(Locale.ROOT);
      int port = u.getPort();
      boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443)
          || (scheme.equals("http") && port == 80);
      String path = u.getRawPath() == null ? "" : u.getRawPath();
      return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT)
          + (defaultPort ? "" : ":" + port) + stripSlashes(path);
    } catch (IllegalArgumentException e) {
      return stripSlashes(url);
    }
  }

  private static String stripSlashes(String s) {
    String r = s;
    while (r.endsWith("/")) {
      r = r.substring(0, r.length() - 1);
    }
    return r;
  }

  private static String str(Object value) {
    if (value == null) {
      return "default";
    }
    if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
      return Long.toString(d.longValue());
    }
    return value.toString();
  }
}
