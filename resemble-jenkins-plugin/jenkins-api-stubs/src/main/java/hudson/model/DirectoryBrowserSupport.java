package hudson.model;

import hudson.FilePath;

/** Stub: serves the files under a directory over HTTP (with Jenkins' user-content CSP). */
public final class DirectoryBrowserSupport {
  public final ModelObject owner;
  public final String title;
  private final FilePath base;

  public DirectoryBrowserSupport(ModelObject owner, FilePath base, String title, String icon,
      boolean serveDirIndex) {
    this.owner = owner;
    this.title = title;
    this.base = base;
  }

  @io.github.resemblegate.jenkins.stubs.StubOnly
  public FilePath baseForTest() {
    return base;
  }
}
