package io.github.resemblegate.simulator;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * WireMock's Jetty 11 server with the {@link UploadFilter} in front of the stub servlet, stopping
 * without waiting for delayed answers.
 */
final class SimulatorServerFactory implements HttpServerFactory {
  private final UploadRegistry registry;
  private final long uploadBandwidth;

  /** @param uploadBandwidth bytes per second each connection may upload; 0 for no limit */
  SimulatorServerFactory(UploadRegistry registry, long uploadBandwidth) {
    this.registry = registry;
    this.uploadBandwidth = uploadBandwidth;
  }

  @Override
  public String getName() {
    return "resemble-simulator-server";
  }

  @Override
  public HttpServer buildHttpServer(
      Options options, AdminRequestHandler adminRequestHandler, StubRequestHandler stubRequestHandler) {
    UploadFilter filter = new UploadFilter(registry, uploadBandwidth);
    // Jetty11HttpServer builds its contexts in its constructor, so the hook runs before any field of
    // a named subclass would be set; the captured local of an anonymous class is set before that.
    return new Jetty11HttpServer(options, adminRequestHandler, stubRequestHandler) {
      @Override
      protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
        context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
      }

      @Override
      public void stop() {
        // WireMock's stop lets delayed answers (slow faults, Prefer: wait) run out first, which
        // would hold a test's teardown for the whole delay; nobody waits for them any more.
        if (scheduledExecutorService != null) {
          scheduledExecutorService.shutdownNow();
        }
        super.stop();
      }
    };
  }
}
