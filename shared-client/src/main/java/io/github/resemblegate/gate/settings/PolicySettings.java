package io.github.resemblegate.gate.settings;

import static io.github.resemblegate.gate.settings.Setting.*;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.gate.policy.Reaction;
import io.github.resemblegate.gate.policy.VideoScoring;
import io.github.resemblegate.gate.policy.Waiver;
import io.github.resemblegate.gate.scan.AntPattern;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The settings that make the policy: thresholds, the warn band, reactions, waivers. */
final class PolicySettings {

  private PolicySettings() {}

  static Policy read(Parsing p, RawSettings raw, Path base, String confinedTo) {
    Policy words = words(p);
    List<Waiver> waivers = new ArrayList<>(inlineWaivers(p, raw));
    p.path(WAIVERS_FILE, base, confinedTo).ifPresent(file -> {
      try {
        waivers.addAll(WaiverFile.load(file));
      } catch (GateException e) {
        p.error(WAIVERS_FILE, e.getMessage());
      }
    });
    return new Policy(words.threshold(), words.thresholds(), words.warnThreshold(),
        words.onFlagged(), words.onError(), words.onNoSpeech(), words.onEmpty(),
        words.videoScoring(), waivers);
  }

  /** The policy the words give, without the waivers (whose file a form does not read). */
  static Policy words(Parsing p) {
    double threshold = p.probability(THRESHOLD).orElse(Double.parseDouble(THRESHOLD.defaultWord()));
    Map<MediaType, Double> perType = new EnumMap<>(MediaType.class);
    p.probability(AUDIO_THRESHOLD).ifPresent(t -> perType.put(MediaType.AUDIO, t));
    p.probability(IMAGE_THRESHOLD).ifPresent(t -> perType.put(MediaType.IMAGE, t));
    p.probability(VIDEO_THRESHOLD).ifPresent(t -> perType.put(MediaType.VIDEO, t));
    Double warn = p.probability(WARN_THRESHOLD).orElse(null);
    if (warn != null && warn >= threshold) {
      p.warning(WARN_THRESHOLD, p.name(WARN_THRESHOLD) + " " + warn + " is not below the"
          + " threshold " + threshold + ", so no file will be warned about.");
    }
    return new Policy(threshold, perType, warn,
        p.reaction(ON_FLAGGED).orElse(Reaction.valueOf(ON_FLAGGED.defaultWord())),
        p.reaction(ON_ERROR).orElse(Reaction.valueOf(ON_ERROR.defaultWord())),
        p.reaction(ON_NO_SPEECH).orElse(Reaction.valueOf(ON_NO_SPEECH.defaultWord())),
        p.reaction(ON_EMPTY).orElse(Reaction.valueOf(ON_EMPTY.defaultWord())),
        p.choice(VIDEO_SCORING, VideoScoring.class)
            .orElse(VideoScoring.valueOf(VIDEO_SCORING.defaultWord())),
        List.of());
  }

  private static List<Waiver> inlineWaivers(Parsing p, RawSettings raw) {
    List<Waiver> waivers = new ArrayList<>();
    for (RawSettings.InlineWaiver w : raw.waivers()) {
      String subject = !blank(w.sha256()) ? w.sha256() : w.path();
      if (!blank(w.sha256()) && !WaiverFile.isSha256(w.sha256())) {
        p.error(null, "The sha256 of the waiver for " + subject + " must be 64 hexadecimal"
            + " characters (sha256sum prints it), not '" + w.sha256() + "'.");
        continue;
      }
      LocalDate until = null;
      if (!blank(w.until())) {
        try {
          until = LocalDate.parse(w.until().strip());
        } catch (DateTimeParseException e) {
          p.error(null, "The until of the waiver for " + subject + " must be a date written"
              + " YYYY-MM-DD, not '" + w.until() + "'.");
          continue;
        }
      }
      try {
        if (!blank(w.path())) {
          AntPattern.compile(w.path(), "The waiver path");
        }
        waivers.add(new Waiver(blank(w.sha256()) ? null : w.sha256().strip(),
            blank(w.path()) ? null : w.path().strip(), w.reason(), until));
      } catch (GateException | IllegalArgumentException e) {
        p.error(null, e.getMessage());
      }
    }
    return waivers;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
