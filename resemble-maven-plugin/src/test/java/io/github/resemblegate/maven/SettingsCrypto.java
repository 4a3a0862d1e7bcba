package io.github.resemblegate.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.cipher.PlexusCipherException;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/**
 * Maven 3 password encryption for tests, done the way {@code mvn --encrypt-master-password} and
 * {@code mvn --encrypt-password} do it: a settings-security.xml holding the encrypted master
 * password, and values encrypted with the master password.
 */
final class SettingsCrypto {

  private static final String MASTER = "it-master-password";

  private final DefaultPlexusCipher cipher = new DefaultPlexusCipher();
  private final Path securityFile;

  SettingsCrypto(Path dir) throws IOException, PlexusCipherException {
    securityFile = dir.resolve("settings-security.xml");
    // The master password itself is encrypted with the fixed passphrase "settings.security".
    String master = cipher.encryptAndDecorate(MASTER, DefaultSecDispatcher.SYSTEM_PROPERTY_SEC_LOCATION);
    Files.writeString(securityFile,
        "<settingsSecurity><master>" + master + "</master></settingsSecurity>");
  }

  /** What {@code mvn --encrypt-password value} prints: {@code {...}}. */
  String encrypt(String value) throws PlexusCipherException {
    return cipher.encryptAndDecorate(value, MASTER);
  }

  /** A decrypter reading this security file, as Maven's own reads ~/.m2/settings-security.xml. */
  SettingsDecrypter decrypter() {
    return new DefaultSettingsDecrypter(
        new DefaultSecDispatcher(cipher, Map.of(), securityFile.toString()));
  }

  /** A decrypter whose security file does not exist: encrypted values cannot be read. */
  static SettingsDecrypter withoutSecurityFile(Path dir) {
    return new DefaultSettingsDecrypter(new DefaultSecDispatcher(new DefaultPlexusCipher(), Map.of(),
        dir.resolve("missing-settings-security.xml").toString()));
  }
}
