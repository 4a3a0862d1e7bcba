package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;
import io.github.resemblegate.jenkins.stubs.StubOnly;
import java.io.File;
import java.io.IOException;
import jenkins.model.RunAction2;

/**
 * Stub: one build (read from jenkinsci/jenkins at jenkins-2.479.3,
 * core/src/main/java/hudson/model/Run.java). The result only gets worse, as in Jenkins; {@link #getRootDir()} must be
 * overridden by a test subclass.
 */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
    extends Actionable implements AccessControlled {

  /** Viewing a build's files; checked only when {@code Functions.isArtifactsPermissionEnabled()}. */
  public static final Permission ARTIFACTS = Permission.stubFor("hudson.model.Run.Artifacts");

  private final JobT project;
  private volatile Result result;
  private int number = 1;

  protected Run(JobT job) throws IOException {
    this.project = job;
  }

  public Result getResult() {
    return result;
  }

  public void setResult(Result r) {
    if (result == null || r.isWorseThan(result)) {
      result = r;
    }
  }

  public JobT getParent() {
    return project;
  }

  public int getNumber() {
    return number;
  }

  @StubOnly
  public void setNumberForTest(int number) {
    this.number = number;
  }

  public String getFullDisplayName() {
    return "#" + number;
  }

  public String getUrl() {
    return "job/test/" + number + "/";
  }

  public File getRootDir() {
    throw new UnsupportedOperationException("Override getRootDir() in the test's Run.");
  }

  @Override
  public void addAction(Action a) {
    super.addAction(a);
    if (a instanceof RunAction2 action) {
      action.onAttached(this);
    }
  }
}
