package io.github.resemblegate.gate.internal.probe;

import io.github.resemblegate.client.MediaExtensions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;

/**
 * The content check, before anything is paid for: are a file's bytes the media its name claims?
 * Apache Tika names the type twice, from the first bytes alone (its magic table) and from the name
 * alone (its glob table); the file is media when the bytes are audio, video or an image of the
 * kind the name says. Audio and video count as one kind, since containers hold either (an
 * {@code .mp4} of speech alone is {@code audio/mp4}); an image named {@code .wav} is not the audio
 * its name claims. What is not media — text, zeros, random or damaged bytes, a PDF — is said in
 * words, so the report tells the user what the file looks like. Thread-safe.
 */
public final class MediaProbe {

  /** How many leading bytes decide "all zeros": enough for every header Tika looks at. */
  static final int SAMPLE_BYTES = 64 * 1024;

  private enum Kind { AUDIO_VIDEO, IMAGE, NONE }

  private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
  private final MediaTypeRegistry registry = types.getMediaTypeRegistry();
  /** Per claimed type, the types whose magic answers the common case; a handful in a run. */
  private final Map<MediaType, List<MimeType>> withMagic = new ConcurrentHashMap<>();

  /** Probes {@code file}, whose name (or entry name) is {@code name}. */
  public ProbeResult probe(Path file, String name) throws IOException {
    MediaType detected = detect(file);
    String notMedia = notMedia(file, name, detected);
    return notMedia == null ? new ProbeResult.Media(detected.toString(), Files.size(file),
        PlayingTime.of(file, detected.toString()))
        : new ProbeResult.NotMedia(detected.toString(), notMedia);
  }

  /**
   * Null when {@code file} is the media its name claims, else what it looks like instead; reads
   * only the first bytes (the check before billing, which needs no playing time).
   */
  public String notMedia(Path file, String name) throws IOException {
    if (carriesClaimedMagic(file, name)) {
      return null;
    }
    return notMedia(file, name, detect(file));
  }

  /**
   * Whether the first bytes carry the signature of the media type the name claims, or of one of
   * its specializations ({@code audio/mp4} for {@code .mp4}): the common case, answered by that
   * family's magic instead of Tika's whole table (about 1,400 patterns, most of a first run's
   * time over a large tree). A miss is no verdict: the full detection then says what the bytes are.
   */
  private boolean carriesClaimedMagic(Path file, String name) throws IOException {
    List<MimeType> family = withMagic.computeIfAbsent(byName(name), this::familyWithMagic);
    if (family.isEmpty()) {
      return false;
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(types.getMinLength());
    }
    for (MimeType type : family) {
      if (head.length > 0 && type.matchesMagic(head)) {
        return true;
      }
    }
    return false;
  }

  /** A media type and its specializations that have magic; none for a type that is not media. */
  private List<MimeType> familyWithMagic(MediaType claimed) {
    if (kind(claimed) == Kind.NONE) {
      return List.of();
    }
    List<MediaType> family = new ArrayList<>(List.of(claimed));
    family.addAll(registry.getChildTypes(claimed));
    List<MimeType> found = new ArrayList<>();
    for (MediaType t : family) {
      try {
        MimeType type = types.forName(t.toString());
        if (type.hasMagic()) {
          found.add(type);
        }
      } catch (MimeTypeException e) {
        // not a type Tika knows by that name: nothing to match
      }
    }
    return List.copyOf(found);
  }

  private String notMedia(Path file, String name, MediaType detected) throws IOException {
    MediaType claimed = byName(name);
    Kind kind = kind(detected);
    return kind != Kind.NONE && kind == kind(claimed) ? null
        : reason(file, Files.size(file), detected, claimed, name);
  }

  private MediaType detect(Path file) throws IOException {
    try (TikaInputStream in = TikaInputStream.get(file)) {
      return types.detect(in, new Metadata(), new ParseContext());
    }
  }

  private MediaType byName(String name) throws IOException {
    Metadata m = new Metadata();
    m.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    return types.detect(null, m, new ParseContext());
  }

  /** What kind of media a type is, by it and the types it specializes in Tika's type tree. */
  private Kind kind(MediaType type) {
    for (MediaType t = registry.normalize(type); t != null; t = registry.getSupertype(t)) {
      String top = t.getType();
      if (top.equals("image")) {
        return Kind.IMAGE;
      }
      if (top.equals("audio") || top.equals("video")
          || t.getSubtype().equals("ogg") || t.getSubtype().equals("mp4")
          || t.getSubtype().equals("x-matroska")) {
        return Kind.AUDIO_VIDEO;
      }
    }
    return Kind.NONE;
  }

  private String reason(Path file, long size, MediaType detected, MediaType claimed, String name)
      throws IOException {
    String claim = "not the " + claimWord(claimed) + " a ." + MediaExtensions.of(name)
        + " file holds";
    if (kind(detected) != Kind.NONE) {
      return "its bytes are " + (kind(detected) == Kind.IMAGE ? "an image" : "audio or video")
          + " (" + detected + "), " + claim;
    }
    if (size > 0 && allZeros(file)) {
      return "not media: " + (size > SAMPLE_BYTES ? "its first " + SAMPLE_BYTES + " bytes are"
          : "its bytes are") + " all zeros, " + claim;
    }
    if (detected.equals(MediaType.OCTET_STREAM)) {
      return "not media: its bytes match no known format (random or damaged data), " + claim;
    }
    if (detected.getType().equals("text")) {
      return "not media: its bytes look like text (" + detected + "), " + claim;
    }
    return "not media: its bytes look like " + describe(detected) + ", " + claim;
  }

  private String claimWord(MediaType claimed) {
    return switch (kind(claimed)) {
      case IMAGE -> "image";
      case AUDIO_VIDEO -> claimed.getType().equals("audio") ? "audio" : "video";
      case NONE -> "media";
    };
  }

  /** Tika's own name for a type where it has one, with the type: "PDF (application/pdf)". */
  private String describe(MediaType type) {
    try {
      MimeType known = types.forName(type.toString());
      String words = known.getDescription();
      return words == null || words.isBlank() ? type.toString() : words + " (" + type + ")";
    } catch (MimeTypeException e) {
      return type.toString();
    }
  }

  private static boolean allZeros(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] sample = in.readNBytes(SAMPLE_BYTES);
      for (byte b : sample) {
        if (b != 0) {
          return false;
        }
      }
      return true;
    }
  }
}
