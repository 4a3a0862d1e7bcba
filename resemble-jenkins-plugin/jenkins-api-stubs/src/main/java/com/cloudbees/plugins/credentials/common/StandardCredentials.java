package com.cloudbees.plugins.credentials.common;

/** Stub: a credential with an id and a description. */
public interface StandardCredentials extends IdCredentials {
  String getDescription();
}
