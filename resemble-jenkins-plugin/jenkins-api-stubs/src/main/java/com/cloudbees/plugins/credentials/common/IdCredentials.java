package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** Stub: a credential with an id. */
public interface IdCredentials extends Credentials {
  String getId();
}
