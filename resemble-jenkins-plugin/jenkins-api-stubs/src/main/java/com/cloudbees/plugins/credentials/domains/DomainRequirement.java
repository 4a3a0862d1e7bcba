package com.cloudbees.plugins.credentials.domains;

import hudson.ExtensionPoint;
import java.io.Serializable;

/** Stub: narrows credentials to a domain (none are used here). */
public class DomainRequirement implements ExtensionPoint, Serializable {
  private static final long serialVersionUID = 1L;

  public DomainRequirement() {}
}
