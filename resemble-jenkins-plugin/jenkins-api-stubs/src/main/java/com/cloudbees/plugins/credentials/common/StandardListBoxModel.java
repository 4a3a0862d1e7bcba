package com.cloudbees.plugins.credentials.common;

/** Stub: a select box of standard credentials. */
public class StandardListBoxModel
    extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
  private static final long serialVersionUID = 1L;

  public StandardListBoxModel() {}
}
