package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.util.Secret;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Verdict;
import io.github.resemblegate.simulator.ResembleSimulator;
import io.github.resemblegate.simulator.SimulatorOptions;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The step inside a real Jenkins, against the project's Detect API simulator. Runs only in the
 * "jenkins" profile, where the Jenkins repository is reachable; never run on this project's CI.
 */
@WithJenkins
class ResembleDetectJenkinsTest {

  private static final String TOKEN = "sim-token-5f2c";
  private static ResembleSimulator simulator;
  /** Answers a batch only after ten minutes: a build is aborted while it waits. */
  private static ResembleSimulator slowSimulator;

  @BeforeAll
  static void startSimulator() {
    simulator = ResembleSimulator.start(SimulatorOptions.builder().token(TOKEN)
        .processingTime(Duration.ofMillis(50)).build());
    slowSimulator = ResembleSimulator.start(SimulatorOptions.builder().token(TOKEN)
        .processingTime(Duration.ofMinutes(10)).build());
  }

  @AfterAll
  static void stopSimulator() {
    simulator.close();
    slowSimulator.close();
  }

  private static void addApiKey() throws IOException {
    SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(
        CredentialsScope.GLOBAL, "resemble-api-key", "Resemble", Secret.fromString(TOKEN)));
    SystemCredentialsProvider.getInstance().save();
  }

  private static void putMedia(FilePath workspace) throws IOException, InterruptedException {
    workspace.child("media/fake-intro.wav").copyFrom(new ByteArrayInputStream(TestMedia.wav(0.5)));
    workspace.child("media/voice.wav").copyFrom(new ByteArrayInputStream(TestMedia.wav(0.5)));
  }

  private static ResembleDetectBuilder step(String onFlagged) {
    ResembleDetectBuilder b = new ResembleDetectBuilder("media/**/*.wav");
    b.setCredentialsId("resemble-api-key");
    b.setApiUrl(simulator.baseUrl());
    b.setOnFlagged(onFlagged);
    b.setCache(false);
    return b;
  }

  private static FreeStyleProject freestyle(JenkinsRule j, ResembleDetectBuilder b)
      throws IOException {
    FreeStyleProject p = j.createFreeStyleProject();
    p.getBuildersList().add(new TestBuilder() {
      @Override
      public boolean perform(AbstractBuild<?, ?> build, Launcher launcher,
          BuildListener listener) throws InterruptedException, IOException {
        putMedia(build.getWorkspace());
        return true;
      }
    });
    p.getBuildersList().add(b);
    return p;
  }

  @Test
  void freestyleFailsOnAFlaggedFileAndKeepsTheReport(JenkinsRule j) throws Exception {
    addApiKey();
    FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE,
        freestyle(j, step("FAIL")));

    j.assertLogContains("media/fake-intro.wav", build);
    j.assertLogNotContains(TOKEN, build);
    ResembleDetectAction action = build.getAction(ResembleDetectAction.class);
    assertThat(action.getResult().totals().count(Outcome.FLAGGED)).isEqualTo(1);
    assertThat(action.getResult().totals().count(Outcome.PASSED)).isEqualTo(1);
    assertThat(new File(build.getRootDir(), "resemble/resemble-report.html")).exists();
    j.createWebClient().goTo(build.getUrl() + "resemble/");
  }

  @Test
  void freestyleIsUnstableWhenAskedTo(JenkinsRule j) throws Exception {
    addApiKey();
    FreeStyleBuild build = j.buildAndAssertStatus(Result.UNSTABLE,
        freestyle(j, step("WARN")));

    assertThat(build.getAction(ResembleDetectAction.class).getVerdict())
        .isEqualTo(Verdict.UNSTABLE);
  }

  @Test
  void configurationSurvivesTheFormRoundTrip(JenkinsRule j) throws Exception {
    ResembleDetectBuilder before = step("WARN");
    before.setAudioThreshold(0.7);
    before.setFormats("json,html");
    before.setFrameLength(2);
    before.setTimeout("10m");
    before.setOnEmpty("FAIL");
    before.setVideoScoring("VISUAL_ONLY");
    before.setIntakeMode("ZIP");
    before.setConcurrency(2);
    before.setDefaultExcludes(false);
    FreeStyleProject p = j.createFreeStyleProject();
    p.getBuildersList().add(before);

    j.configRoundtrip(p);

    j.assertEqualDataBoundBeans(before, p.getBuildersList().get(ResembleDetectBuilder.class));
  }

  @Test
  void pipelineStepReturnsTheSummaryAndMarksTheStageUnstable(JenkinsRule j) throws Exception {
    addApiKey();
    WorkflowJob p = j.createProject(WorkflowJob.class, "pipeline-unstable");
    putMedia(j.jenkins.getWorkspaceFor(p));
    p.setDefinition(new CpsFlowDefinition("node {\n"
        + "  def r = resembleDetect includes: 'media/**/*.wav', threshold: 0.5,\n"
        + "      onFlagged: 'WARN', credentialsId: 'resemble-api-key',\n"
        + "      apiUrl: '" + simulator.baseUrl() + "', timeout: '10m', cache: false\n"
        + "  echo \"returned: ${r.status} ${r.flagged} of ${r.files}\"\n"
        + "  def s = resembleDetectSummary()\n"
        + "  echo \"summary: ${s.status} ${s.flagged} of ${s.files}\"\n"
        + "}", true));

    WorkflowRun run = j.buildAndAssertStatus(Result.UNSTABLE, p);

    j.assertLogContains("returned: UNSTABLE 1 of 2", run);
    j.assertLogContains("summary: UNSTABLE 1 of 2", run);
    j.assertLogNotContains(TOKEN, run);
    FlowNode step = new DepthFirstScanner().findFirstMatch(run.getExecution(),
        n -> n.getAction(WarningAction.class) != null);
    assertThat(step.getAction(WarningAction.class).getResult()).isEqualTo(Result.UNSTABLE);
  }

  @Test
  void twoParallelBranchesGetTwoPages(JenkinsRule j) throws Exception {
    addApiKey();
    WorkflowJob p = j.createProject(WorkflowJob.class, "pipeline-parallel");
    putMedia(j.jenkins.getWorkspaceFor(p));
    String call = "resembleDetect includes: 'media/**/*.wav', onFlagged: 'WARN',"
        + " credentialsId: 'resemble-api-key', apiUrl: '" + simulator.baseUrl() + "',"
        + " cache: false, formats: 'json'";
    p.setDefinition(new CpsFlowDefinition("node {\n"
        + "  parallel a: { " + call + " }, b: { " + call + " }\n"
        + "}", true));

    WorkflowRun run = j.buildAndAssertStatus(Result.UNSTABLE, p);

    assertThat(run.getActions(ResembleDetectAction.class))
        .extracting(ResembleDetectAction::getUrlName)
        .containsExactlyInAnyOrder("resemble", "resemble-2");
  }

  @Test
  void abortingAPipelineDuringTheScanEndsAborted(JenkinsRule j) throws Exception {
    WorkflowJob p = j.createProject(WorkflowJob.class, "pipeline-abort");
    putMedia(j.jenkins.getWorkspaceFor(p));
    p.setDefinition(new CpsFlowDefinition("node {\n"
        + "  withEnv(['RESEMBLE_API_KEY=" + TOKEN + "']) {\n"
        + "    resembleDetect includes: 'media/**/*.wav', apiUrl: '" + slowSimulator.baseUrl()
        + "', cache: false\n"
        + "  }\n"
        + "}", true));
    WorkflowRun run = p.scheduleBuild2(0).waitForStart();
    j.waitForMessage("Submitted batch", run);

    run.doStop();

    j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(run));
  }

  @Test
  void abortingAFreestyleBuildOnTheBuiltInNodeEndsAborted(JenkinsRule j) throws Exception {
    ResembleDetectBuilder b = step("FAIL");
    b.setApiUrl(slowSimulator.baseUrl());
    addApiKey();
    FreeStyleProject p = freestyle(j, b);
    FreeStyleBuild build = p.scheduleBuild2(0).waitForStart();
    j.waitForMessage("Submitted batch", build);

    build.getExecutor().interrupt();

    j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(build));
  }

  @Test
  void theControllersDefaultsReachAStepThatNamesNone(JenkinsRule j) throws Exception {
    addApiKey();
    ResembleGlobalConfiguration global = ResembleGlobalConfiguration.get();
    global.setApiUrl(simulator.baseUrl());
    global.setCredentialsId("resemble-api-key");
    WorkflowJob p = j.createProject(WorkflowJob.class, "pipeline-global");
    putMedia(j.jenkins.getWorkspaceFor(p));
    p.setDefinition(new CpsFlowDefinition(
        "node { resembleDetect includes: 'media/**/*.wav', onFlagged: 'WARN', cache: false }",
        true));

    j.buildAndAssertStatus(Result.UNSTABLE, p);
    j.configRoundtrip();
    assertThat(ResembleGlobalConfiguration.get().getApiUrl()).isEqualTo(simulator.baseUrl());
  }

  @Test
  void pipelineFailsWithTheOneSentenceMessage(JenkinsRule j) throws Exception {
    WorkflowJob p = j.createProject(WorkflowJob.class, "pipeline-failure");
    putMedia(j.jenkins.getWorkspaceFor(p));
    p.setDefinition(new CpsFlowDefinition("node {\n"
        + "  withEnv(['RESEMBLE_API_KEY=" + TOKEN + "']) {\n"
        + "    resembleDetect includes: 'media/**/*.wav', apiUrl: '" + simulator.baseUrl() + "',\n"
        + "        cache: false\n"
        + "  }\n"
        + "}", true));

    WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, p);

    j.assertLogContains("media/fake-intro.wav", run);
    j.assertLogNotContains("\tat io.github.resemblegate", run);
  }

  @Test
  void oldPipelineNamesStillWork(JenkinsRule j) throws Exception {
    addApiKey();
    WorkflowJob p = j.createProject(WorkflowJob.class, "pipeline-old-names");
    putMedia(j.jenkins.getWorkspaceFor(p));
    p.setDefinition(new CpsFlowDefinition("node {\n"
        + "  resembleDetect includes: 'media/**/*.wav', onFlagged: 'UNSTABLE',\n"
        + "      credentialsId: 'resemble-api-key', apiUrl: '" + simulator.baseUrl() + "',\n"
        + "      timeoutMinutes: 5, retryBudgetSeconds: 60, reportsDir: 'old-reports',\n"
        + "      cache: false\n"
        + "}", true));

    WorkflowRun run = j.buildAndAssertStatus(Result.UNSTABLE, p);

    assertThat(j.jenkins.getWorkspaceFor(p).child("old-reports/resemble-report.html").exists())
        .isTrue();
  }

  @Test
  void aJobSavedByThePreviousVersionLoadsUnderTheNewNames(JenkinsRule j) throws Exception {
    Object loaded = hudson.model.Items.XSTREAM2.fromXML(
        "<io.github.resemblegate.jenkins.ResembleDetectBuilder>\n"
        + "  <includes>media/**</includes>\n"
        + "  <threshold>0.5</threshold>\n"
        + "  <onFlagged>UNSTABLE</onFlagged>\n"
        + "  <onError>FAILURE</onError>\n"
        + "  <timeoutMinutes>10</timeoutMinutes>\n"
        + "  <retryBudgetSeconds>90</retryBudgetSeconds>\n"
        + "  <maxFiles>1000</maxFiles>\n"
        + "  <waivers>ci/waivers.yaml</waivers>\n"
        + "  <reportsDir>out/resemble</reportsDir>\n"
        + "  <cache>true</cache>\n"
        + "  <cacheDir>.cache</cacheDir>\n"
        + "</io.github.resemblegate.jenkins.ResembleDetectBuilder>");

    ResembleDetectBuilder b = (ResembleDetectBuilder) loaded;
    assertThat(b.getTimeout()).isEqualTo("10m");
    assertThat(b.getRetryBudget()).isEqualTo("90s");
    assertThat(b.getWaiversFile()).isEqualTo("ci/waivers.yaml");
    assertThat(b.getReportsDirectory()).isEqualTo("out/resemble");
    assertThat(b.getCacheDirectory()).isEqualTo(".cache");
    assertThat(b.getOnFlagged()).isEqualTo("WARN");
    assertThat(b.getOnError()).isEqualTo("FAIL");
    assertThat(b.getDefaultExcludes()).isNull();
    assertThat(hudson.model.Items.XSTREAM2.toXML(b)).contains("<timeout>10m</timeout>")
        .doesNotContain("timeoutMinutes", "reportsDir>", "<waivers>");
  }

  /** Files to upload and no key: the gate stops before the first request, with the advice. */
  @Test
  void missingTokenFailsNamingBothWaysToGiveOne(JenkinsRule j) throws Exception {
    WorkflowJob p = j.createProject(WorkflowJob.class, "pipeline-no-token");
    putMedia(j.jenkins.getWorkspaceFor(p));
    p.setDefinition(new CpsFlowDefinition(
        "node { resembleDetect 'media/**/*.wav' }", true));

    WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, p);

    j.assertLogContains("credentialsId", run);
    j.assertLogContains("RESEMBLE_API_KEY", run);
    // A fresh report says the run did not complete, so no earlier run's report is published.
    assertThat(run.getAction(ResembleDetectAction.class).getSentence())
        .startsWith("The run did not complete: no Resemble API token was provided.");
  }

  @Test
  void actionSurvivesAReloadOfTheBuild(JenkinsRule j) throws Exception {
    addApiKey();
    FreeStyleProject p = freestyle(j, step("WARN"));
    FreeStyleBuild build = j.buildAndAssertStatus(Result.UNSTABLE, p);

    build.reload();

    ResembleDetectAction reloaded = build.getAction(ResembleDetectAction.class);
    assertThat(reloaded.getRun()).isSameAs(build);
    assertThat(reloaded.getAttentionRows()).extracting(FileResult::path)
        .containsExactly("media/fake-intro.wav");
  }
}
