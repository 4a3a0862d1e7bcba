package io.github.resemblegate.gate.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resemblegate.client.Detection.Retention;
import io.github.resemblegate.client.Detection.ReverseSearchSource;
import io.github.resemblegate.gate.policy.Findings;
import java.util.ArrayList;
import java.util.List;

/**
 * A cache entry's {@code findings}: what the API said beside the score, so a file judged from the
 * cache shows the same in the reports as when it was sent. Entries written before findings were
 * kept have none and read as {@link Findings#NONE}; older readers ignore the key.
 */
final class FindingsJson {

  private FindingsJson() {}

  static ObjectNode write(Findings f) {
    ObjectNode n = StoreJson.mapper().createObjectNode();
    n.put("intelligence", f.intelligence());
    n.put("sourceTracing", f.sourceTracing());
    ArrayNode sources = n.putArray("imageSources");
    for (ReverseSearchSource s : f.imageSources()) {
      ObjectNode source = sources.addObject();
      source.put("url", s.url());
      source.put("title", s.title());
      source.put("reason", s.reason());
      source.put("verdict", s.verdict());
      source.put("similarity", s.similarity());
    }
    n.put("conclusion", f.conclusion());
    n.put("certainty", f.certainty());
    Retention r = f.retention();
    n.put("zeroRetention", r.zeroRetention());
    n.put("mediaRedacted", r.mediaRedacted());
    n.put("mediaDeleted", r.mediaDeleted());
    n.put("fileDeletedAt", r.fileDeletedAt());
    return n;
  }

  static Findings read(JsonNode n) {
    if (n == null || !n.isObject()) {
      return Findings.NONE;
    }
    List<ReverseSearchSource> sources = new ArrayList<>();
    for (JsonNode s : n.path("imageSources")) {
      sources.add(new ReverseSearchSource(StoreJson.textOrNull(s, "url"),
          StoreJson.textOrNull(s, "title"), StoreJson.textOrNull(s, "reason"),
          StoreJson.textOrNull(s, "verdict"), number(s, "similarity")));
    }
    return new Findings(StoreJson.textOrNull(n, "intelligence"),
        StoreJson.textOrNull(n, "sourceTracing"), sources, StoreJson.textOrNull(n, "conclusion"),
        number(n, "certainty"),
        new Retention(n.path("zeroRetention").asBoolean(false),
            n.path("mediaRedacted").asBoolean(false), n.path("mediaDeleted").asBoolean(false),
            StoreJson.textOrNull(n, "fileDeletedAt")));
  }

  private static Double number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isNumber() ? v.asDouble() : null;
  }
}
