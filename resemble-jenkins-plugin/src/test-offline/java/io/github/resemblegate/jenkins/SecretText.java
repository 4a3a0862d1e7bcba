package io.github.resemblegate.jenkins;

import com.cloudbees.plugins.credentials.Credentials;
import hudson.model.Descriptor;
import hudson.util.Secret;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** A Secret text credential for tests. */
final class SecretText implements StringCredentials {
  private static final long serialVersionUID = 1L;
  private final String id;
  private final String secret;

  SecretText(String id, String secret) {
    this.id = id;
    this.secret = secret;
  }

  @Override
  public Secret getSecret() {
    return Secret.fromString(secret);
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public String getDescription() {
    return "test key";
  }

  @Override
  public Descriptor<Credentials> getDescriptor() {
    return null;
  }
}
