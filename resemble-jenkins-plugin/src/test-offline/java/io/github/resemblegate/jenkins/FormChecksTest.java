package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Item;
import hudson.security.Permission;
import hudson.util.FormValidation.Kind;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.github.resemblegate.gate.settings.RawSettings;
import io.github.resemblegate.gate.settings.Setting;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FormChecksTest {

  private final ResembleDetectBuilder.DescriptorImpl d = new ResembleDetectBuilder.DescriptorImpl();

  @AfterEach
  void reset() {
    CredentialsProvider.resetForTest();
    Jenkins.grantForTest(Jenkins.ADMINISTER, false);
  }

  /** A job on which the user holds exactly {@code granted}. */
  private static Item itemWith(Permission... granted) {
    Set<Permission> set = Set.of(granted);
    return new Item() {
      @Override
      public boolean hasPermission(Permission p) {
        return set.contains(p);
      }
    };
  }

  @Test
  void thresholdsAreCheckedByTheCoreWithTheSentenceARunWouldFailWith() {
    assertThat(d.doCheckThreshold("0.5").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckThreshold("1").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckThreshold("1.2").getMessage())
        .isEqualTo("threshold must be between 0 and 1 (a deepfake probability), not '1.2'.");
    assertThat(d.doCheckThreshold("abc").getMessage())
        .isEqualTo("threshold must be a number, not 'abc'.");
    assertThat(d.doCheckAudioThreshold("").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckVideoThreshold("-0.1").kind).isEqualTo(Kind.ERROR);
  }

  @Test
  void aBlankNumberMeansTheDefaultAndIsFine() {
    for (FormValidation blank : List.of(d.doCheckThreshold(""), d.doCheckMaxFiles(" "),
        d.doCheckConcurrency(""), d.doCheckMaxBytesPerBatch(""), d.doCheckTimeout(""))) {
      assertThat(blank.kind).isEqualTo(Kind.OK);
      assertThat(blank.getMessage()).isNull();
    }
  }

  @Test
  void theControllersApiUrlIsCheckedByTheSameReaderAsTheSteps() {
    ResembleGlobalConfiguration global = new ResembleGlobalConfiguration();

    assertThat(global.doCheckApiUrl("http://detect.example.com").getMessage())
        .isEqualTo(d.doCheckApiUrl("http://detect.example.com").getMessage());
    assertThat(global.doCheckApiUrl("").kind).isEqualTo(Kind.OK);
  }

  @Test
  void theControllersCredentialIsListedToAdministratorsOnly() {
    CredentialsProvider.storeForTest(new SecretText("resemble-api-key", "x"));
    ResembleGlobalConfiguration global = new ResembleGlobalConfiguration();

    assertThat(global.doFillCredentialsIdItems("")).extracting(o -> o.value)
        .containsExactly("");
    Jenkins.grantForTest(Jenkins.ADMINISTER, true);
    assertThat(global.doFillCredentialsIdItems("")).extracting(o -> o.value)
        .containsExactly("", "resemble-api-key");
    assertThat(global.doCheckCredentialsId("gone").kind).isEqualTo(Kind.ERROR);
  }

  @Test
  void warnThresholdIsJudgedWithTheThresholdGivenBesideIt() {
    assertThat(d.doCheckWarnThreshold("0.3", "0.5").kind).isEqualTo(Kind.OK);
    FormValidation pointless = d.doCheckWarnThreshold("0.6", "0.5");
    assertThat(pointless.kind).isEqualTo(Kind.WARNING);
    assertThat(pointless.getMessage()).isEqualTo("warnThreshold 0.6 is not below the threshold"
        + " 0.5, so no file will be warned about.");
    assertThat(d.doCheckWarnThreshold("0.4", "").kind).isEqualTo(Kind.OK);
  }

  @Test
  void includesAreRequiredAndPatternsStayInsideTheWorkspace() {
    assertThat(d.doCheckIncludes("media/**/*.wav, trailers/*.mp4").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckIncludes(" ").getMessage())
        .isEqualTo("includes is empty; give at least one pattern such as media/**/*.wav.");
    assertThat(d.doCheckIncludes("/etc/*").getMessage()).contains("absolute");
    assertThat(d.doCheckExcludes("../secrets/**").getMessage()).contains("leaves the workspace");
    assertThat(d.doCheckExcludes("").kind).isEqualTo(Kind.OK);
  }

  @Test
  void patternsTheCoreRefusesAreRefusedWithItsSentence() {
    assertThat(d.doCheckIncludes("media/**.wav").getMessage()).isEqualTo("includes pattern"
        + " 'media/**.wav' uses ** inside a name; ** stands for whole folders, as in"
        + " media/**/*.wav.");
  }

  @Test
  void urlsAreCheckedAsTheClientWillCheckThem() {
    assertThat(d.doCheckApiUrl("").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckApiUrl("https://app.resemble.ai/api/v2").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckApiUrl("http://127.0.0.1:8089").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckApiUrl("http://detect.example.com").getMessage())
        .startsWith("apiUrl: The Resemble API base URL").contains("plain http://");
    assertThat(d.doCheckApiUrl("ftp://x").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckApiUrl("https://u:p@detect.example.com").getMessage())
        .contains("contains credentials").doesNotContain("u:p");
    assertThat(d.doCheckCallbackUrl("https://hooks.example.com/resemble").kind)
        .isEqualTo(Kind.OK);
    assertThat(d.doCheckCallbackUrl("http://hooks.example.com").getMessage()).isEqualTo(
        "callbackUrl must be an https:// URL the Resemble API can reach; the one given is not.");
  }

  @Test
  void durationsAreWordsSuchAs30m() {
    assertThat(d.doCheckTimeout("30m").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckTimeout("0").getMessage())
        .isEqualTo("timeout must be a duration such as 500ms, 90s, 30m or 1h, not '0'.");
    assertThat(d.doCheckRetryBudget("2 minutes").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckConnectTimeout("10s").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckReadTimeout("PT2M").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckPollInterval("500ms").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckMaxPollInterval("often").kind).isEqualTo(Kind.ERROR);
  }

  @Test
  void numbersAreCheckedForRange() {
    assertThat(d.doCheckMaxFiles("0").getMessage())
        .isEqualTo("maxFiles 0 means no limit: every matched file may be uploaded and billed.");
    assertThat(d.doCheckMaxFiles("0").kind).isEqualTo(Kind.WARNING);
    assertThat(d.doCheckMaxFiles("-1").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckMaxRetries("101").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckConcurrency("0").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckRequestsPerSecond("2.5").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckMaxFilesPerBatch("51").getMessage()).isEqualTo("maxFilesPerBatch must"
        + " be a whole number from 1 to 50 (the API's limit), not '51'.");
    assertThat(d.doCheckMaxBytesPerBatch("500000001").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckFrameLength("4").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckFrameLength("5").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckStartRegion("-1").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckEndRegion("5", "10").getMessage())
        .isEqualTo("endRegion (5.0) must be after startRegion (10.0).");
    assertThat(d.doCheckEndRegion("12", "10").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckMaxVideoSecs("-3").kind).isEqualTo(Kind.ERROR);
  }

  @Test
  void formatsAndPathsAreChecked() {
    assertThat(d.doCheckFormats("json, html").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckFormats("none").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckFormats("pdf").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckReportsDirectory("out/resemble").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckReportsDirectory("").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckReportsDirectory("../out").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckReportsDirectory("a/../..").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckReportsDirectory(".").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckWaiversFile("/abs/waivers.json").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckWaiversFile("ci/waivers.yaml").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckCacheDirectory("/var/cache/resemble").kind).isEqualTo(Kind.OK);
  }

  @Test
  void reactionSelectsOfferFailWarnIgnoreWithTheDefaultFirst() {
    assertThat(d.doFillOnFlaggedItems()).extracting(o -> o.value)
        .containsExactly("FAIL", "WARN", "IGNORE");
    assertThat(d.doFillOnFlaggedItems()).extracting(o -> o.name)
        .containsExactly("Fail the build", "Mark the build unstable", "Only report it");
    assertThat(d.doFillOnErrorItems()).extracting(o -> o.value)
        .containsExactly("FAIL", "WARN", "IGNORE");
    assertThat(d.doFillOnNoSpeechItems()).extracting(o -> o.value)
        .containsExactly("IGNORE", "WARN", "FAIL");
    assertThat(d.doFillOnEmptyItems()).extracting(o -> o.value)
        .containsExactly("FAIL", "WARN", "IGNORE");
  }

  @Test
  void everySelectOffersExactlyTheWordsTheReaderTakes() {
    assertThat(d.doFillVideoScoringItems()).extracting(o -> o.value)
        .containsExactly("MAX_OF_TRACKS", "VISUAL_ONLY");
    assertOffersExactlyTheReadersWords(Setting.VIDEO_SCORING, d.doFillVideoScoringItems());
    assertOffersExactlyTheReadersWords(Setting.INTAKE_MODE, d.doFillIntakeModeItems());
    for (ListBoxModel reactions : List.of(d.doFillOnFlaggedItems(), d.doFillOnErrorItems(),
        d.doFillOnNoSpeechItems(), d.doFillOnEmptyItems())) {
      assertThat(reactions).allSatisfy(o -> assertThat(StepWords.reader(java.nio.file.Path.of("").toAbsolutePath()).check(Setting.ON_ERROR,
          new RawSettings().set(Setting.ON_ERROR, o.value))).isEmpty());
    }
  }

  /** Each item passes the reader's check, and the reader's list of allowed words is the items. */
  private static void assertOffersExactlyTheReadersWords(Setting s, ListBoxModel items) {
    assertThat(items).allSatisfy(o -> assertThat(StepWords.reader(java.nio.file.Path.of("").toAbsolutePath()).check(s,
        new RawSettings().set(s, o.value))).as(o.value).isEmpty());
    String refusal = StepWords.reader(java.nio.file.Path.of("").toAbsolutePath()).check(s, new RawSettings().set(s, "no-such-word")).get(0)
        .sentence();
    assertThat(refusal).endsWith("must be one of " + String.join(", ",
        items.stream().map(o -> o.value).toList()) + ", not 'no-such-word'.");
  }

  @Test
  void credentialsAreListedToUsersWhoMayUseThem() {
    CredentialsProvider.storeForTest(new SecretText("resemble-api-key", "x"));
    CredentialsProvider.storeForTest(new SecretText("other-key", "y"));

    ListBoxModel items = d.doFillCredentialsIdItems(itemWith(CredentialsProvider.USE_ITEM), "");

    assertThat(items).extracting(o -> o.value).containsExactly("", "other-key",
        "resemble-api-key");
  }

  @Test
  void credentialsAreHiddenFromUsersWithoutPermission() {
    CredentialsProvider.storeForTest(new SecretText("resemble-api-key", "x"));

    ListBoxModel onJob = d.doFillCredentialsIdItems(itemWith(Item.READ), "current-id");
    ListBoxModel global = d.doFillCredentialsIdItems(null, "current-id");

    assertThat(onJob).extracting(o -> o.value).containsExactly("current-id");
    assertThat(global).extracting(o -> o.value).containsExactly("current-id");
  }

  @Test
  void administratorsSeeCredentialsOutsideAJob() {
    CredentialsProvider.storeForTest(new SecretText("resemble-api-key", "x"));
    Jenkins.grantForTest(Jenkins.ADMINISTER, true);

    assertThat(d.doFillCredentialsIdItems(null, "")).extracting(o -> o.value)
        .containsExactly("", "resemble-api-key");
  }

  @Test
  void credentialCheckFindsMissingIdsOnlyForPermittedUsers() {
    CredentialsProvider.storeForTest(new SecretText("resemble-api-key", "x"));
    Item configurer = itemWith(Item.EXTENDED_READ);

    assertThat(d.doCheckCredentialsId(configurer, "resemble-api-key").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckCredentialsId(configurer, "gone").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckCredentialsId(configurer, "${KEY_ID}").kind).isEqualTo(Kind.WARNING);
    FormValidation stranger = d.doCheckCredentialsId(itemWith(), "gone");
    assertThat(stranger.kind).isEqualTo(Kind.OK);
    assertThat(stranger.getMessage()).isNull();
  }
}
