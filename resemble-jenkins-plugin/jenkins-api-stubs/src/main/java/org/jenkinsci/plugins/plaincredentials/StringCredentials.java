package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;

/** Stub: a "Secret text" credential. */
public interface StringCredentials extends StandardCredentials {
  Secret getSecret();
}
