package io.github.resemblegate.simulator;

import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.util.List;

/** Keeps WireMock from reading or writing stub files: the simulator registers its stubs in code. */
final class NoMappings implements MappingsSource {
  @Override
  public void loadMappingsInto(StubMappings stubMappings) {}

  @Override
  public void save(List<StubMapping> stubMappings) {}

  @Override
  public void save(StubMapping stubMapping) {}

  @Override
  @SuppressWarnings("removal")
  public void remove(StubMapping stubMapping) {}

  @Override
  public void removeAll() {}
}
