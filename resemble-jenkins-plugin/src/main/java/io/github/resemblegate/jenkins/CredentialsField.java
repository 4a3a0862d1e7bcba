package io.github.resemblegate.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;

/**
 * The credentials select box of the step and of the global configuration, as the credentials
 * plugin's consumer guide has it: Secret text credentials, listed and checked only for users who
 * may configure or use them ({@code item} null: the controller, for administrators).
 */
final class CredentialsField {

  private CredentialsField() {}

  static ListBoxModel items(Item item, String current) {
    StandardListBoxModel result = new StandardListBoxModel();
    if (!mayList(item)) {
      return result.includeCurrentValue(current);
    }
    return result
        .includeEmptyValue()
        .includeMatchingAs(authenticationFor(item), item, StringCredentials.class, List.of(),
            CredentialsMatchers.always())
        .includeCurrentValue(current);
  }

  /** @param ifBlank what a blank choice means where the field is */
  static FormValidation check(Item item, String value, String ifBlank) {
    if (!mayList(item)) {
      return FormValidation.ok();
    }
    if (Text.isBlank(value)) {
      return FormValidation.ok(ifBlank);
    }
    if (value.startsWith("${") && value.endsWith("}")) {
      return FormValidation.warning("An expression cannot be checked until the build runs.");
    }
    if (CredentialsProvider.listCredentialsInItem(StringCredentials.class, item,
        authenticationFor(item), List.of(), CredentialsMatchers.withId(value)).isEmpty()) {
      return FormValidation.error("No Secret text credential with this ID is visible here.");
    }
    return FormValidation.ok();
  }

  private static boolean mayList(Item item) {
    if (item == null) {
      return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
    }
    return item.hasPermission(Item.EXTENDED_READ)
        || item.hasPermission(CredentialsProvider.USE_ITEM);
  }

  private static Authentication authenticationFor(Item item) {
    return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
  }
}
