package io.github.resemblegate.gate.settings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.policy.Waiver;
import io.github.resemblegate.gate.scan.AntPattern;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a waiver file. YAML (or JSON, chosen by a {@code .json} extension), either a list or an
 * object with a {@code waivers} list; each entry has {@code sha256} or {@code path} (an Ant-style
 * glob relative to the base directory), a {@code reason}, and optionally {@code until}
 * ({@code 2026-12-31}, the last day it applies):
 *
 * <pre>
 * waivers:
 *   - sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 *     reason: Licensed synthetic voice, contract 2026-14
 *     until: 2026-12-31
 *   - path: media/demo/**
 *     reason: Intentionally synthetic demo content
 * </pre>
 */
public final class WaiverFile {

  private static final Set<String> FIELDS = Set.of("sha256", "path", "reason", "until");

  private WaiverFile() {}

  /**
   * Loads the waivers of a file; an empty file holds none.
   *
   * @throws GateException with one sentence naming the file, the line and the field at fault
   */
  public static List<Waiver> load(Path file) {
    boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
    ObjectMapper mapper = new ObjectMapper(factory);
    String kind = json ? "JSON" : "YAML";
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
         JsonParser p = mapper.createParser(reader)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return List.of();
      }
      if (first == JsonToken.START_OBJECT) {
        JsonToken next = p.nextToken();
        if (next == JsonToken.END_OBJECT) {
          return List.of();
        }
        String field = p.currentName();
        if (!"waivers".equals(field)) {
          throw new GateException("The waiver file " + file + " has '" + field + "' at line "
              + p.currentTokenLocation().getLineNr() + "; it should hold a 'waivers' list.");
        }
        JsonToken value = p.nextToken();
        if (value == JsonToken.VALUE_NULL) {
          return List.of();
        }
        if (value != JsonToken.START_ARRAY) {
          throw notAList(file, p);
        }
      } else if (first != JsonToken.START_ARRAY) {
        throw notAList(file, p);
      }
      List<Waiver> waivers = new ArrayList<>();
      int index = 0;
      while (p.nextToken() == JsonToken.START_OBJECT) {
        index++;
        int line = p.currentTokenLocation().getLineNr();
        JsonNode node = p.readValueAsTree();
        waivers.add(toWaiver(node, "Waiver " + index + " in " + file + " (line " + line + ")"));
      }
      if (p.currentToken() != JsonToken.END_ARRAY) {
        throw new GateException("Waiver " + (index + 1) + " in " + file + " (line "
            + p.currentTokenLocation().getLineNr() + ") is not a map of sha256/path, reason and"
            + " until.");
      }
      return List.copyOf(waivers);
    } catch (NoSuchFileException e) {
      throw new GateException("The waiver file " + file + " does not exist; check the path or"
          + " remove the setting.", e);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column "
          + loc.getColumnNr();
      // Without Jackson's pointer into its own source description ("start marker at [Source:
      // REDACTED ...]"): the place is said once, above.
      String what = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines()
          .findFirst().orElse("")
          .replaceAll(" \\(start marker at \\[Source: [^\\]]*\\]\\)", "");
      throw new GateException("The waiver file " + file + " is not valid " + kind + where + ": "
          + what.strip() + ".", e);
    } catch (IOException e) {
      throw new GateException("The waiver file " + file + " cannot be read (" + e
          + "); check its path and permissions.", e);
    }
  }

  private static GateException notAList(Path file, JsonParser p) {
    return new GateException("The waiver file " + file + " should hold a list of waivers (line "
        + p.currentTokenLocation().getLineNr() + "); see the documentation for the format.");
  }

  private static Waiver toWaiver(JsonNode node, String where) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!FIELDS.contains(name)) {
        throw new GateException(where + " has an unknown field '" + name
            + "'; use sha256, path, reason and until.");
      }
    }
    String sha = text(node, "sha256", where);
    String path = text(node, "path", where);
    String reason = text(node, "reason", where);
    String until = text(node, "until", where);
    if (sha == null && path == null) {
      throw new GateException(where + " needs a sha256 or a path.");
    }
    if (sha != null && !isSha256(sha)) {
      throw new GateException(where + ": sha256 '" + sha + "' is not 64 hexadecimal characters"
          + " (sha256sum prints it).");
    }
    if (reason == null) {
      throw new GateException(where + " has no reason; say why the file is accepted.");
    }
    LocalDate date = null;
    if (until != null) {
      try {
        date = LocalDate.parse(until);
      } catch (DateTimeParseException e) {
        throw new GateException(where + ": until '" + until + "' is not a date like 2026-12-31.",
            e);
      }
    }
    if (path != null) {
      try {
        AntPattern.compile(path, "path");
      } catch (GateException e) {
        throw new GateException(where + ": " + e.getMessage(), e);
      }
    }
    return new Waiver(sha == null ? null : sha.toLowerCase(Locale.ROOT), path, reason, date);
  }

  /** A SHA-256 as sha256sum prints it, in either case; the waivers in a file and inline. */
  static boolean isSha256(String s) {
    return s.strip().toLowerCase(Locale.ROOT).matches("[0-9a-f]{64}");
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw new GateException(where + ": " + field + " should be a single value, not a "
          + (v.isArray() ? "list" : "map") + ".");
    }
    String s = v.asText().strip();
    return s.isEmpty() ? null : s;
  }
}
