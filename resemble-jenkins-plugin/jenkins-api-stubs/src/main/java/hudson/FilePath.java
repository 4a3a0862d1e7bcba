package hudson;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/**
 * Stub: a file on some node. Only local paths exist here; {@link #act} runs the callable in this
 * JVM, as real Jenkins does for a path without a channel.
 */
public final class FilePath implements SerializableOnlyOverRemoting {
  private static final long serialVersionUID = 1L;

  private final String remote;

  public FilePath(VirtualChannel channel, String remote) {
    if (channel != null) {
      throw new UnsupportedOperationException("The stub has no remote channels.");
    }
    this.remote = remote;
  }

  public FilePath(File localPath) {
    this.remote = localPath.getPath();
  }

  public FilePath(FilePath base, String rel) {
    this.remote = new File(base.remote, rel).getPath();
  }

  public String getRemote() {
    return remote;
  }

  public String getName() {
    return new File(remote).getName();
  }

  public boolean isRemote() {
    return false;
  }

  public FilePath child(String relOrAbsolute) {
    File f = new File(relOrAbsolute);
    return f.isAbsolute() ? new FilePath(f) : new FilePath(this, relOrAbsolute);
  }

  public boolean exists() throws IOException, InterruptedException {
    return new File(remote).exists();
  }

  public void mkdirs() throws IOException, InterruptedException {
    Files.createDirectories(new File(remote).toPath());
  }

  public void copyTo(FilePath target) throws IOException, InterruptedException {
    Files.copy(new File(remote).toPath(), new File(target.remote).toPath(),
        StandardCopyOption.REPLACE_EXISTING);
  }

  public <T> T act(FileCallable<T> callable) throws IOException, InterruptedException {
    return callable.invoke(new File(remote), null);
  }

  @Override
  public String toString() {
    return remote;
  }

  /** Stub: work done where the file is. */
  public interface FileCallable<T> extends Serializable, RoleSensitive {
    T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
  }
}
