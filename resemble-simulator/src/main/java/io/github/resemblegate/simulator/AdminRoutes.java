package io.github.resemblegate.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * The simulator's controls over HTTP, for a standalone simulator (see the README):
 *
 * <ul>
 *   <li>{@code POST /__admin/resemble/faults} arms a fault described in JSON
 *   <li>{@code DELETE /__admin/resemble/faults} disarms all
 *   <li>{@code GET /__admin/resemble/counters} the {@link Counters}
 *   <li>{@code GET /__admin/resemble/batches} the {@link ReceivedBatch}es
 *   <li>{@code POST /__admin/resemble/reset} {@link ResembleSimulator#reset()}
 * </ul>
 */
final class AdminRoutes implements AdminApiExtension {
  static final String PREFIX = "/resemble";

  private static final Set<String> FAULT_FIELDS = Set.of("fault", "status", "retry_after_ms", "delay_ms",
      "endpoint", "method", "path", "times", "always", "rate", "after_processing");

  private final ResembleSimulator simulator;

  AdminRoutes(ResembleSimulator simulator) {
    this.simulator = simulator;
  }

  @Override
  public String getName() {
    return "resemble-simulator-admin";
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    router.add(RequestMethod.POST, PREFIX + "/faults", (admin, event, params) -> injectFault(event));
    router.add(RequestMethod.DELETE, PREFIX + "/faults", (admin, event, params) -> {
      simulator.faults().clear();
      return ok(LooseJson.object().put("armed", 0));
    });
    router.add(RequestMethod.GET, PREFIX + "/counters",
        (admin, event, params) -> ok(LooseJson.MAPPER.valueToTree(simulator.counters())));
    router.add(RequestMethod.GET, PREFIX + "/batches",
        (admin, event, params) -> ok(batches()));
    router.add(RequestMethod.POST, PREFIX + "/reset", (admin, event, params) -> {
      simulator.reset();
      return ok(LooseJson.object());
    });
  }

  private JsonNode batches() {
    ArrayNode all = LooseJson.array();
    for (ReceivedBatch batch : simulator.batches()) {
      ObjectNode node = all.addObject();
      node.put("uuid", batch.uuid());
      node.set("fileNames", LooseJson.MAPPER.valueToTree(batch.fileNames()));
      node.put("zipIntake", batch.zipIntake());
      node.set("fields", LooseJson.MAPPER.valueToTree(batch.fields()));
      node.set("detectUuids", LooseJson.MAPPER.valueToTree(batch.detectUuids()));
      node.put("createdAt", DetectJson.time(batch.createdAt()));
    }
    return all;
  }

  private ResponseDefinition injectFault(ServeEvent event) {
    Fault fault;
    try {
      fault = parseFault(LooseJson.MAPPER.readTree(event.getRequest().getBody()));
    } catch (IOException e) {
      return error("The fault is not valid JSON.");
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    simulator.faults().inject(fault);
    return ok(LooseJson.object().put("armed", simulator.faults().armed()).put("fault", fault.toString()));
  }

  /** Reads the JSON form of a {@link Fault}; field names are listed in the README. */
  static Fault parseFault(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("Send the fault as a JSON object, e.g. {\"fault\": \"rate_limited\"}.");
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FAULT_FIELDS.contains(name)) {
        throw new IllegalArgumentException("Unknown fault field \"" + name + "\"; known fields are " + FAULT_FIELDS + ".");
      }
    }
    String kind = json.path("fault").asText("");
    Fault fault =
        switch (kind) {
          case "rate_limited" -> json.has("retry_after_ms")
              ? Fault.rateLimited(Duration.ofMillis(json.get("retry_after_ms").asLong()))
              : Fault.rateLimited();
          case "server_error" -> Fault.serverError(json.path("status").asInt(500));
          case "connection_reset" -> Fault.connectionReset();
          case "slow_response" -> Fault.slowResponse(Duration.ofMillis(json.path("delay_ms").asLong(5000)));
          case "malformed_json" -> Fault.malformedJson();
          case "insufficient_credit" -> Fault.insufficientCredit();
          case "plan_limit" -> Fault.planLimit();
          default -> throw new IllegalArgumentException("Unknown fault \"" + kind + "\"; use rate_limited, "
              + "server_error, connection_reset, slow_response, malformed_json, insufficient_credit or plan_limit.");
        };
    if (json.has("endpoint")) {
      String endpoint = json.get("endpoint").asText().toUpperCase(Locale.ROOT);
      try {
        fault = fault.on(Endpoint.valueOf(endpoint));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Unknown endpoint \"" + endpoint + "\"; use one of "
            + java.util.Arrays.toString(Endpoint.values()) + ".");
      }
    } else if (json.has("path")) {
      fault = fault.on(json.hasNonNull("method") ? json.get("method").asText() : null, json.get("path").asText());
    }
    if (json.has("delay_ms") && !"slow_response".equals(kind)) {
      fault = fault.delayed(Duration.ofMillis(json.get("delay_ms").asLong()));
    }
    if (json.has("rate")) {
      fault = fault.atRate(json.get("rate").asDouble());
    }
    if (json.path("always").asBoolean(false)) {
      fault = fault.always();
    }
    if (json.has("times")) {
      fault = fault.times(json.get("times").asInt());
    }
    if (json.path("after_processing").asBoolean(false)) {
      fault = fault.afterProcessing();
    }
    return fault;
  }

  private static ResponseDefinition ok(JsonNode body) {
    return json(200, body);
  }

  private static ResponseDefinition error(String message) {
    return json(400, LooseJson.object().put("message", message));
  }

  private static ResponseDefinition json(int status, JsonNode body) {
    return WireMock.aResponse()
        .withStatus(status)
        .withHeader("Content-Type", ApiResponse.JSON)
        .withBody(body.toString())
        .build();
  }
}
