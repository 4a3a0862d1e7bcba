package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Item;
import hudson.security.Permission;
import hudson.util.FormValidation;
import hudson.util.FormValidation.Kind;
import hudson.util.ListBoxModel;
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
  void thresholdMustBeAProbability() {
    assertThat(d.doCheckThreshold("0.5").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckThreshold("1").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckThreshold("1.2").getMessage())
        .isEqualTo("Give a number from 0 to 1 (a deepfake probability), not '1.2'.");
    assertThat(d.doCheckThreshold("abc").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckThreshold("").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckAudioThreshold("").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckVideoThreshold("-0.1").kind).isEqualTo(Kind.ERROR);
  }

  @Test
  void warnThresholdAtOrAboveTheThresholdIsPointless() {
    assertThat(d.doCheckWarnThreshold("0.3", "0.5").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckWarnThreshold("0.6", "0.5").kind).isEqualTo(Kind.WARNING);
  }

  @Test
  void patternsStayInsideTheWorkspace() {
    assertThat(d.doCheckIncludes("media/**/*.wav, trailers/*.mp4").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckIncludes(" ").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckIncludes("/etc/*").getMessage()).contains("absolute");
    assertThat(d.doCheckExcludes("../secrets/**").getMessage()).contains("leaves the workspace");
    assertThat(d.doCheckExcludes("").kind).isEqualTo(Kind.OK);
  }

  @Test
  void urlsMustBeHttpAndCarryNoPassword() {
    assertThat(d.doCheckApiUrl("").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckApiUrl("https://app.resemble.ai/api/v2").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckApiUrl("http://127.0.0.1:8089").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckApiUrl("http://detect.example.com").kind).isEqualTo(Kind.WARNING);
    assertThat(d.doCheckApiUrl("ftp://x").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckCallbackUrl("https://u:p@hooks.example.com").getMessage())
        .contains("must not contain a user name or password");
  }

  @Test
  void numbersAreCheckedForRange() {
    assertThat(d.doCheckTimeoutMinutes("30").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckTimeoutMinutes("0").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckMaxFiles("0").kind).isEqualTo(Kind.WARNING);
    assertThat(d.doCheckMaxFiles("-1").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckFrameLength("4").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckFrameLength("5").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckEndRegion("5", "10").getMessage())
        .isEqualTo("The end of the region must be after its start.");
    assertThat(d.doCheckMaxVideoSecs("-3").kind).isEqualTo(Kind.ERROR);
  }

  @Test
  void formatsAndPathsAreChecked() {
    assertThat(d.doCheckFormats("json, html").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckFormats("pdf").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckReportsDir("out/resemble").kind).isEqualTo(Kind.OK);
    assertThat(d.doCheckReportsDir("../out").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckReportsDir("a/../..").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckReportsDir(".").kind).isEqualTo(Kind.ERROR);
    assertThat(d.doCheckWaivers("/abs/waivers.json").kind).isEqualTo(Kind.ERROR);
  }

  @Test
  void selectsOfferTheDocumentedChoices() {
    assertThat(d.doFillOnFlaggedItems()).extracting(o -> o.value)
        .containsExactly("FAILURE", "UNSTABLE");
    assertThat(d.doFillOnErrorItems()).extracting(o -> o.value)
        .containsExactly("FAILURE", "UNSTABLE", "IGNORE");
    assertThat(d.doFillOnNoSpeechItems()).extracting(o -> o.value)
        .containsExactly("IGNORE", "UNSTABLE", "FAILURE");
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
