package io.github.resemblegate.jenkins;

import static io.github.resemblegate.gate.settings.Setting.*;

import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import org.kohsuke.stapler.QueryParameter;

/**
 * The step form's field checks and select boxes, which Stapler calls on the step's descriptor:
 * each check asks the core's settings reader through {@link FormChecks}, each select lists the
 * catalogue's words through {@link Choices}. The descriptor itself adds the credentials.
 */
public abstract class StepForm extends BuildStepDescriptor<Builder> {

  protected StepForm(Class<? extends Builder> clazz) {
    super(clazz);
  }

  public FormValidation doCheckIncludes(@QueryParameter String value) {
    return FormChecks.includes(value);
  }

  public FormValidation doCheckExcludes(@QueryParameter String value) {
    return FormChecks.excludes(value);
  }

  public FormValidation doCheckThreshold(@QueryParameter String value) {
    return FormChecks.check(THRESHOLD, value);
  }

  public FormValidation doCheckAudioThreshold(@QueryParameter String value) {
    return FormChecks.check(AUDIO_THRESHOLD, value);
  }

  public FormValidation doCheckImageThreshold(@QueryParameter String value) {
    return FormChecks.check(IMAGE_THRESHOLD, value);
  }

  public FormValidation doCheckVideoThreshold(@QueryParameter String value) {
    return FormChecks.check(VIDEO_THRESHOLD, value);
  }

  public FormValidation doCheckWarnThreshold(@QueryParameter String value,
      @QueryParameter String threshold) {
    return FormChecks.check(WARN_THRESHOLD, value, THRESHOLD, threshold);
  }

  public FormValidation doCheckWaiversFile(@QueryParameter String value) {
    return FormChecks.check(WAIVERS_FILE, value);
  }

  public FormValidation doCheckMaxFiles(@QueryParameter String value) {
    return FormChecks.check(MAX_FILES, value);
  }

  public FormValidation doCheckMaxBytes(@QueryParameter String value) {
    return FormChecks.check(MAX_BYTES, value);
  }

  public FormValidation doCheckMaxMediaMinutes(@QueryParameter String value) {
    return FormChecks.check(MAX_MEDIA_MINUTES, value);
  }

  public FormValidation doCheckTimeout(@QueryParameter String value) {
    return FormChecks.check(TIMEOUT, value);
  }

  public FormValidation doCheckShard(@QueryParameter String value) {
    return FormChecks.check(SHARD, value);
  }

  public FormValidation doCheckReportsDirectory(@QueryParameter String value) {
    return FormChecks.check(REPORTS_DIRECTORY, value);
  }

  public FormValidation doCheckFormats(@QueryParameter String value) {
    return FormChecks.check(FORMATS, value);
  }

  public FormValidation doCheckCacheDirectory(@QueryParameter String value) {
    return FormChecks.check(CACHE_DIRECTORY, value);
  }

  public FormValidation doCheckApiUrl(@QueryParameter String value) {
    return FormChecks.check(API_URL, value);
  }

  public FormValidation doCheckConnectTimeout(@QueryParameter String value) {
    return FormChecks.check(CONNECT_TIMEOUT, value);
  }

  public FormValidation doCheckReadTimeout(@QueryParameter String value) {
    return FormChecks.check(READ_TIMEOUT, value);
  }

  public FormValidation doCheckRequestsPerSecond(@QueryParameter String value) {
    return FormChecks.check(REQUESTS_PER_SECOND, value);
  }

  public FormValidation doCheckRetryBudget(@QueryParameter String value) {
    return FormChecks.check(RETRY_BUDGET, value);
  }

  public FormValidation doCheckMaxRetries(@QueryParameter String value) {
    return FormChecks.check(MAX_RETRIES, value);
  }

  public FormValidation doCheckConcurrency(@QueryParameter String value) {
    return FormChecks.check(CONCURRENCY, value);
  }

  public FormValidation doCheckMaxFilesPerBatch(@QueryParameter String value) {
    return FormChecks.check(MAX_FILES_PER_BATCH, value);
  }

  public FormValidation doCheckMaxBytesPerBatch(@QueryParameter String value) {
    return FormChecks.check(MAX_BYTES_PER_BATCH, value);
  }

  public FormValidation doCheckPollInterval(@QueryParameter String value) {
    return FormChecks.check(POLL_INTERVAL, value);
  }

  public FormValidation doCheckMaxPollInterval(@QueryParameter String value) {
    return FormChecks.check(MAX_POLL_INTERVAL, value);
  }

  public FormValidation doCheckFrameLength(@QueryParameter String value) {
    return FormChecks.check(FRAME_LENGTH, value);
  }

  public FormValidation doCheckStartRegion(@QueryParameter String value) {
    return FormChecks.check(START_REGION, value);
  }

  public FormValidation doCheckEndRegion(@QueryParameter String value,
      @QueryParameter String startRegion) {
    return FormChecks.check(END_REGION, value, START_REGION, startRegion);
  }

  public FormValidation doCheckMaxVideoSecs(@QueryParameter String value) {
    return FormChecks.check(MAX_VIDEO_SECS, value);
  }

  public FormValidation doCheckCallbackUrl(@QueryParameter String value) {
    return FormChecks.check(CALLBACK_URL, value);
  }

  public FormValidation doCheckModelTypes(@QueryParameter String value) {
    return FormChecks.check(MODEL_TYPES, value);
  }

  public FormValidation doCheckMaxVideoFps(@QueryParameter String value) {
    return FormChecks.check(MAX_VIDEO_FPS, value);
  }

  public ListBoxModel doFillOnFlaggedItems() {
    return Choices.reactions(ON_FLAGGED);
  }

  public ListBoxModel doFillOnErrorItems() {
    return Choices.reactions(ON_ERROR);
  }

  public ListBoxModel doFillOnNoSpeechItems() {
    return Choices.reactions(ON_NO_SPEECH);
  }

  public ListBoxModel doFillOnEmptyItems() {
    return Choices.reactions(ON_EMPTY);
  }

  public ListBoxModel doFillVideoScoringItems() {
    return Choices.videoScoring();
  }

  public ListBoxModel doFillIntakeModeItems() {
    return Choices.intakeMode();
  }
}
