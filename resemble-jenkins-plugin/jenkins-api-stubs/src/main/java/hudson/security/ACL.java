package hudson.security;

import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Stub: access control; only the SYSTEM identity is used. */
public abstract class ACL {
  public static final Authentication SYSTEM2 =
      UsernamePasswordAuthenticationToken.authenticated("SYSTEM", "SYSTEM", List.of());
}
