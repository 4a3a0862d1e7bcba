package io.github.resemblegate.simulator;

import java.time.Instant;

/**
 * A {@code callback_url} the simulator called.
 *
 * @param body the JSON posted: {@code {"success": true, "item": ...}} with the batch or the detect
 * @param status the receiver's HTTP status, or 0 when it could not be reached
 */
public record SentCallback(String url, String body, int status, Instant at) {}
