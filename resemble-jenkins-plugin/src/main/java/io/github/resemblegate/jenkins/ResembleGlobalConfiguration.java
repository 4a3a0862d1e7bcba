package io.github.resemblegate.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.github.resemblegate.gate.settings.Setting;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The controller-wide defaults of every {@code resembleDetect} step (Manage Jenkins, System; in
 * Configuration as Code {@code unclassified: resembleDetect:}): the API URL and the credential
 * holding the API key. A step that names its own overrides them.
 */
@Extension
@Symbol("resembleDetect")
public class ResembleGlobalConfiguration extends GlobalConfiguration {

  private String apiUrl;
  private String credentialsId;

  public ResembleGlobalConfiguration() {
    load();
  }

  /** The one instance Jenkins made. */
  static ResembleGlobalConfiguration get() {
    return ExtensionList.lookupSingleton(ResembleGlobalConfiguration.class);
  }

  @Override
  public String getDisplayName() {
    return "Resemble Detect";
  }

  public String getApiUrl() {
    return apiUrl;
  }

  /** Blank: the catalogue's default, the Resemble API itself. */
  @DataBoundSetter
  public void setApiUrl(String apiUrl) {
    this.apiUrl = Text.blankToNull(apiUrl);
    save();
  }

  public String getCredentialsId() {
    return credentialsId;
  }

  @DataBoundSetter
  public void setCredentialsId(String credentialsId) {
    this.credentialsId = Text.blankToNull(credentialsId);
    save();
  }

  @POST
  public FormValidation doCheckApiUrl(@QueryParameter String value) {
    return FormChecks.check(Setting.API_URL, value);
  }

  @POST
  public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
    return CredentialsField.items(null, credentialsId);
  }

  @POST
  public FormValidation doCheckCredentialsId(@QueryParameter String value) {
    return CredentialsField.check(null, value, "Blank: a step without a credential reads the"
        + " build's " + Tokens.ENV_VAR + ".");
  }
}
